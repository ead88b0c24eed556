package io.keyward.sandbox;

/**
 * How to start a {@link SandboxServer}.
 *
 * @param port             TCP port on 127.0.0.1; 0 picks a free one
 * @param adminToken       the full-rights /apiops bearer token, or null for a random one
 * @param initialFaults    faults active from the first request; copied at start, null means none
 * @param ampersandApiKey  the /v1 API key, or null for a random one
 * @param controlToken     the bearer token every /_sandbox request must carry, or null for a random one
 */
public record SandboxOptions(int port, String adminToken, FaultSettings initialFaults, String ampersandApiKey,
                             String controlToken) {
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
        initialFaults = initialFaults == null ? new FaultSettings() : initialFaults;
    }

    /** A random control token. */
    public SandboxOptions(int port, String adminToken, FaultSettings initialFaults, String ampersandApiKey) {
        this(port, adminToken, initialFaults, ampersandApiKey, null);
    }

    /** A random Ampersand API key and control token. */
    public SandboxOptions(int port, String adminToken, FaultSettings initialFaults) {
        this(port, adminToken, initialFaults, null);
    }

    /** The same options with the given control token (null: a random one). */
    public SandboxOptions withControlToken(String token) {
        return new SandboxOptions(port, adminToken, initialFaults, ampersandApiKey, token);
    }

    /** The secrets are left out: options end up in logs and failure messages, secrets must not. */
    @Override
    public String toString() {
        return "SandboxOptions[port=" + port + ", adminToken=" + given(adminToken)
                + ", initialFaults=" + initialFaults + ", ampersandApiKey=" + given(ampersandApiKey)
                + ", controlToken=" + given(controlToken) + "]";
    }

    /** A free port, random secrets and no faults. */
    public static SandboxOptions defaults() {
        return new SandboxOptions(0, null, new FaultSettings(), null, null);
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
