package io.keyward.app;

import io.keyward.gateway.ConnectionSettings;
import io.keyward.gateway.apinizer.ApinizerClient;
import io.keyward.model.Secret;
import io.keyward.sandbox.SandboxServer;
import io.keyward.ui.common.DialogService;
import io.keyward.ui.common.FxTaskRunner;
import io.keyward.ui.connect.ClientFactory;
import io.keyward.ui.connect.ConnectionProfile;
import io.keyward.ui.main.MainViewModel;
import okhttp3.OkHttpClient;

import java.time.Clock;

/**
 * The composition root: creates the long-lived pieces once and passes them through constructors.
 * No static singletons, no service locator.
 */
public final class AppContext implements AutoCloseable {

    public static final String DEMO_PROFILE = "Demo sandbox";

    private final FxTaskRunner runner = new FxTaskRunner(4);
    private OkHttpClient http; // created with the first connection, off the start-up path
    private final ClientFactory clients;
    private final MainViewModel main;
    private volatile SandboxServer sandbox;

    public AppContext(DialogService dialogs, Clock clock) {
        // One OkHttp dispatcher and pool for all connections; each client derives its own timeouts.
        this.clients = profile -> new ApinizerClient(ConnectionSettings.of(profile.managerUrl(),
                profile.authentication()), http());
        this.main = new MainViewModel(clients, runner, dialogs, clock);
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

    public FxTaskRunner runner() {
        return runner;
    }

    /** Starts the embedded sandbox off the FX thread and connects to it as the built-in profile. */
    public void startDemoSandbox(Runnable onConnected) {
        runner.run(() -> SandboxServer.start(io.keyward.sandbox.SandboxOptions.defaults()), server -> {
            sandbox = server;
            main.connect(demoProfile(server));
            onConnected.run();
        }, main::failed);
    }

    static ConnectionProfile demoProfile(SandboxServer server) {
        return new ConnectionProfile(DEMO_PROFILE, server.baseUrl(), ConnectionProfile.AuthMode.TOKEN, null,
                Secret.of(server.adminToken()), true);
    }

    public SandboxServer sandbox() {
        return sandbox;
    }

    @Override
    public void close() {
        runner.close();
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
