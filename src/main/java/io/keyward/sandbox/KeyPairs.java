package io.keyward.sandbox;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Real key pairs for the demo data. RSA-2048 generation costs 150-350 ms each on a small machine, so a
 * few RSA pairs are generated once per JVM, in parallel, and shared by every project and every data
 * reset; EC and Ed25519 pairs take about a millisecond and are always fresh.
 */
final class KeyPairs {
    static final int RSA_POOL_SIZE = 3;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static volatile List<KeyPair> rsaPool;

    private KeyPairs() {
    }

    static List<KeyPair> rsaPool() {
        List<KeyPair> pool = rsaPool;
        if (pool == null) {
            synchronized (KeyPairs.class) {
                pool = rsaPool;
                if (pool == null) {
                    pool = IntStream.range(0, RSA_POOL_SIZE).parallel().mapToObj(i -> rsa()).toList();
                    rsaPool = pool;
                }
            }
        }
        return pool;
    }

    static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is unavailable", e);
        }
    }

    static KeyPair ecP256() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 key generation is unavailable", e);
        }
    }

    static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 key generation is unavailable", e);
        }
    }

    static byte[] secret256() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
