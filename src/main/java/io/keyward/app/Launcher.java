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
        StartupTrace.mark("main");
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
        if (options.verifyJournal()) {
            int code = verifyJournal(io.keyward.store.DataDir.resolveDefault(options.dataDir()));
            if (code != 0) {
                System.exit(code);
            }
            return;
        }
        StartupTrace.mark("launch");
        toolkitDefaults();
        // The JavaFX toolkit takes about 0.2 s to start, on one thread: meanwhile another prepares what needs no
        // FX thread (data directory, journal, view models, time zone, window state) for KeywardApp.init.
        Prestart.begin(options);
        Application.launch(KeywardApp.class, args);
        // The window is closed and stop() has run: a keychain library's stuck D-Bus thread must not keep the
        // process alive.
        System.exit(0);
    }

    /**
     * System properties the JavaFX toolkit reads once, when it starts; call before it starts. Each is set only
     * when the user has not set it on the command line.
     * <ul>
     *   <li>{@code prism.disableRegionCaching=true}: a control whose background has more than one fill (a table
     *       row, a button) is painted with those fills, not with a cached picture of them stretched to its size.
     *       Same pixels (edges differ at most in anti-aliasing). With software rendering (no GPU: virtual
     *       machines, remote desktops, Xvfb) stretching the cached picture took two thirds of the renderer's time
     *       while a 50,000-row project loaded, and the window waited for it (measured with LoadProbe).</li>
     * </ul>
     */
    public static void toolkitDefaults() {
        if (System.getProperty("prism.disableRegionCaching") == null) {
            System.setProperty("prism.disableRegionCaching", "true");
        }
    }

    /** Prints "journal: N entries, chain ok" (status 0) or the first broken entry (status 1). */
    static int verifyJournal(java.nio.file.Path dataDir) {
        try {
            io.keyward.journal.VerifyReport report = new io.keyward.journal.Journal(dataDir.resolve("journal"),
                    java.time.Clock.systemUTC()).verify();
            System.out.println(report.summary());
            return report.ok() ? 0 : 1;
        } catch (java.io.IOException | RuntimeException e) {
            System.err.println("keyward: the journal under " + dataDir + " could not be read: " + e.getMessage());
            return 1;
        }
    }
}
