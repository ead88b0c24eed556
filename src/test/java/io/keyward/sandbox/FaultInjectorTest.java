package io.keyward.sandbox;

import org.junit.jupiter.api.Test;

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
}
