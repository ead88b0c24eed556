package io.keyward.app;

import io.keyward.sandbox.SandboxMain;
import javafx.application.Application;

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
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("keyward: " + e.getMessage());
            System.err.print(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(Options.USAGE);
            return;
        }
        Application.launch(KeywardApp.class, args);
    }
}
