package io.keyward.sandbox;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The store without HTTP: with a clock that stands still (what the HTTP tests cannot arrange), and under
 * far more contention than requests over sockets can produce.
 */
class AmpersandStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00.123456Z");
    private static final String PEM = DemoPublicKeys.named("sso-signing");

    @Test
    void newKeysAreActiveAndStampedNow() {
        AmpersandStore store = new AmpersandStore(AmpersandDemoData.generate(), Clock.fixed(NOW, ZoneOffset.UTC));
        JwtKeyRecord key = store.create("partner-sso", new NewJwtKey("fresh", PEM));
        assertTrue(key.active());
        assertEquals(NOW, key.createTime());
        assertEquals(NOW, key.updateTime());
        assertEquals(AmpersandDemoData.PARTNER_SSO_ID, key.projectId());
        assertEquals(key, store.key(AmpersandDemoData.PARTNER_SSO_ID, key.id()));
    }

    @Test
    void everyUpdateGetsALaterUpdateTimeEvenWhenTheClockStandsStill() {
        AmpersandStore store = new AmpersandStore(AmpersandDemoData.generate(), Clock.fixed(NOW, ZoneOffset.UTC));
        JwtKeyRecord key = store.create("partner-sso", new NewJwtKey("fresh", PEM));
        Instant previous = key.updateTime();
        for (int i = 0; i < 3; i++) {
            JwtKeyRecord updated = store.update("partner-sso", key.id(), new JwtKeyPatch(i % 2 == 0, null));
            assertTrue(updated.updateTime().isAfter(previous), previous + " -> " + updated.updateTime());
            assertEquals(NOW, updated.createTime());
            previous = updated.updateTime();
        }
    }

    @Test
    void manyThreadsCreatingAndDeletingLoseNothing() throws Exception {
        AmpersandStore store = new AmpersandStore(AmpersandDemoData.generate(), Clock.systemUTC());
        int threads = 8;
        int perThread = 600;
        Set<String> kept = ConcurrentHashMap.newKeySet();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        JwtKeyRecord key = store.create(AmpersandDemoData.ANALYTICS, new NewJwtKey("k" + i, PEM));
                        if (i % 4 == 0) {
                            store.delete(AmpersandDemoData.ANALYTICS_ID, key.id());
                        } else {
                            kept.add(key.id());
                        }
                        if (i % 20 == 0) {
                            // Reads in between: every list must be a consistent snapshot.
                            List<JwtKeyRecord> snapshot = store.keys(AmpersandDemoData.ANALYTICS, false);
                            assertEquals(snapshot.size(), new HashSet<>(snapshot).size());
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<JwtKeyRecord> keys = store.keys(AmpersandDemoData.ANALYTICS, false);
        assertEquals(threads * perThread * 3 / 4, kept.size());
        assertEquals(kept, new HashSet<>(keys.stream().map(JwtKeyRecord::id).toList()));
        assertEquals(keys.size(), kept.size());
    }

    @Test
    void everyKeyIsDeletedExactlyOnceWhenAllThreadsTryToDeleteIt() throws Exception {
        AmpersandStore store = new AmpersandStore(AmpersandDemoData.generate(), Clock.systemUTC());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            ids.add(store.create(AmpersandDemoData.ANALYTICS, new NewJwtKey("k" + i, PEM)).id());
        }
        int threads = 8;
        AtomicInteger deleted = new AtomicInteger();
        AtomicInteger notFound = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    for (String id : ids) {
                        try {
                            store.delete(AmpersandDemoData.ANALYTICS, id);
                            deleted.incrementAndGet();
                        } catch (ProblemException e) {
                            assertEquals(404, e.status());
                            notFound.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(ids.size(), deleted.get(), "one winner per key");
        assertEquals(ids.size() * (threads - 1), notFound.get());
        assertEquals(List.of(), store.keys(AmpersandDemoData.ANALYTICS, false));
    }
}
