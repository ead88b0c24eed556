package io.keyward.sandbox;

import java.time.Duration;

/**
 * How to start a {@link SandboxServer}.
 *
 * @param port             TCP port on 127.0.0.1; 0 picks a free one
 * @param adminToken       the full-rights /apiops bearer token, or null for a random one
 * @param initialFaults    faults active from the first request; copied at start, null means none
 * @param ampersandApiKey  the /v1 API key, or null for a random one
 * @param controlToken     the bearer token every /_sandbox request must carry, or null for a random one
 * @param requestReadLimit how long one request may take to arrive (request line, headers and body
 *                         together) before its connection is closed; null means
 *                         {@link #DEFAULT_REQUEST_READ_LIMIT}
 * @param scale            0 for the demo data alone; 1..{@value #MAX_SCALE} adds one large project to each
 *                         API (see {@link ScaleData})
 */
public record SandboxOptions(int port, String adminToken, FaultSettings initialFaults, String ampersandApiKey,
                             String controlToken, Duration requestReadLimit, int scale) {
    public static final Duration DEFAULT_REQUEST_READ_LIMIT = Duration.ofSeconds(10);
    /** The largest {@link #scale}: 100000 keys, JWKs and JWT keys and 500000 credentials. */
    public static final int MAX_SCALE = 100_000;
    static final Duration MAX_REQUEST_READ_LIMIT = Duration.ofHours(1);

    public SandboxOptions {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        if (adminToken != null && adminToken.isBlank()) {
            throw new IllegalArgumentException("adminToken must not be blank (use null for a random one)");
        }
        if (ampersandApiKey != null && ampersandApiKey.isBlank()) {
            throw new IllegalArgumentException("ampersandApiKey must not be blank (use null for a random one)");
        }
        if (controlToken != null && !isSendable(controlToken)) {
            throw new IllegalArgumentException(
                    "controlToken must be printable ASCII without spaces (use null for a random one)");
        }
        // Each secret opens exactly one thing; one value for two would make that impossible to keep.
        if (ampersandApiKey != null && ampersandApiKey.equals(adminToken)) {
            throw new IllegalArgumentException("ampersandApiKey must differ from adminToken");
        }
        if (controlToken != null && (controlToken.equals(adminToken) || controlToken.equals(ampersandApiKey))) {
            throw new IllegalArgumentException("controlToken must differ from adminToken and ampersandApiKey");
        }
        if (requestReadLimit == null) {
            requestReadLimit = DEFAULT_REQUEST_READ_LIMIT;
        } else if (requestReadLimit.isNegative() || requestReadLimit.isZero()
                || requestReadLimit.compareTo(MAX_REQUEST_READ_LIMIT) > 0) {
            throw new IllegalArgumentException("requestReadLimit must be more than 0 and at most "
                    + MAX_REQUEST_READ_LIMIT + ", was " + requestReadLimit);
        }
        if (scale < 0 || scale > MAX_SCALE) {
            throw new IllegalArgumentException("scale must be between 0 (off) and " + MAX_SCALE + ", was " + scale);
        }
        initialFaults = initialFaults == null ? new FaultSettings() : initialFaults;
    }

    /** No scale project. */
    public SandboxOptions(int port, String adminToken, FaultSettings initialFaults, String ampersandApiKey,
                          String controlToken, Duration requestReadLimit) {
        this(port, adminToken, initialFaults, ampersandApiKey, controlToken, requestReadLimit, 0);
    }

    /** A random control token and the default request read limit. */
    public SandboxOptions(int port, String adminToken, FaultSettings initialFaults, String ampersandApiKey) {
        this(port, adminToken, initialFaults, ampersandApiKey, null, null);
    }

    /** A random Ampersand API key and control token, and the default request read limit. */
    public SandboxOptions(int port, String adminToken, FaultSettings initialFaults) {
        this(port, adminToken, initialFaults, null);
    }

    /** The same options with the given control token (null: a random one). */
    public SandboxOptions withControlToken(String token) {
        return new SandboxOptions(port, adminToken, initialFaults, ampersandApiKey, token, requestReadLimit, scale);
    }

    /** The same options with the given request read limit (null: the default). */
    public SandboxOptions withRequestReadLimit(Duration limit) {
        return new SandboxOptions(port, adminToken, initialFaults, ampersandApiKey, controlToken, limit, scale);
    }

    /** The same options with a scale project of the given size (0: none). */
    public SandboxOptions withScale(int size) {
        return new SandboxOptions(port, adminToken, initialFaults, ampersandApiKey, controlToken, requestReadLimit,
                size);
    }

    /** The secrets are left out: options end up in logs and failure messages, secrets must not. */
    @Override
    public String toString() {
        return "SandboxOptions[port=" + port + ", adminToken=" + given(adminToken)
                + ", initialFaults=" + initialFaults + ", ampersandApiKey=" + given(ampersandApiKey)
                + ", controlToken=" + given(controlToken) + ", requestReadLimit=" + requestReadLimit + ", scale=" + scale + "]";
    }

    /** A free port, random secrets, no faults and the default request read limit. */
    public static SandboxOptions defaults() {
        return new SandboxOptions(0, null, new FaultSettings(), null, null, null);
    }

    private static String given(String secret) {
        return secret == null ? "random" : "(given)";
    }

    /** Whether the token can travel as {@code Authorization: Bearer TOKEN} and come back unchanged. */
    static boolean isSendable(String token) {
        if (token.isEmpty()) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }
}
