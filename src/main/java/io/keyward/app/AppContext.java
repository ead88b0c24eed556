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

    public AppContext(DialogService dialogs, Clock clock) {
        this(dialogs, clock, Platform::runLater);
    }

    AppContext(DialogService dialogs, Clock clock, java.util.concurrent.Executor uiThread) {
        // A callback that throws is a bug; the main window says so instead of failing silently.
        Consumer<Throwable>[] report = new Consumer[1];
        this.executor = new ThreadPoolTaskExecutor(4, uiThread, t -> report[0].accept(t));
        this.main = new MainViewModel(clients(uiThread), executor, dialogs, clock);
        report[0] = main::failed;
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
        BackgroundTask.of(() -> SandboxServer.start(SandboxOptions.defaults()))
                .onSuccess(server -> {
                    sandbox = server;
                    main.addProfile(ampersandDemoProfile(server));
                    main.connect(demoProfile(server));
                    onConnected.run();
                })
                .onFailure(main::failed)
                .executeWith(executor);
    }

    static ConnectionProfile demoProfile(SandboxServer server) {
        return new ConnectionProfile(DEMO_PROFILE, BackendKind.APINIZER, server.baseUrl(), SignInMethod.PERSONAL_TOKEN,
                null, Secret.of(server.adminToken()), true);
    }

    static ConnectionProfile ampersandDemoProfile(SandboxServer server) {
        return new ConnectionProfile(AMPERSAND_DEMO_PROFILE, BackendKind.AMPERSAND, server.ampersandBaseUrl(),
                SignInMethod.API_KEY, null, Secret.of(server.ampersandApiKey()), true);
    }

    public SandboxServer sandbox() {
        return sandbox;
    }

    @Override
    public void close() {
        executor.close();
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
