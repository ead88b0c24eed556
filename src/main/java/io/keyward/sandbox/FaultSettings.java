package io.keyward.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Faults the sandbox injects into {@code /apiops} and {@code /v1} answers ({@code failingEnvironment}
 * only into /apiops: Ampersand has no environments). Every field is volatile so a change made
 * from the UI, a test or the control endpoint applies to the very next request without locking.
 * Setters validate their input and throw {@link IllegalArgumentException} on a bad value.
 */
public final class FaultSettings {
    public static final long MAX_LATENCY_MILLIS = 60_000;

    static final Set<String> FIELDS = Set.of("latencyMillis", "failingEnvironment", "errorRate", "dropRate",
            "badGatewayRate", "rateLimitRate", "rejectTokens");

    private volatile long latencyMillis;
    private volatile String failingEnvironment;
    private volatile double errorRate;
    private volatile double dropRate;
    private volatile double badGatewayRate;
    private volatile double rateLimitRate;
    private volatile boolean rejectTokens;

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
            copy.badGatewayRate = source.badGatewayRate;
            copy.rateLimitRate = source.rateLimitRate;
            copy.rejectTokens = source.rejectTokens;
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

    public double getBadGatewayRate() {
        return badGatewayRate;
    }

    public FaultSettings setBadGatewayRate(double badGatewayRate) {
        this.badGatewayRate = checkFraction("badGatewayRate", badGatewayRate);
        return this;
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

    /** Back to a well-behaved server. */
    public void reset() {
        latencyMillis = 0;
        failingEnvironment = null;
        errorRate = 0;
        dropRate = 0;
        badGatewayRate = 0;
        rateLimitRate = 0;
        rejectTokens = false;
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
        node.put("badGatewayRate", badGatewayRate);
        node.put("rateLimitRate", rateLimitRate);
        node.put("rejectTokens", rejectTokens);
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
        badGatewayRate = candidate.badGatewayRate;
        rateLimitRate = candidate.rateLimitRate;
        rejectTokens = candidate.rejectTokens;
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
            case "badGatewayRate" -> setBadGatewayRate(fraction(name, value));
            case "rateLimitRate" -> setRateLimitRate(fraction(name, value));
            case "rejectTokens" -> {
                if (!value.isBoolean()) {
                    throw new IllegalArgumentException("rejectTokens must be true or false");
                }
                setRejectTokens(value.booleanValue());
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
