package io.keyward.sandbox;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/** Draws, per request, which of the configured faults fires. */
final class FaultInjector {
    enum Fault { NONE, DROP, BAD_GATEWAY, RATE_LIMIT, INTERNAL_ERROR }

    private final FaultSettings settings;
    private final Supplier<RandomGenerator> random;

    FaultInjector(FaultSettings settings) {
        this(settings, ThreadLocalRandom::current);
    }

    FaultInjector(FaultSettings settings, Supplier<RandomGenerator> random) {
        this.settings = settings;
        this.random = random;
    }

    /**
     * Sleeps for the configured latency.
     *
     * @return false if interrupted (the server is closing), in which case the request should be abandoned
     */
    boolean delay() {
        long millis = settings.getLatencyMillis();
        if (millis <= 0) {
            return true;
        }
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Each fault is drawn independently, in the fixed order drop, 502, 429, 500; the first that fires wins. */
    Fault draw() {
        if (fires(settings.getDropRate())) {
            return Fault.DROP;
        }
        if (fires(settings.getBadGatewayRate())) {
            return Fault.BAD_GATEWAY;
        }
        if (fires(settings.getRateLimitRate())) {
            return Fault.RATE_LIMIT;
        }
        if (fires(settings.getErrorRate())) {
            return Fault.INTERNAL_ERROR;
        }
        return Fault.NONE;
    }

    /** nextDouble() is in [0, 1), so a rate of 1.0 always fires and 0.0 never does. */
    boolean fires(double rate) {
        return rate > 0.0 && random.get().nextDouble() < rate;
    }
}
