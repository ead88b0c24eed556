package io.keyward.sandbox;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Real key pairs for the demo data.
 *
 * <p>RSA-2048 generation takes about 0.6 s per pair in a cold JVM on a 2-core machine (0.15-0.3 s once
 * the JIT has warmed up), far too slow to do before the server can answer. So a small pool of RSA pairs
 * is generated once per JVM on a background thread, started by {@link #startRsaPool()} once the server
 * is listening, and shared by every project and every data reset. Until then the pool hands out
 * suppliers that wait for their pair only when a response needs its material. EC and Ed25519 pairs are
 * cheap and made fresh, lazily, by the demo data.
 */
final class KeyPairs {
    static final int RSA_POOL_SIZE = 3;
    /**
     * One worker leaves the other core of a 2-core machine to the server's first answers; with two the
     * first answers slowed down more than the pool sped up (measured: first /projects/ 1.2 s vs 2.5 s).
     */
    private static final int RSA_WORKERS = 1;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<CompletableFuture<KeyPair>> RSA_POOL = IntStream.range(0, RSA_POOL_SIZE)
            .mapToObj(i -> new CompletableFuture<KeyPair>())
            .toList();
    private static final AtomicBoolean RSA_STARTED = new AtomicBoolean();

    private KeyPairs() {
    }

    /** The pooled RSA pairs; reading one starts the pool if nobody has yet, then waits for that pair. */
    static List<Supplier<KeyPair>> rsaPool() {
        return RSA_POOL.stream().<Supplier<KeyPair>>map(pair -> () -> {
            startRsaPool();
            return pair.join();
        }).toList();
    }

    /** Starts generating the RSA pool in the background; does nothing after the first call. */
    static void startRsaPool() {
        if (!RSA_STARTED.compareAndSet(false, true)) {
            return;
        }
        ExecutorService workers = Executors.newFixedThreadPool(RSA_WORKERS, runnable -> {
            Thread thread = new Thread(runnable, "keyward-sandbox-rsa");
            // Daemon: a JVM that is done must not wait for demo keys nobody will read.
            thread.setDaemon(true);
            return thread;
        });
        for (CompletableFuture<KeyPair> pair : RSA_POOL) {
            workers.execute(() -> {
                try {
                    pair.complete(rsa());
                } catch (RuntimeException e) {
                    pair.completeExceptionally(e);
                }
            });
        }
        workers.shutdown();
    }

    /** Waits until every pooled RSA pair exists. */
    static void awaitRsaPool() {
        rsaPool().forEach(Supplier::get);
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
