package io.keyward.sandbox;

/**
 * How to start a {@link SandboxServer}.
 *
 * @param port          TCP port on 127.0.0.1; 0 picks a free one
 * @param adminToken    the full-rights bearer token, or null for a random one
 * @param initialFaults faults active from the first request; copied at start, null means none
 */
public record SandboxOptions(int port, String adminToken, FaultSettings initialFaults) {
    public SandboxOptions {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        if (adminToken != null && adminToken.isBlank()) {
            throw new IllegalArgumentException("adminToken must not be blank (use null for a random one)");
        }
        initialFaults = initialFaults == null ? new FaultSettings() : initialFaults;
    }

    /** A free port, a random admin token and no faults. */
    public static SandboxOptions defaults() {
        return new SandboxOptions(0, null, new FaultSettings());
    }
}
