package io.keyward.app;

/**
 * With {@code -Dkeyward.startupTrace=true}, prints to standard error when each step of the start was
 * reached ({@code startup-trace <epoch ms> <step>}; the process's own start time is known to the second
 * only, so whoever starts it subtracts), for tuning the start-up; silent otherwise. Names steps only,
 * never data.
 */
final class StartupTrace {
    private static final boolean ON = Boolean.getBoolean("keyward.startupTrace");

    private StartupTrace() {
    }

    static void mark(String step) {
        if (ON) {
            System.err.println("startup-trace " + System.currentTimeMillis() + " " + step);
        }
    }
}
