package io.keyward.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults the sandbox injects into {@code /apiops} and {@code /v1} answers ({@code failingEnvironment}
 * only into /apiops: Ampersand has no environments). Every setting is volatile, atomic or (badGatewayEvery
 * and its count) behind one small lock, so a change made from the UI, a test or the control endpoint
 * applies to the very next request.
 * Setters validate their input and throw {@link IllegalArgumentException} on a bad value.
 *
 * <p>Two settings are counters rather than chances, so tests can predict exactly which call is hit:
 * {@code commitThenDropNext} counts down by itself, and {@code badGatewayEvery} counts API calls (see
 * {@link #countCallForBadGateway()} for where that count starts and what restarts it).
 */
public final class FaultSettings {
    public static final long MAX_LATENCY_MILLIS = 60_000;
    /** The largest count {@code commitThenDropNext} and {@code badGatewayEvery} accept. */
    public static final int MAX_COUNT = Integer.MAX_VALUE;

    static final Set<String> FIELDS = Set.of("latencyMillis", "failingEnvironment", "errorRate", "dropRate",
            "commitThenDropRate", "commitThenDropNext", "badGatewayRate", "badGatewayEvery", "rateLimitRate",
            "rejectTokens", "failingPath");

    private volatile long latencyMillis;
    private volatile String failingEnvironment;
    private volatile double errorRate;
    private volatile double dropRate;
    private volatile double commitThenDropRate;
    /** How many of the next carried-out mutations still lose their answer; taken one at a time. */
    private final AtomicInteger commitThenDropNext = new AtomicInteger();
    private volatile double badGatewayRate;
    /** Guards badGatewayEvery and badGatewayCalls together, so a new N and its fresh count go in as one. */
    private final Object badGatewayLock = new Object();
    private int badGatewayEvery;
    private long badGatewayCalls;
    private volatile double rateLimitRate;
    private volatile boolean rejectTokens;
    /** Calls whose raw path contains this text are answered HTTP 500 (null: none): one list can fail alone. */
    private volatile String failingPath;

    public FaultSettings() {
    }

    /** A detached copy, so a caller's settings object never aliases a running server's. */
    public static FaultSettings copyOf(FaultSettings source) {
        FaultSettings copy = new FaultSettings();
        if (source != null) {
            copy.latencyMillis = source.latencyMillis;
            copy.failingEnvironment = source.failingEnvironment;
            copy.errorRate = source.errorRate;
            copy.dropRate = source.dropRate;
            copy.commitThenDropRate = source.commitThenDropRate;
            copy.commitThenDropNext.set(source.getCommitThenDropNext());
            copy.badGatewayRate = source.badGatewayRate;
            // The copy starts its own count: a server started from these settings counts from its first call.
            copy.setBadGatewayEvery(source.getBadGatewayEvery());
            copy.rateLimitRate = source.rateLimitRate;
            copy.rejectTokens = source.rejectTokens;
            copy.failingPath = source.failingPath;
        }
        return copy;
    }

    public long getLatencyMillis() {
        return latencyMillis;
    }

    public FaultSettings setLatencyMillis(long latencyMillis) {
        if (latencyMillis < 0 || latencyMillis > MAX_LATENCY_MILLIS) {
            throw new IllegalArgumentException("latencyMillis must be between 0 and " + MAX_LATENCY_MILLIS
                    + ", was " + latencyMillis);
        }
        this.latencyMillis = latencyMillis;
        return this;
    }

    public String getFailingEnvironment() {
        return failingEnvironment;
    }

    /** A blank name means no failing environment. */
    public FaultSettings setFailingEnvironment(String failingEnvironment) {
        this.failingEnvironment = failingEnvironment == null || failingEnvironment.isBlank()
                ? null : failingEnvironment.strip();
        return this;
    }

    public double getErrorRate() {
        return errorRate;
    }

    public FaultSettings setErrorRate(double errorRate) {
        this.errorRate = checkFraction("errorRate", errorRate);
        return this;
    }

    public double getDropRate() {
        return dropRate;
    }

    public FaultSettings setDropRate(double dropRate) {
        this.dropRate = checkFraction("dropRate", dropRate);
        return this;
    }

    public double getCommitThenDropRate() {
        return commitThenDropRate;
    }

    /**
     * The fraction of mutations (POST, PUT, PATCH, DELETE; not the /apiops token endpoint) that are
     * carried out in full and then lose their answer: the connection closes before a single byte of it.
     */
    public FaultSettings setCommitThenDropRate(double commitThenDropRate) {
        this.commitThenDropRate = checkFraction("commitThenDropRate", commitThenDropRate);
        return this;
    }

    /** How many mutations are still to be carried out and then dropped; counts down to 0 as they happen. */
    public int getCommitThenDropNext() {
        return commitThenDropNext.get();
    }

    /** The next {@code count} carried-out mutations lose their answer, then this stops by itself. */
    public FaultSettings setCommitThenDropNext(int count) {
        commitThenDropNext.set(checkCount("commitThenDropNext", count));
        return this;
    }

    /**
     * Takes one of the {@code commitThenDropNext} mutations, if any is left.
     *
     * @return true if the caller's mutation is one of them and must lose its answer
     */
    boolean takeCommitThenDrop() {
        return commitThenDropNext.getAndUpdate(left -> left > 0 ? left - 1 : 0) > 0;
    }

    public double getBadGatewayRate() {
        return badGatewayRate;
    }

    public FaultSettings setBadGatewayRate(double badGatewayRate) {
        this.badGatewayRate = checkFraction("badGatewayRate", badGatewayRate);
        return this;
    }

    public int getBadGatewayEvery() {
        synchronized (badGatewayLock) {
            return badGatewayEvery;
        }
    }

    /**
     * Every {@code every}-th API call is answered with the proxy's HTML 502 page; 0 switches this off.
     * Setting it, even to the value it already has, restarts the count (see {@link #countCallForBadGateway()}).
     */
    public FaultSettings setBadGatewayEvery(int every) {
        checkCount("badGatewayEvery", every);
        synchronized (badGatewayLock) {
            badGatewayEvery = every;
            badGatewayCalls = 0;
        }
        return this;
    }

    /**
     * Counts one API call (/apiops and /v1 together; /_sandbox is never counted) for badGatewayEvery.
     *
     * <p>Where the count starts: at 0 whenever badGatewayEvery is set (by the setter, by a PUT to
     * /_sandbox/faults that names it, even with the same value, or by the command line before the first
     * call), and whenever the faults are reset (POST /_sandbox/faults/reset, {@link #reset()}). The first
     * call after that is call 1, so with N = 3 calls 3, 6, 9, ... get the 502. A PUT that leaves
     * badGatewayEvery out does not restart the count, and /_sandbox/reset-data does not touch it. While
     * badGatewayEvery is 0 nothing is counted.
     *
     * @return true if this call is an N-th one and must be answered with the 502 page
     */
    boolean countCallForBadGateway() {
        synchronized (badGatewayLock) {
            if (badGatewayEvery == 0) {
                return false;
            }
            badGatewayCalls++;
            return badGatewayCalls % badGatewayEvery == 0;
        }
    }

    public double getRateLimitRate() {
        return rateLimitRate;
    }

    public FaultSettings setRateLimitRate(double rateLimitRate) {
        this.rateLimitRate = checkFraction("rateLimitRate", rateLimitRate);
        return this;
    }

    public boolean isRejectTokens() {
        return rejectTokens;
    }

    public FaultSettings setRejectTokens(boolean rejectTokens) {
        this.rejectTokens = rejectTokens;
        return this;
    }

    public String getFailingPath() {
        return failingPath;
    }

    /**
     * Every API call whose raw (still encoded) path contains {@code text} is answered HTTP 500 instead
     * of being handled; null or empty switches it off. A 500 is not retried by clients, so a test can
     * make exactly one kind of list fail (e.g. "/keys/") while the others load.
     */
    public FaultSettings setFailingPath(String text) {
        this.failingPath = text == null || text.isEmpty() ? null : text;
        return this;
    }

    /** True when a call to {@code rawPath} is to fail as {@link #setFailingPath} asks. */
    boolean failsPath(String rawPath) {
        String p = failingPath;
        return p != null && rawPath != null && rawPath.contains(p);
    }

    /** Back to a well-behaved server. */
    public void reset() {
        latencyMillis = 0;
        failingEnvironment = null;
        errorRate = 0;
        dropRate = 0;
        commitThenDropRate = 0;
        commitThenDropNext.set(0);
        badGatewayRate = 0;
        setBadGatewayEvery(0);
        rateLimitRate = 0;
        rejectTokens = false;
        failingPath = null;
    }

    /** The JSON the control endpoint shows, e.g. {@code {"latencyMillis":0,...,"rejectTokens":false}}. */
    public String toJson() {
        return Json.text(toJsonNode());
    }

    ObjectNode toJsonNode() {
        ObjectNode node = Json.object();
        node.put("latencyMillis", latencyMillis);
        node.put("failingEnvironment", failingEnvironment);
        node.put("errorRate", errorRate);
        node.put("dropRate", dropRate);
        node.put("commitThenDropRate", commitThenDropRate);
        node.put("commitThenDropNext", getCommitThenDropNext());
        node.put("badGatewayRate", badGatewayRate);
        node.put("badGatewayEvery", getBadGatewayEvery());
        node.put("rateLimitRate", rateLimitRate);
        node.put("rejectTokens", rejectTokens);
        node.put("failingPath", failingPath);
        return node;
    }

    /**
     * Applies a partial update from the control endpoint. Everything is validated before anything is
     * applied, so a bad request leaves the settings untouched.
     *
     * @throws IllegalArgumentException naming every problem found
     */
    void apply(JsonNode update) {
        if (update == null || !update.isObject()) {
            throw new IllegalArgumentException("Body must be a JSON object with any of " + sortedFields());
        }
        FaultSettings candidate = copyOf(this);
        List<String> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = update.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            try {
                candidate.applyField(field.getKey(), field.getValue());
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        // Copy field by field: each is volatile on its own, and the control endpoint is the only writer
        // that needs several at once.
        latencyMillis = candidate.latencyMillis;
        failingEnvironment = candidate.failingEnvironment;
        errorRate = candidate.errorRate;
        dropRate = candidate.dropRate;
        commitThenDropRate = candidate.commitThenDropRate;
        badGatewayRate = candidate.badGatewayRate;
        rateLimitRate = candidate.rateLimitRate;
        rejectTokens = candidate.rejectTokens;
        failingPath = candidate.failingPath;
        // The two counters change only when named: copying the candidate's value back would undo mutations
        // taken since the copy was made, and would restart the 502 count on every unrelated PUT.
        if (update.has("commitThenDropNext")) {
            commitThenDropNext.set(candidate.getCommitThenDropNext());
        }
        if (update.has("badGatewayEvery")) {
            setBadGatewayEvery(candidate.getBadGatewayEvery());
        }
    }

    private void applyField(String name, JsonNode value) {
        switch (name) {
            case "latencyMillis" -> {
                if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                    throw new IllegalArgumentException("latencyMillis must be a whole number of milliseconds");
                }
                setLatencyMillis(value.longValue());
            }
            case "failingEnvironment" -> {
                if (!value.isNull() && !value.isTextual()) {
                    throw new IllegalArgumentException("failingEnvironment must be a string or null");
                }
                setFailingEnvironment(value.isNull() ? null : value.textValue());
            }
            case "errorRate" -> setErrorRate(fraction(name, value));
            case "dropRate" -> setDropRate(fraction(name, value));
            case "commitThenDropRate" -> setCommitThenDropRate(fraction(name, value));
            case "commitThenDropNext" -> setCommitThenDropNext(count(name, value));
            case "badGatewayRate" -> setBadGatewayRate(fraction(name, value));
            case "badGatewayEvery" -> setBadGatewayEvery(count(name, value));
            case "rateLimitRate" -> setRateLimitRate(fraction(name, value));
            case "rejectTokens" -> {
                if (!value.isBoolean()) {
                    throw new IllegalArgumentException("rejectTokens must be true or false");
                }
                setRejectTokens(value.booleanValue());
            }
            case "failingPath" -> {
                if (!value.isNull() && !value.isTextual()) {
                    throw new IllegalArgumentException("failingPath must be a string or null");
                }
                setFailingPath(value.isNull() ? null : value.textValue());
            }
            default -> throw new IllegalArgumentException("Unknown fault setting '" + name + "', expected one of "
                    + sortedFields());
        }
    }

    private static double fraction(String name, JsonNode value) {
        if (!value.isNumber()) {
            throw new IllegalArgumentException(name + " must be a number between 0 and 1");
        }
        return value.doubleValue();
    }

    private static int count(String name, JsonNode value) {
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
            throw new IllegalArgumentException(name + " must be a whole number between 0 and " + MAX_COUNT);
        }
        return value.intValue();
    }

    private static int checkCount(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be between 0 and " + MAX_COUNT + ", was " + value);
        }
        return value;
    }

    private static double checkFraction(String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + value);
        }
        return value;
    }

    private static List<String> sortedFields() {
        return FIELDS.stream().sorted().toList();
    }

    @Override
    public String toString() {
        return "FaultSettings" + toJson();
    }
}
