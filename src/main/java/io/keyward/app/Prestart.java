package io.keyward.app;

import io.keyward.ui.common.FxDialogService;
import javafx.stage.Stage;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the start needs and no FX thread does: the data directory, the journal, the view models, the time
 * zone and the saved window state. {@link Launcher} begins it on a thread of its own before it starts the
 * JavaFX toolkit, which takes about 0.2 s to start on its own; {@link KeywardApp#init} takes the result
 * (or makes it there, when nothing was begun). Touches no JavaFX class that needs the toolkit: only
 * properties and collections.
 */
final class Prestart {

    /**
     * @param stage     the main window, set by {@link KeywardApp#start}; dialogs asked for before have no owner
     * @param state     the window state read from the data directory (null: a demo run, which reads none)
     * @param demoOnly  a --screenshots run: no user data directory, secrets in memory
     */
    record Prepared(AppContext context, io.keyward.store.UiStateStore.Loaded state, boolean demoOnly,
                    AtomicReference<Stage> stage) {
    }

    /** Begun by the launcher, taken once by the application; a handoff between the two, nothing more. */
    private static volatile CompletableFuture<Prepared> begun;

    private Prestart() {
    }

    static void begin(Options options) {
        begun = CompletableFuture.supplyAsync(() -> prepare(options), work -> {
            Thread thread = new Thread(work, "keyward-prestart");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** What {@link #begin} made for these options, waiting for it if need be; made here when none was begun. */
    static Prepared take(Options options) {
        CompletableFuture<Prepared> future = begun;
        begun = null;
        if (future == null) {
            return prepare(options);
        }
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    static Prepared prepare(Options options) {
        // A screenshots run makes real changes against the sandbox: they are journalled under the --data-dir it
        // is given, or in a temporary directory, never in the user's own journal; its secrets stay in memory.
        boolean demoOnly = options.screenshotsDir() != null;
        java.nio.file.Path dataDir = options.dataDir() != null ? options.dataDir()
                : demoOnly ? null : io.keyward.store.DataDir.resolveDefault(null);
        AtomicReference<Stage> stage = new AtomicReference<>();
        // The time zone's first use scans every jar on the class path for zone rule providers (0.1 s).
        AppContext context = new AppContext(new FxDialogService(stage::get), Clock.systemDefaultZone(), dataDir,
                demoOnly ? new io.keyward.store.MemorySecretStore() : null);
        io.keyward.store.UiStateStore.Loaded state = demoOnly ? null : context.uiStateStore().load();
        StartupTrace.mark("prepared");
        return new Prepared(context, state, demoOnly, stage);
    }
}
