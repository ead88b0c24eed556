package io.keyward.sandbox;

import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The edges of a fraction: 1.0 always fires and 0.0 never does, whatever the random source returns. */
class FaultInjectorTest {
    /** A random source stuck on one value, to reach the extremes a real one only rarely returns. */
    private static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    @Test
    void fullRateAlwaysFires() {
        FaultInjector injector = new FaultInjector(new FaultSettings(), () -> fixed(Math.nextDown(1.0)));
        assertTrue(injector.fires(1.0));
        assertFalse(injector.fires(0.0));
    }

    @Test
    void zeroRateNeverFires() {
        FaultInjector injector = new FaultInjector(new FaultSettings(), () -> fixed(0.0));
        assertFalse(injector.fires(0.0));
        assertTrue(injector.fires(0.0001));
    }

    @Test
    void fractionComparesStrictly() {
        assertTrue(new FaultInjector(new FaultSettings(), () -> fixed(0.29)).fires(0.3));
        assertFalse(new FaultInjector(new FaultSettings(), () -> fixed(0.3)).fires(0.3));
    }

    @Test
    void drawFollowsTheDocumentedOrder() {
        FaultSettings settings = new FaultSettings().setErrorRate(1).setRateLimitRate(1).setBadGatewayRate(1).setDropRate(1);
        FaultInjector injector = new FaultInjector(settings, () -> fixed(0.5));
        assertEquals(FaultInjector.Fault.DROP, injector.draw());
        settings.setDropRate(0);
        assertEquals(FaultInjector.Fault.BAD_GATEWAY, injector.draw());
        settings.setBadGatewayRate(0);
        assertEquals(FaultInjector.Fault.RATE_LIMIT, injector.draw());
        settings.setRateLimitRate(0);
        assertEquals(FaultInjector.Fault.INTERNAL_ERROR, injector.draw());
        settings.setErrorRate(0);
        assertEquals(FaultInjector.Fault.NONE, injector.draw());
    }

    @Test
    void theNewFaultsAreNotDrawnWithTheOthers() {
        FaultSettings settings = new FaultSettings().setCommitThenDropRate(1).setCommitThenDropNext(3).setBadGatewayEvery(1);
        assertEquals(FaultInjector.Fault.NONE, new FaultInjector(settings, () -> fixed(0.0)).draw());
        assertEquals(3, settings.getCommitThenDropNext(), "drawing uses none of them up");
    }

    @Test
    void commitThenDropNextIsUsedUpFirstWithoutDrawingTheRate() {
        AtomicInteger draws = new AtomicInteger();
        FaultSettings settings = new FaultSettings().setCommitThenDropNext(2);
        FaultInjector injector = new FaultInjector(settings, () -> {
            draws.incrementAndGet();
            return fixed(0.0);
        });
        assertTrue(injector.dropAfterCommit());
        assertTrue(injector.dropAfterCommit());
        assertEquals(0, draws.get(), "the counter alone decided");
        assertFalse(injector.dropAfterCommit(), "stops by itself");
        assertFalse(injector.dropAfterCommit());
        assertEquals(0, settings.getCommitThenDropNext(), "never below 0");
    }

    @Test
    void commitThenDropRateAtItsEdges() {
        FaultSettings settings = new FaultSettings().setCommitThenDropRate(1.0);
        FaultInjector always = new FaultInjector(settings, () -> fixed(Math.nextDown(1.0)));
        for (int i = 0; i < 5; i++) {
            assertTrue(always.dropAfterCommit());
        }
        settings.setCommitThenDropRate(0.0);
        FaultInjector never = new FaultInjector(settings, () -> fixed(0.0));
        for (int i = 0; i < 5; i++) {
            assertFalse(never.dropAfterCommit());
        }
        settings.setCommitThenDropRate(0.3);
        assertTrue(new FaultInjector(settings, () -> fixed(0.29)).dropAfterCommit());
        assertFalse(new FaultInjector(settings, () -> fixed(0.3)).dropAfterCommit());
    }

    @Test
    void commitThenDropNextIsTakenExactlyOnceEachUnderContention() throws Exception {
        FaultSettings settings = new FaultSettings().setCommitThenDropNext(100);
        FaultInjector injector = new FaultInjector(settings, () -> fixed(0.5));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    int taken = 0;
                    for (int i = 0; i < 50; i++) {
                        taken += injector.dropAfterCommit() ? 1 : 0;
                    }
                    return taken;
                }));
            }
            int total = 0;
            for (Future<Integer> result : results) {
                total += result.get(10, TimeUnit.SECONDS);
            }
            assertEquals(100, total);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badGatewayTurnComesEveryNthCall() {
        FaultSettings settings = new FaultSettings();
        FaultInjector injector = new FaultInjector(settings);
        for (int call = 1; call <= 5; call++) {
            assertFalse(injector.badGatewayTurn(), "off by default, call " + call);
        }
        settings.setBadGatewayEvery(3);
        StringBuilder pattern = new StringBuilder();
        for (int call = 1; call <= 9; call++) {
            pattern.append(injector.badGatewayTurn() ? 'X' : '.');
        }
        assertEquals("..X..X..X", pattern.toString());
        assertFalse(injector.badGatewayTurn());
        settings.setBadGatewayEvery(3);
        assertFalse(injector.badGatewayTurn(), "setting it restarts the count");
        assertFalse(injector.badGatewayTurn());
        assertTrue(injector.badGatewayTurn());
        assertFalse(injector.badGatewayTurn());
        settings.reset();
        assertFalse(injector.badGatewayTurn(), "reset switches it off");
        assertFalse(injector.badGatewayTurn());
        settings.setBadGatewayEvery(1);
        assertTrue(injector.badGatewayTurn());
        assertTrue(injector.badGatewayTurn());
    }

    @Test
    void mutationsAreTheChangingMethods() {
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            assertTrue(FaultInjector.isMutation(method), method);
        }
        for (String method : List.of("GET", "HEAD", "OPTIONS", "TRACE", "get")) {
            assertFalse(FaultInjector.isMutation(method), method);
        }
    }
}
