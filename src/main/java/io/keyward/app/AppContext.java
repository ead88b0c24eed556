package io.keyward.app;

import io.keyward.gateway.BackendKind;
import io.keyward.gateway.ConnectionSettings;
import io.keyward.gateway.GatewayClient;
import io.keyward.gateway.SignInMethod;
import io.keyward.gateway.ampersand.AmpersandClient;
import io.keyward.gateway.apinizer.ApinizerClient;
import io.keyward.model.Secret;
import io.keyward.sandbox.SandboxOptions;
import io.keyward.sandbox.SandboxServer;
import io.keyward.session.BackgroundTask;
import io.keyward.session.ClientFactory;
import io.keyward.session.ConnectionProfile;
import io.keyward.session.ThreadPoolTaskExecutor;
import io.keyward.ui.common.DialogService;
import io.keyward.ui.main.MainViewModel;
import javafx.application.Platform;
import okhttp3.OkHttpClient;

import java.time.Clock;
import java.util.function.Consumer;

/**
 * The composition root: creates the long-lived pieces once and passes them through constructors,
 * and decides which adapter serves which backend. No static singletons, no service locator.
 */
public final class AppContext implements AutoCloseable {

    public static final String DEMO_PROFILE = "Demo sandbox";
    public static final String AMPERSAND_DEMO_PROFILE = "Demo sandbox (Ampersand)";

    private final ThreadPoolTaskExecutor executor;
    private OkHttpClient http; // created with the first connection, off the start-up path
    private final MainViewModel main;
    private volatile SandboxServer sandbox;

    private final java.nio.file.Path dataDir;
    /** A data directory this context made for itself (tests): removed on close. */
    private final boolean temporary;
    private final io.keyward.journal.Journal journal;
    private final io.keyward.store.ProfileStore profileStore;
    private final io.keyward.store.UiStateStore uiStateStore;

    /** For tests: its files go to a temporary data directory, its secrets to memory (never the user's own). */
    public AppContext(DialogService dialogs, Clock clock) {
        this(dialogs, clock, Platform::runLater, null, new io.keyward.store.MemorySecretStore());
    }

    /**
     * @param dataDir where profiles, window state and the journal live (null: a temporary directory)
     * @param secrets the keychain (null: the OS keychain, probed in the background at start)
     */
    public AppContext(DialogService dialogs, Clock clock, java.nio.file.Path dataDir, io.keyward.store.SecretStore secrets) {
        this(dialogs, clock, Platform::runLater, dataDir, secrets);
    }

    AppContext(DialogService dialogs, Clock clock, java.util.concurrent.Executor uiThread, java.nio.file.Path dataDir,
               io.keyward.store.SecretStore secrets) {
        this.temporary = dataDir == null;
        try {
            this.dataDir = dataDir != null ? dataDir : java.nio.file.Files.createTempDirectory("keyward-data-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("no temporary data directory", e);
        }
        this.journal = new io.keyward.journal.Journal(this.dataDir.resolve("journal"), Clock.systemUTC());
        this.profileStore = new io.keyward.store.ProfileStore(this.dataDir.resolve("profiles.json"), Clock.systemUTC());
        this.uiStateStore = new io.keyward.store.UiStateStore(this.dataDir.resolve("state.json"), Clock.systemUTC());
        // A callback that throws is a bug; the main window says so instead of failing silently.
        Consumer<Throwable>[] report = new Consumer[1];
        this.executor = new ThreadPoolTaskExecutor(4, uiThread, t -> report[0].accept(t));
        this.main = new MainViewModel(clients(uiThread), executor, dialogs, clock, journal, secrets, profileStore);
        report[0] = main::failed;
        keychainToProbe = secrets == null;
        if (!keychainToProbe) {
            keychainProbed.complete(null);
        }
    }

    /** Whether the OS keychain is still to be probed (no secret store was given). */
    private boolean keychainToProbe;

    /**
     * Probes the OS keychain, once, off the FX thread (a missing D-Bus takes up to its time limit). Not in
     * the constructor: the console calls it when it starts connecting, after its first frame, so the probe
     * does not compete with that frame for the processor.
     */
    private void probeKeychain() {
        if (!keychainToProbe) {
            return;
        }
        keychainToProbe = false;
        BackgroundTask.of(io.keyward.store.SecretStore::openSystem)
                .onSuccess(main::setSecretStore)
                .onFinished(() -> keychainProbed.complete(null))
                .executeWith(executor);
    }

    /** Done (on the FX thread) once the keychain is known: given, probed, or found unusable. */
    private final java.util.concurrent.CompletableFuture<Void> keychainProbed = new java.util.concurrent.CompletableFuture<>();

    public java.nio.file.Path dataDir() {
        return dataDir;
    }

    public io.keyward.journal.Journal journal() {
        return journal;
    }

    public io.keyward.store.ProfileStore profileStore() {
        return profileStore;
    }

    public io.keyward.store.UiStateStore uiStateStore() {
        return uiStateStore;
    }

    /**
     * One OkHttp dispatcher and pool for all connections; each client derives its own timeouts. Its
     * retries are shown in the status line (the observer is called on a background thread).
     */
    private ClientFactory clients(java.util.concurrent.Executor uiThread) {
        return profile -> create(profile.backend(), profile.settings()
                .withObserver((action, attempt, of, wait, reason) -> uiThread.execute(() ->
                        main.retrying(action, attempt, of, wait, reason))));
    }

    private GatewayClient create(BackendKind backend, ConnectionSettings settings) {
        return switch (backend) {
            case APINIZER -> new ApinizerClient(settings, http());
            case AMPERSAND -> new AmpersandClient(settings, http());
        };
    }

    private synchronized OkHttpClient http() {
        if (http == null) {
            http = new OkHttpClient();
        }
        return http;
    }

    public MainViewModel main() {
        return main;
    }

    public ThreadPoolTaskExecutor executor() {
        return executor;
    }

    /**
     * Starts the embedded sandbox off the FX thread, offers its two APIs as built-in profiles and
     * connects to the Apinizer one; the Ampersand one is a click away in Connections.
     */
    public void startDemoSandbox(Runnable onConnected) {
        startDemoSandbox(true, onConnected);
    }

    /** @param connect whether to connect to the demo once it runs (not when a saved connection was reconnected) */
    public void startDemoSandbox(boolean connect, Runnable onStarted) {
        probeKeychain();
        BackgroundTask.of(() -> SandboxServer.start(SandboxOptions.defaults()))
                .onSuccess(server -> {
                    sandbox = server;
                    main.addProfile(ampersandDemoProfile(server));
                    if (connect) {
                        main.connect(demoProfile(server));
                    } else {
                        main.addProfile(demoProfile(server));
                    }
                    onStarted.run();
                })
                .onFailure(main::failed)
                .executeWith(executor);
    }

    /**
     * What the console does at start: the saved connections and the journal's history come back; the
     * last connection is reconnected when its secret is remembered; otherwise the demo sandbox is
     * connected and, when there are saved connections, the profile list is shown.
     *
     * @param lastConnection the profile connected when the console last closed (null: none)
     * @param showProfiles   opens the profile list (Connections)
     */
    public void startWhereLeftOff(String lastConnection, Runnable showProfiles) {
        probeKeychain();
        main.restoreProfiles(profileStore.load());
        boolean saved = main.profiles().stream().anyMatch(p -> !p.builtIn());
        // The history comes once connected: connecting clears the banner, which must say what was interrupted.
        Runnable demo = () -> startDemoSandbox(true, () -> {
            main.restoreHistory();
            if (saved) {
                showProfiles.run();
            }
        });
        if (lastConnection == null || !saved) {
            demo.run();
            return;
        }
        // The keychain may still be being probed: reconnect once it is known (the probe has its own time limit).
        keychainProbed.thenRun(() -> main.reconnectRemembered(lastConnection, () -> {
            main.restoreHistory();
            startDemoSandbox(false, () -> { });
        }, demo));
    }

    static ConnectionProfile demoProfile(SandboxServer server) {
        return new ConnectionProfile(DEMO_PROFILE, BackendKind.APINIZER, server.baseUrl(), SignInMethod.PERSONAL_TOKEN,
                null, Secret.of(server.adminToken()), true);
    }

    static ConnectionProfile ampersandDemoProfile(SandboxServer server) {
        return new ConnectionProfile(AMPERSAND_DEMO_PROFILE, BackendKind.AMPERSAND, server.ampersandBaseUrl(),
                SignInMethod.API_KEY, null, Secret.of(server.ampersandApiKey()), true);
    }

    private static void deleteQuietly(java.nio.file.Path dir) {
        try (var paths = java.nio.file.Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException | RuntimeException ignored) {
            // a temporary directory left behind is harmless
        }
    }

    public SandboxServer sandbox() {
        return sandbox;
    }

    @Override
    public void close() {
        executor.close();
        if (temporary) {
            deleteQuietly(dataDir);
        }
        SandboxServer s = sandbox;
        if (s != null) {
            s.close();
        }
        synchronized (this) {
            if (http != null) {
                http.dispatcher().executorService().shutdown();
                http.connectionPool().evictAll();
            }
        }
    }
}
