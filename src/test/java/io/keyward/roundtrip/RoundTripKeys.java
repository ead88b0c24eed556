package io.keyward.roundtrip;

import io.keyward.crypto.RsaKeyGeneration;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Key material for the Ampersand round trips, made at test time with the console's own generator
 * (valid keys) or the JDK (the wrong kinds), so nothing secret is committed. RSA generation costs
 * a fraction of a second on this 2-core machine, so valid keys are made once per JVM and shared.
 */
final class RoundTripKeys {
    private static final List<RsaKeyGeneration> POOL = new ArrayList<>();

    private RoundTripKeys() {
    }

    /** The i-th shared RSA-2048 public key (SPKI PEM); distinct i give distinct keys. */
    static synchronized RsaKeyGeneration rsa2048(int i) {
        while (POOL.size() <= i) {
            POOL.add(RsaKeyGeneration.generate(2048));
        }
        return POOL.get(i);
    }

    static String rsaPublic(int bits) {
        return pem("PUBLIC KEY", pair("RSA", bits).getPublic().getEncoded());
    }

    static String ecPublic() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return pem("PUBLIC KEY", generator.generateKeyPair().getPublic().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PKCS#8 private key, the mistake the client must refuse before sending anything. */
    static String rsaPrivate() {
        return pem("PRIVATE KEY", pair("RSA", 2048).getPrivate().getEncoded());
    }

    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private static KeyPair pair(String algorithm, int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
