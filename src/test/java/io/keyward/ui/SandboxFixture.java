package io.keyward.ui;

import io.keyward.gateway.Authentication;
import io.keyward.gateway.BackendKind;
import io.keyward.gateway.ConnectionSettings;
import io.keyward.gateway.SignInMethod;
import io.keyward.gateway.GatewayClient;
import io.keyward.gateway.ampersand.AmpersandClient;
import io.keyward.gateway.apinizer.ApinizerClient;
import io.keyward.model.Credential;
import io.keyward.model.CryptoKey;
import io.keyward.model.Jwk;
import io.keyward.model.Project;
import io.keyward.model.Secret;
import io.keyward.sandbox.FaultSettings;
import io.keyward.sandbox.SandboxOptions;
import io.keyward.sandbox.SandboxServer;
import io.keyward.session.DirectTaskExecutor;
import io.keyward.session.TaskExecutor;
import io.keyward.session.ClientFactory;
import io.keyward.session.ConnectionProfile;
import io.keyward.ui.main.MainViewModel;
import io.keyward.session.Workspace;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A fresh embedded sandbox and a {@link MainViewModel} wired to it over real HTTP, with a fake
 * dialog service and a fixed clock. Clients the console makes are wrapped in a
 * {@link RecordingClient}; {@link #admin()} is a separate client for arranging and checking the
 * server's state behind the console's back.
 */
public final class SandboxFixture implements AutoCloseable {

    static {
        // The JDK HTTP server leaves Nagle's algorithm on, and with OkHttp's delayed ACKs every answer then
        // waits ~40 ms: the UI suite ran 2-3x slower. Read once, when the first JDK server starts in this JVM.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** Before every demo credential's expiry, so nothing is expired by the console's clock. */
    public static final Instant NOW = Instant.parse("2025-06-01T09:30:00Z");
    public static final String PROFILE_NAME = "Demo sandbox";

    public final SandboxServer sandbox;
    public final FakeDialogService dialogs = new FakeDialogService();
    public final Clock clock;
    public final ClientFactory factory;
    public final MainViewModel main;
    private final List<RecordingClient> made = Collections.synchronizedList(new ArrayList<>());
    private final ApinizerClient admin;

    private SandboxFixture(SandboxServer sandbox, TaskExecutor runner, Clock clock) {
        this.sandbox = sandbox;
        this.clock = clock;
        this.factory = profile -> {
            if (profile.backend() == BackendKind.AMPERSAND) {
                return new AmpersandClient(ConnectionSettings.of(profile.url(), profile.authentication()));
            }
            RecordingClient c = new RecordingClient(new ApinizerClient(
                    ConnectionSettings.of(profile.url(), profile.authentication())));
            made.add(c);
            return c;
        };
        this.main = new MainViewModel(factory, runner, dialogs, clock);
        this.admin = clientWith(sandbox.adminToken());
    }

    public static SandboxFixture start() throws IOException {
        return start(new DirectTaskExecutor(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    public static SandboxFixture start(Clock clock) throws IOException {
        return start(new DirectTaskExecutor(), clock);
    }

    public static SandboxFixture start(TaskExecutor runner) throws IOException {
        return start(runner, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    public static SandboxFixture start(TaskExecutor runner, Clock clock) throws IOException {
        return new SandboxFixture(SandboxServer.start(SandboxOptions.defaults()), runner, clock);
    }

    public ApinizerClient clientWith(String token) {
        return new ApinizerClient(ConnectionSettings.of(sandbox.baseUrl(),
                new Authentication.PersonalToken(Secret.of(token))));
    }

    /** Talks to the sandbox directly, bypassing the console. */
    public ApinizerClient admin() {
        return admin;
    }

    public FaultSettings faults() {
        return sandbox.faults();
    }

    public ConnectionProfile profile(String token) {
        return new ConnectionProfile(PROFILE_NAME, BackendKind.APINIZER, sandbox.baseUrl(),
                SignInMethod.PERSONAL_TOKEN, null, Secret.of(token), true);
    }

    public static final String AMPERSAND_PROFILE_NAME = "Demo sandbox (Ampersand)";

    public ConnectionProfile ampersandProfile(String apiKey) {
        return new ConnectionProfile(AMPERSAND_PROFILE_NAME, BackendKind.AMPERSAND, sandbox.ampersandBaseUrl(),
                SignInMethod.API_KEY, null, Secret.of(apiKey), true);
    }

    /** Connects the console to the sandbox's Ampersand API (loads projects and opens the first). */
    public void connectAmpersand() {
        main.connect(ampersandProfile(sandbox.ampersandApiKey()));
    }

    /** Talks to the sandbox's Ampersand API directly, bypassing the console. */
    public AmpersandClient ampersand() {
        return new AmpersandClient(ConnectionSettings.of(sandbox.ampersandBaseUrl(),
                new Authentication.ApiKey(Secret.of(sandbox.ampersandApiKey()))));
    }

    /** Connects the console with the admin token (loads projects and opens the first). */
    public void connect() {
        main.connect(profile(sandbox.adminToken()));
    }

    public Workspace workspace() {
        return main.workspace();
    }

    /** The demo project with that name, as the server lists it. */
    public Project project(String name) {
        return admin.listProjects().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no project " + name));
    }

    /** Selects the project in the projects list, as a click would. */
    public void open(String projectName) {
        Project p = main.projects().projects().stream().filter(x -> x.name().equals(projectName)).findFirst()
                .orElseThrow(() -> new AssertionError("no project " + projectName));
        main.projects().selectedProperty().set(p);
    }

    /** The client the console made most recently. */
    public RecordingClient consoleClient() {
        if (made.isEmpty()) {
            throw new AssertionError("the console made no client");
        }
        return made.get(made.size() - 1);
    }

    public CryptoKey key(String name) {
        return workspace().keys().stream().filter(k -> k.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no key " + name + " in " + workspace().project()));
    }

    public Jwk jwk(String name) {
        return workspace().jwks().stream().filter(j -> j.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no JWK " + name + " in " + workspace().project()));
    }

    public Credential credential(String username) {
        return workspace().credentials().stream().filter(c -> c.username().equals(username)).findFirst()
                .orElseThrow(() -> new AssertionError("no credential " + username + " in " + workspace().project()));
    }

    /** Everything a user can read in the main window's texts, to check no secret leaked into it. */
    public String allVisibleText() {
        StringBuilder sb = new StringBuilder();
        sb.append(main.notificationProperty().get()).append('\n').append(main.statusProperty().get()).append('\n');
        sb.append(main.results().asText(main.results().entries())).append('\n');
        dialogs.reconnectOffers.forEach(m -> sb.append(m).append('\n'));
        sb.append(main.keys().detailsProperty().get()).append('\n');
        sb.append(main.jwks().detailsProperty().get()).append('\n');
        sb.append(main.credentials().detailsProperty().get()).append('\n');
        main.profiles().forEach(p -> sb.append(p).append('\n'));
        return sb.toString();
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
