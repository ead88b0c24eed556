package io.keyward.sandbox;

/**
 * How to start a {@link SandboxServer}.
 *
 * @param port            TCP port on 127.0.0.1; 0 picks a free one
 * @param adminToken      the full-rights /apiops bearer token, or null for a random one
 * @param initialFaults   faults active from the first request; copied at start, null means none
 * @param ampersandApiKey the /v1 API key, or null for a random one
 */
public record SandboxOptions(int port, String adminToken, FaultSettings initialFaults, String ampersandApiKey) {
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
        // Each secret opens exactly one API; one value for both would make that impossible to keep.
        if (ampersandApiKey != null && ampersandApiKey.equals(adminToken)) {
            throw new IllegalArgumentException("ampersandApiKey must differ from adminToken");
        }
        initialFaults = initialFaults == null ? new FaultSettings() : initialFaults;
    }

    /** A random Ampersand API key. */
    public SandboxOptions(int port, String adminToken, FaultSettings initialFaults) {
        this(port, adminToken, initialFaults, null);
    }

    /** Both secrets are left out: options end up in logs and failure messages, secrets must not. */
    @Override
    public String toString() {
        return "SandboxOptions[port=" + port + ", adminToken=" + (adminToken == null ? "random" : "(given)")
                + ", initialFaults=" + initialFaults + ", ampersandApiKey="
                + (ampersandApiKey == null ? "random" : "(given)") + "]";
    }

    /** A free port, random secrets and no faults. */
    public static SandboxOptions defaults() {
        return new SandboxOptions(0, null, new FaultSettings(), null);
    }
}
