package io.keyward.crypto;

import io.keyward.crypto.KeyFormatException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;

import static io.keyward.crypto.TestKeys.assertNoKeyText;
import static io.keyward.crypto.TestKeys.assertPlainSentence;
import static io.keyward.crypto.TestKeys.assertSameModulus;
import static io.keyward.crypto.TestKeys.mimePem;
import static io.keyward.crypto.TestKeys.pkcs1;
import static io.keyward.crypto.TestKeys.rsa;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublicKeyPemTest {

    private static RSAPublicKey rsaPublic(int bits) {
        return (RSAPublicKey) rsa(bits).getPublic();
    }

    private static String spkiPem(int bits) {
        return mimePem("PUBLIC KEY", rsaPublic(bits).getEncoded());
    }

    // --- accepted ---------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {2048, 3072, 4096})
    void readsSpkiOfEachSize(int bits) throws Exception {
        RSAPublicKey key = rsaPublic(bits);

        RsaPublicKeyInfo info = PublicKeyPem.parse(spkiPem(bits));

        assertSameModulus(key, info.key());
        assertEquals(bits, info.bits());
        assertEquals(JwkThumbprint.of(key), info.thumbprint());
    }

    @ParameterizedTest
    @ValueSource(ints = {2048, 3072, 4096})
    void readsPkcs1OfEachSizeAsTheSameKey(int bits) throws Exception {
        RSAPublicKey key = rsaPublic(bits);
        byte[] pkcs1 = pkcs1(key);
        byte[] spki = key.getEncoded();
        // The hand-made PKCS#1 must be what the JDK puts in the SPKI's BIT STRING, or this test proves nothing.
        assertArrayEquals(pkcs1, java.util.Arrays.copyOfRange(spki, spki.length - pkcs1.length, spki.length));

        RsaPublicKeyInfo info = PublicKeyPem.parse(mimePem("RSA PUBLIC KEY", pkcs1));

        assertSameModulus(key, info.key());
        assertEquals(bits, info.bits());
        assertEquals(PublicKeyPem.parse(spkiPem(bits)).spkiPem(), info.spkiPem());
    }

    @ParameterizedTest
    @ValueSource(ints = {2048, 4096})
    void normalizedPemHas64CharacterLinesAndReparsesToTheSameKey(int bits) throws Exception {
        RsaPublicKeyInfo info = PublicKeyPem.parse(spkiPem(bits));
        String pem = info.spkiPem();

        List<String> lines = pem.lines().toList();
        assertEquals("-----BEGIN PUBLIC KEY-----", lines.get(0));
        assertEquals("-----END PUBLIC KEY-----", lines.get(lines.size() - 1));
        assertTrue(pem.endsWith("-----END PUBLIC KEY-----\n"));
        assertTrue(!pem.contains("\r"));
        List<String> body = lines.subList(1, lines.size() - 1);
        for (int i = 0; i < body.size() - 1; i++) {
            assertEquals(64, body.get(i).length(), "line " + i);
        }
        assertTrue(body.get(body.size() - 1).length() <= 64);
        assertArrayEquals(rsaPublic(bits).getEncoded(), Base64.getDecoder().decode(String.join("", body)));

        RsaPublicKeyInfo again = PublicKeyPem.parse(pem);
        assertEquals(info, again);
        assertEquals(pem, again.spkiPem());
    }

    @Test
    void pkcs1FromOpenSslBecomesExactlyOpenSslsSpki() throws Exception {
        RsaPublicKeyInfo fromPkcs1 = PublicKeyPem.parse(OpenSslFixture.PKCS1_PEM);
        RsaPublicKeyInfo fromSpki = PublicKeyPem.parse(OpenSslFixture.SPKI_PEM);

        assertEquals(OpenSslFixture.SPKI_PEM, fromPkcs1.spkiPem());
        assertEquals(OpenSslFixture.SPKI_PEM, fromSpki.spkiPem());
        assertEquals(OpenSslFixture.THUMBPRINT, fromPkcs1.thumbprint());
        assertEquals(2048, fromPkcs1.bits());
    }

    @Test
    void toleratesCrlfBlankLinesSpacesTabsSurroundingTextAndNoFinalNewline() throws Exception {
        String lf = OpenSslFixture.SPKI_PEM;
        String[] lines = lf.split("\n");
        StringBuilder messy = new StringBuilder("Here is the key you asked for:\r\n\r\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i > 0 && i < lines.length - 1) {
                line = "  " + line.substring(0, 4) + " \t" + line.substring(4) + "\t ";
            }
            messy.append(line);
            if (i < lines.length - 1) {
                messy.append(i == 3 ? "\r\n\r\n\r\n" : "\r\n");
            }
        }
        messy.append("  -- sent from my phone");

        RsaPublicKeyInfo info = PublicKeyPem.parse(messy.toString());

        assertEquals(lf, info.spkiPem());
    }

    @Test
    void toleratesAKeyCollapsedOntoOneLineAndNoBreakSpaces() throws Exception {
        String oneLine = OpenSslFixture.SPKI_PEM.strip().replace("\n", " ").replace("MIIB", "\u00a0MIIB");

        assertEquals(OpenSslFixture.SPKI_PEM, PublicKeyPem.parse(oneLine).spkiPem());
    }

    // --- refused ----------------------------------------------------------------------------

    private static String refusal(String text, Reason reason) {
        KeyFormatException e = assertThrows(KeyFormatException.class, () -> PublicKeyPem.parse(text));
        assertEquals(reason, e.reason(), e.getMessage());
        assertPlainSentence(e.getMessage());
        if (text != null) {
            assertNoKeyText(e.getMessage(), text);
        }
        return e.getMessage();
    }

    @Test
    void refusesEmptyInput() {
        for (String empty : new String[] {null, "", "  \r\n\t \n"}) {
            String message = refusal(empty, Reason.EMPTY);
            assertTrue(message.contains("No key"), message);
        }
    }

    @Test
    void refusesTextWithoutAPemBlock() {
        String bareBase64 = Base64.getMimeEncoder().encodeToString(rsaPublic(2048).getEncoded());

        String message = refusal(bareBase64, Reason.NO_PEM_BLOCK);

        assertTrue(message.contains("No PEM key was found"), message);
        assertTrue(message.contains("-----BEGIN PUBLIC KEY-----"), message);
    }

    @Test
    void refusesAnOpenSshPublicKeyAndSaysHowToConvertIt() {
        String ssh = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDhX+ovirtn2TpNq6ttIHGiyDu7wRNcDIjgVLt/yB/cjTyviuNdMO5P"
                + " admin@laptop\n";

        String message = refusal(ssh, Reason.NO_PEM_BLOCK);

        assertTrue(message.contains("OpenSSH") && message.contains("ssh-keygen"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY",
        "OPENSSH PRIVATE KEY"})
    void refusesEveryKindOfPrivateKeyWithoutRepeatingIt(String label) {
        // The label decides; the body is real private material so that the no-echo check means something.
        String pem = mimePem(label, rsa(2048).getPrivate().getEncoded());

        String message = refusal(pem, Reason.PRIVATE_KEY);

        assertTrue(message.startsWith("This is a private key"), message);
        assertTrue(message.contains("must never be pasted") && message.contains("sent"), message);
        assertTrue(message.contains("paste its public key"), message);
    }

    @Test
    void refusesAPrivateKeyPastedNextToAPublicKeyOrCutShort() {
        String privatePem = mimePem("PRIVATE KEY", rsa(2048).getPrivate().getEncoded());
        String cutShort = privatePem.substring(0, privatePem.indexOf("-----END"));

        refusal(spkiPem(2048) + "\n" + privatePem, Reason.PRIVATE_KEY);
        refusal(privatePem + spkiPem(2048), Reason.PRIVATE_KEY);
        refusal(cutShort, Reason.PRIVATE_KEY);
    }

    @Test
    void refusesACertificateAndSaysToPasteItsPublicKey() {
        String message = refusal(OpenSslFixture.CERTIFICATE_PEM, Reason.CERTIFICATE);

        assertTrue(message.contains("certificate") && message.contains("public key"), message);
    }

    @Test
    void refusesAnEcKeyNamingItsAlgorithmAndCurve() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair ec = generator.generateKeyPair();

        String message = refusal(mimePem("PUBLIC KEY", ec.getPublic().getEncoded()), Reason.NOT_RSA);

        assertTrue(message.contains("EC (curve P-256)") && message.contains("only RSA"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ed25519", "Ed448", "X25519", "DSA"})
    void refusesOtherAlgorithmsNamingThem(String algorithm) {
        KeyPair pair = TestKeys.pair(algorithm, algorithm.equals("DSA") ? 2048 : 0);

        String message = refusal(mimePem("PUBLIC KEY", pair.getPublic().getEncoded()), Reason.NOT_RSA);

        assertTrue(message.contains(algorithm) && message.contains("only RSA"), message);
    }

    @Test
    void refusesA1024BitKeyNamingItsSizeAndTheMinimum() {
        RSAPublicKey small = (RSAPublicKey) rsa(1024).getPublic();

        for (String pem : List.of(mimePem("PUBLIC KEY", small.getEncoded()), mimePem("RSA PUBLIC KEY", pkcs1(small)))) {
            String message = refusal(pem, Reason.TOO_SMALL);
            assertTrue(message.contains("1024 bits") && message.contains("minimum of 2048 bits"), message);
        }
    }

    @Test
    void refusesBrokenBase64() {
        String pem = OpenSslFixture.SPKI_PEM.replace("+", "*");

        String message = refusal(pem, Reason.CORRUPT);

        assertTrue(message.contains("not valid base64"), message);
    }

    @Test
    void refusesBase64ThatIsNotAKey() {
        String truncated = OpenSslFixture.SPKI_PEM.replace("YwIDAQAB\n", "");
        String garbage = mimePem("PUBLIC KEY", "this is not DER at all, just words".getBytes());
        String spkiUnderPkcs1Label = OpenSslFixture.SPKI_PEM.replace("PUBLIC KEY", "RSA PUBLIC KEY");
        String trailingBytes = mimePem("PUBLIC KEY", java.util.Arrays.copyOf(rsaPublic(2048).getEncoded(),
                rsaPublic(2048).getEncoded().length + 2));

        assertTrue(refusal(truncated, Reason.CORRUPT).contains("could not be read"));
        refusal(garbage, Reason.CORRUPT);
        assertTrue(refusal(spkiUnderPkcs1Label, Reason.CORRUPT).contains("PKCS#1"));
        refusal(trailingBytes, Reason.CORRUPT);
        refusal("-----BEGIN PUBLIC KEY-----\n\n-----END PUBLIC KEY-----\n", Reason.CORRUPT);
    }

    @Test
    void refusesMoreThanOneBlock() {
        String message = refusal(spkiPem(2048) + spkiPem(3072), Reason.MULTIPLE_BLOCKS);

        assertTrue(message.contains("2 PEM blocks") && message.contains("exactly one"), message);
    }

    @Test
    void refusesABlockWithoutItsEndLine() {
        String pem = OpenSslFixture.SPKI_PEM;
        String noEnd = pem.substring(0, pem.indexOf("-----END"));
        String wrongEnd = pem.replace("-----END PUBLIC KEY-----", "-----END RSA PUBLIC KEY-----");

        assertTrue(refusal(noEnd, Reason.INCOMPLETE_PEM).contains("no matching -----END PUBLIC KEY----- line"));
        assertTrue(refusal(wrongEnd, Reason.INCOMPLETE_PEM).contains("closed by -----END RSA PUBLIC KEY-----"));
    }

    @Test
    void refusesOtherPemBlocksNamingThem() {
        String csr = OpenSslFixture.SPKI_PEM.replace("PUBLIC KEY", "CERTIFICATE REQUEST");

        String message = refusal(csr, Reason.UNSUPPORTED_BLOCK);

        assertTrue(message.contains("\"CERTIFICATE REQUEST\" PEM block"), message);
    }
}
