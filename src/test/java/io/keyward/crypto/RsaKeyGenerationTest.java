package io.keyward.crypto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RsaKeyGenerationTest {

    @ParameterizedTest
    @ValueSource(ints = {2048, 3072, 4096})
    void generatesEachSupportedSize(int bits) throws Exception {
        RsaKeyGeneration generation = RsaKeyGeneration.generate(bits);

        assertEquals(bits, generation.bits());
        assertEquals(bits, generation.publicKey().key().getModulus().bitLength());
        assertEquals(65537, generation.publicKey().key().getPublicExponent().intValueExact());
        assertTrue(generation.holdsPrivateKey());
        // What the dialog sends is exactly what the parser accepts back, with the same thumbprint.
        RsaPublicKeyInfo reread = PublicKeyPem.parse(generation.spkiPem());
        assertEquals(generation.publicKey(), reread);
        assertEquals(JwkThumbprint.of(reread.key()), generation.thumbprint());
    }

    @ParameterizedTest
    @ValueSource(ints = {1000, 1024, 2047, 2049, 8192, 0, -2048})
    void refusesOtherSizes(int bits) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RsaKeyGeneration.generate(bits));

        TestKeys.assertPlainSentence(e.getMessage());
        assertTrue(e.getMessage().contains("not " + bits + ".") && e.getMessage().contains("2048, 3072 or 4096"),
                e.getMessage());
    }

    @Test
    void eachGenerationIsANewKey() {
        assertNotEquals(RsaKeyGeneration.generate(2048).thumbprint(), RsaKeyGeneration.generate(2048).thumbprint());
    }

    @Test
    void toStringShowsPublicFactsAndTheStateButNoPrivateMaterial(@TempDir Path dir) throws Exception {
        RsaKeyGeneration generation = RsaKeyGeneration.generate(2048);
        String held = generation.toString();

        Path file = dir.resolve("key.pem");
        generation.writePrivateKey(file);
        String saved = generation.toString();

        assertEquals("RsaKeyGeneration[bits=2048, thumbprint=" + generation.thumbprint() + ", privateKey=held]", held);
        assertEquals("RsaKeyGeneration[bits=2048, thumbprint=" + generation.thumbprint() + ", privateKey=saved]", saved);
        String privatePem = Files.readString(file);
        for (String text : new String[] {held, saved, generation.publicKey().toString()}) {
            privatePem.lines().filter(l -> !l.startsWith("-----"))
                    .forEach(line -> assertFalse(text.contains(line.substring(0, Math.min(8, line.length()))), text));
        }
    }

    @Test
    void discardingForgetsThePrivateKey(@TempDir Path dir) throws Exception {
        RsaKeyGeneration generation = RsaKeyGeneration.generate(2048);

        generation.discardPrivateKey();

        assertFalse(generation.holdsPrivateKey());
        KeyFileException e = assertThrows(KeyFileException.class, () -> generation.writePrivateKey(dir.resolve("key.pem")));
        TestKeys.assertPlainSentence(e.getMessage());
        assertTrue(e.getMessage().contains("discarded"), e.getMessage());
        assertEquals(0, Files.list(dir).count());
        assertTrue(generation.toString().endsWith("privateKey=discarded]"));
    }
}
