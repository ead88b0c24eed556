package io.keyward.sandbox;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * PEMs for the /v1 tests, made with the JDK at test time: nothing secret is committed, and every
 * kind of wrong key is a real one. RSA-2048 generation is slow, so that pair is made once.
 */
final class TestPems {
    private static final Lazy<KeyPair> RSA_2048 = new Lazy<>(() -> pair("RSA", 2048));

    private TestPems() {
    }

    static String rsa2048Public() {
        return pem("PUBLIC KEY", RSA_2048.get().getPublic().getEncoded());
    }

    static String rsa2048Private() {
        return pem("PRIVATE KEY", RSA_2048.get().getPrivate().getEncoded());
    }

    static String rsaPublic(int bits) {
        return pem("PUBLIC KEY", pair("RSA", bits).getPublic().getEncoded());
    }

    static String ecPublic() {
        return pem("PUBLIC KEY", ec().getPublic().getEncoded());
    }

    static String ecPrivate() {
        return pem("PRIVATE KEY", ec().getPrivate().getEncoded());
    }

    static String ed25519Public() {
        return pem("PUBLIC KEY", pair("Ed25519", 0).getPublic().getEncoded());
    }

    /** SPKI encoding with 64-character lines, as openssl writes it. */
    static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    /** The base64 lines of a PEM, to prove a problem does not carry any of them back. */
    static String[] bodyLines(String pem) {
        return pem.lines().filter(line -> !line.startsWith("-----")).toArray(String[]::new);
    }

    private static KeyPair ec() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair pair(String algorithm, int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (bits > 0) {
                generator.initialize(bits);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
