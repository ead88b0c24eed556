package io.keyward.app;

import io.keyward.sandbox.SandboxMain;

import java.util.Arrays;

/**
 * The process entry point. A plain class, not an {@code Application}: a JavaFX main class that extends
 * Application cannot start from the class path, and {@code --sandbox-only} must not touch the toolkit.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--sandbox-only")) {
            int code = SandboxMain.run(args);
            if (code != 0) {
                System.exit(code);
            }
            return;
        }
        System.err.println("keyward: the console is not built yet; run with --sandbox-only to start the sandbox.");
        System.exit(2);
    }
}
