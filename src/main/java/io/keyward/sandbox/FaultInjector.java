package io.keyward.sandbox;

import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Decides, per request, which of the configured faults fires. Both API handlers ask it at three points:
 * {@link #badGatewayTurn()} first of all, {@link #draw()} after the latency, and
 * {@link #dropAfterCommit()} once a mutation has been carried out.
 */
final class FaultInjector {
    enum Fault { NONE, DROP, BAD_GATEWAY, RATE_LIMIT, INTERNAL_ERROR }

    /** The methods that change something; GET, HEAD and OPTIONS never lose an answer to commit-then-drop. */
    private static final Set<String> MUTATING_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

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

    /**
     * Counts this API call for badGatewayEvery. Asked before any other fault, so the count is simply every
     * API call that arrived, including those another fault or an error answers, and call N, 2N, ... is the
     * 502 whatever else is switched on.
     *
     * @return true if this call must be answered with the proxy's 502 page and nothing else done
     */
    boolean badGatewayTurn() {
        return settings.countCallForBadGateway();
    }

    static boolean isMutation(String method) {
        return MUTATING_METHODS.contains(method);
    }

    /**
     * Asked only after a mutation was carried out (the endpoint answered 2xx; the caller checks the method
     * and exempts the token endpoint). The commitThenDropNext counter is used up first and, while it
     * lasts, the rate is not drawn.
     *
     * @return true if the answer must be dropped although the change has been made
     */
    boolean dropAfterCommit() {
        return settings.takeCommitThenDrop() || fires(settings.getCommitThenDropRate());
    }

    /** nextDouble() is in [0, 1), so a rate of 1.0 always fires and 0.0 never does. */
    boolean fires(double rate) {
        return rate > 0.0 && random.get().nextDouble() < rate;
    }
}
