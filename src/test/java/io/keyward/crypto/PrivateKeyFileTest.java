package io.keyward.crypto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Saving the private key, through {@link RsaKeyGeneration#writePrivateKey}, into real files. */
class PrivateKeyFileTest {
    @TempDir
    Path dir;

    private static boolean posix(Path path) throws Exception {
        return Files.getFileStore(path).supportsFileAttributeView(PosixFileAttributeView.class);
    }

    private List<String> listing(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Reads the file back with the JDK alone, checking the PEM layout on the way. */
    private static PrivateKey readPkcs8(Path file) throws Exception {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        assertTrue(pem.startsWith("-----BEGIN PRIVATE KEY-----\n"), "header");
        assertTrue(pem.endsWith("\n-----END PRIVATE KEY-----\n"), "footer and final newline");
        assertFalse(pem.contains("\r"));
        List<String> body = pem.lines().filter(l -> !l.startsWith("-----")).toList();
        for (int i = 0; i < body.size() - 1; i++) {
            assertEquals(64, body.get(i).length(), "line " + i);
        }
        byte[] der = Base64.getDecoder().decode(String.join("", body));
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    private static boolean verifies(PublicKey publicKey, PrivateKey privateKey) throws Exception {
        byte[] data = "a JWT signing input".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(privateKey);
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey);
        verifier.update(data);
        return verifier.verify(signature);
    }

    @Test
    void writesPkcs8PemWhoseKeySignsWhatThePublicKeyVerifies() throws Exception {
        RsaKeyGeneration generation = RsaKeyGeneration.generate(3072);
        Path file = dir.resolve("jwt-signing.pem");

        generation.writePrivateKey(file);

        PrivateKey privateKey = readPkcs8(file);
        assertTrue(verifies(generation.publicKey().key(), privateKey));
        // The check above can fail: another key pair's public key does not verify the signature.
        assertFalse(verifies(TestKeys.rsa(3072).getPublic(), privateKey));
    }

    @Test
    void fileIsOwnerReadWriteOnlyAndNothingElseIsLeftInTheFolder() throws Exception {
        RsaKeyGeneration generation = RsaKeyGeneration.generate(2048);
        Path file = dir.resolve("key.pem");

        KeyFileProtection protection = generation.writePrivateKey(file);

        assertEquals(List.of("key.pem"), listing(dir), "no temporary file may be left behind");
        assumeTrue(posix(dir), "POSIX permissions only exist on POSIX file systems");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(KeyFileProtection.POSIX_OWNER_ONLY, protection);
    }

    @Test
    void replacesAnExistingFileAndItsWiderPermissions() throws Exception {
        Path file = dir.resolve("key.pem");
        Files.writeString(file, "an older key\n");
        if (posix(dir)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
        RsaKeyGeneration generation = RsaKeyGeneration.generate(2048);

        generation.writePrivateKey(file);

        assertTrue(verifies(generation.publicKey().key(), readPkcs8(file)));
        assertEquals(List.of("key.pem"), listing(dir));
        if (posix(dir)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
    }

    @Test
    void theKeyIsForgottenAfterSavingSoASecondWriteFails() throws Exception {
        RsaKeyGeneration generation = RsaKeyGeneration.generate(2048);
        Path first = dir.resolve("first.pem");
        generation.writePrivateKey(first);
        byte[] saved = Files.readAllBytes(first);

        KeyFileException e = assertThrows(KeyFileException.class, () -> generation.writePrivateKey(dir.resolve("second.pem")));

        TestKeys.assertPlainSentence(e.getMessage());
        assertTrue(e.getMessage().contains("already saved") && e.getMessage().contains("no longer kept"), e.getMessage());
        assertFalse(generation.holdsPrivateKey());
        assertEquals(List.of("first.pem"), listing(dir));
        assertTrue(java.util.Arrays.equals(saved, Files.readAllBytes(first)));
        assertThrows(KeyFileException.class, () -> generation.writePrivateKey(first), "not even over the same file");
    }

    @Test
    void aMissingFolderFailsWithASentenceTouchesNothingAndKeepsTheKey() throws Exception {
        RsaKeyGeneration generation = RsaKeyGeneration.generate(2048);
        Path missing = dir.resolve("missing");

        KeyFileException e = assertThrows(KeyFileException.class, () -> generation.writePrivateKey(missing.resolve("key.pem")));

        TestKeys.assertPlainSentence(e.getMessage());
        assertEquals("The folder " + missing + " does not exist: choose an existing folder for the private key.",
                e.getMessage());
        assertEquals(List.of(), listing(dir));
        assertFalse(Files.exists(missing));
        // A failed save keeps the key so the admin can choose another place; and the message held no key text.
        assertTrue(generation.holdsPrivateKey());
        Path file = dir.resolve("key.pem");
        generation.writePrivateKey(file);
        String pem = Files.readString(file);
        pem.lines().filter(l -> !l.startsWith("-----")).forEach(l -> assertFalse(e.getMessage().contains(l.substring(0, 8))));
    }

    @Test
    void aFileWhereTheFolderShouldBeFailsTheSameWay() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("notes.txt"), "x");
        RsaKeyGeneration generation = RsaKeyGeneration.generate(2048);

        KeyFileException e = assertThrows(KeyFileException.class,
                () -> generation.writePrivateKey(notAFolder.resolve("key.pem")));

        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertEquals(List.of("notes.txt"), listing(dir));
        assertEquals("x", Files.readString(notAFolder));
    }

    @Test
    void aFolderAsTargetFailsAfterTheTemporaryFileExistedAndRemovesIt() throws Exception {
        // The rename is what fails here, so this checks the clean-up of a temporary file that held the key.
        Path folder = Files.createDirectory(dir.resolve("keys"));
        RsaKeyGeneration generation = RsaKeyGeneration.generate(2048);

        KeyFileException e = assertThrows(KeyFileException.class, () -> generation.writePrivateKey(folder));

        TestKeys.assertPlainSentence(e.getMessage());
        assertEquals(folder + " is a folder: choose a file name for the private key.", e.getMessage());
        assertEquals(List.of("keys"), listing(dir));
        assertEquals(List.of(), listing(folder));
        assertTrue(generation.holdsPrivateKey());
    }

    @Test
    void aFolderWithoutWritePermissionFailsWithASentence() throws Exception {
        assumeTrue(posix(dir), "needs POSIX permissions");
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-x------"));
        try {
            // root (as in CI containers) may write anywhere, so the case only exists for other users.
            assumeTrue(!Files.isWritable(locked), "the folder is writable anyway (running as root)");
            RsaKeyGeneration generation = RsaKeyGeneration.generate(2048);

            KeyFileException e = assertThrows(KeyFileException.class, () -> generation.writePrivateKey(locked.resolve("key.pem")));

            TestKeys.assertPlainSentence(e.getMessage());
            assertTrue(e.getMessage().contains("is not allowed"), e.getMessage());
            assertEquals(List.of(), listing(locked));
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
