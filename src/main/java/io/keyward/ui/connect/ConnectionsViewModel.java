package io.keyward.ui.connect;

import io.keyward.gateway.BackendKind;
import io.keyward.gateway.UrlPolicy;
import io.keyward.gateway.GatewayClient;
import io.keyward.gateway.SignInMethod;
import io.keyward.model.Project;
import io.keyward.model.Secret;
import io.keyward.session.ClientFactory;
import io.keyward.session.ConnectionProfile;
import io.keyward.session.ProfileOptions;
import io.keyward.session.ErrorText;
import io.keyward.session.TaskExecutor;
import io.keyward.session.TaskSlot;
import javafx.beans.binding.StringBinding;
import javafx.collections.FXCollections;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The connections dialog: profiles with a name, a backend kind and its address, that backend's way
 * of signing in (Apinizer: personal token or username and password; Ampersand: API key), "Test
 * connection" (lists the projects) and "Connect". Secrets live only in memory.
 */
public final class ConnectionsViewModel {

    private final ObservableList<ConnectionProfile> profiles;
    private final ClientFactory factory;
    private final TaskSlot test;
    private final Consumer<ConnectionProfile> onConnect;

    private final ObjectProperty<ConnectionProfile> selected = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<BackendKind> backend = new SimpleObjectProperty<>(BackendKind.APINIZER);
    private final StringProperty url = new SimpleStringProperty("");
    private final ObservableList<SignInMethod> methods = FXCollections.observableArrayList(
            BackendKind.APINIZER.signInMethods());
    private final ObjectProperty<SignInMethod> method = new SimpleObjectProperty<>(SignInMethod.PERSONAL_TOKEN);
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty secret = new SimpleStringProperty("");
    private final BooleanProperty remember = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper rememberAvailable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper rememberReason = new ReadOnlyStringWrapper("");
    private final io.keyward.store.SecretStore keychain;
    private final TaskExecutor executor;

    /** How the connection is reached: the proxy to use. */
    public enum ProxyMode {
        SYSTEM("The system's proxy (and HTTPS_PROXY, NO_PROXY)"),
        NONE("No proxy"),
        MANUAL("This proxy");

        private final String label;

        ProxyMode(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final ObservableList<io.keyward.crypto.CaCertificate> trustedCas = FXCollections.observableArrayList();
    private final BooleanProperty useOsTrustStore = new SimpleBooleanProperty(false);
    private final BooleanProperty allowPlainHttp = new SimpleBooleanProperty(false);
    private final StringProperty clientCertificate = new SimpleStringProperty("");
    private final StringProperty clientCertificatePassword = new SimpleStringProperty("");
    private final ObjectProperty<ProxyMode> proxyMode = new SimpleObjectProperty<>(ProxyMode.SYSTEM);
    private final StringProperty proxyHost = new SimpleStringProperty("");
    private final StringProperty proxyPort = new SimpleStringProperty("");
    private final StringProperty proxyUsername = new SimpleStringProperty("");
    private final StringProperty proxyPassword = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper osTrustStoreAvailable = new ReadOnlyBooleanWrapper(false);
    private final javafx.beans.property.ReadOnlyObjectWrapper<io.keyward.crypto.CaCertificate> offeredCa =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper osTrustStoreReason = new ReadOnlyStringWrapper("");
    private io.keyward.ui.common.DialogService dialogs;
    private java.time.Clock clock = java.time.Clock.systemUTC();
    private final BooleanProperty builtIn = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper testResult = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper testOk = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(false);
    private final StringProperty readTimeout = new SimpleStringProperty("");
    private final StringProperty changeTimeout = new SimpleStringProperty("");
    private final StringProperty maxResponseMiB = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper connectLabel = new ReadOnlyStringWrapper("Connect");
    /** Each sign-in method keeps what was typed for it: a token is not a password. */
    private final java.util.Map<SignInMethod, String> secrets = new java.util.EnumMap<>(SignInMethod.class);
    private boolean lastTestFailed;
    private boolean connectAnyway;
    private final BooleanBinding canRemove;
    private final StringBinding urlLabel;
    private final StringBinding urlPrompt;
    private final StringBinding secretLabel;
    private final BooleanBinding needsUsername;

    public ConnectionsViewModel(ObservableList<ConnectionProfile> profiles, ConnectionProfile initial,
                                ClientFactory factory, TaskExecutor executor, Consumer<ConnectionProfile> onConnect) {
        this(profiles, initial, factory, executor, onConnect, null);
    }

    /** @param secrets the OS keychain "Remember" uses (null or unavailable: the option is disabled, with the reason) */
    public ConnectionsViewModel(ObservableList<ConnectionProfile> profiles, ConnectionProfile initial,
                                ClientFactory factory, TaskExecutor executor, Consumer<ConnectionProfile> onConnect,
                                io.keyward.store.SecretStore keychain) {
        this.keychain = keychain;
        this.executor = executor;
        String osWhy = io.keyward.gateway.NetworkSettings.osTrustStoreUnavailableReason();
        osTrustStoreAvailable.set(osWhy == null);
        osTrustStoreReason.set(osWhy == null ? "" : osWhy);
        String reason = keychain == null ? "No keychain is reachable: secrets are kept for this session only."
                : keychain.unavailableReason();
        rememberReason.set(reason == null ? "Keep the " + "secret in the OS keychain (never in a file), so Keyward can "
                + "reconnect at start-up." : reason);
        rememberAvailable.set(reason == null);
        this.profiles = profiles;
        this.factory = factory;
        this.test = new TaskSlot(executor);
        this.onConnect = onConnect;
        selected.addListener((o, a, p) -> load(p));
        url.addListener((o, a, b) -> warning.set(transportWarning(b, allowPlainHttp.get())));
        allowPlainHttp.addListener((o, a, b) -> warning.set(transportWarning(url.get(), b)));
        backend.addListener((o, a, b) -> {
            BackendKind kind = b == null ? BackendKind.APINIZER : b;
            methods.setAll(kind.signInMethods());
            if (!methods.contains(method.get())) {
                method.set(methods.get(0));
            }
        });
        // A secret typed for one way of signing in is wrong for another (a token is not a password):
        // each method has its own, and switching back brings it back.
        method.addListener((o, a, b) -> {
            if (a != null && b != null && a != b && !loading) {
                secrets.put(a, secret.get() == null ? "" : secret.get());
                secret.set(secrets.getOrDefault(b, ""));
            }
        });
        // A test result describes what was tested: once the form changes, it no longer applies.
        for (javafx.beans.value.ObservableValue<?> field
                : List.<javafx.beans.value.ObservableValue<?>>of(url, secret, username, method, backend)) {
            field.addListener((o, a, b) -> {
                if (!loading) {
                    forgetTest();
                }
            });
        }
        canRemove = Bindings.createBooleanBinding(() -> selected.get() != null && !selected.get().builtIn(), selected);
        urlLabel = Bindings.createStringBinding(() -> kind().urlLabel(), backend);
        urlPrompt = Bindings.createStringBinding(() -> kind().urlExample(), backend);
        secretLabel = Bindings.createStringBinding(() -> method.get() == null ? "Secret" : method.get().secretLabel(),
                method);
        needsUsername = Bindings.createBooleanBinding(() -> method.get() != null && method.get().needsUsername(),
                method);
        selected.set(initial != null ? initial : profiles.isEmpty() ? null : profiles.get(0));
    }

    private boolean loading;

    private BackendKind kind() {
        return backend.get() == null ? BackendKind.APINIZER : backend.get();
    }

    private void forgetTest() {
        offeredCa.set(null);
        test.cancel();
        testResult.set("");
        testOk.set(false);
        lastTestFailed = false;
        connectAnyway = false;
        connectLabel.set("Connect");
    }

    private void load(ConnectionProfile p) {
        forgetTest();
        formError.set("");
        secrets.clear();
        if (p == null) {
            return;
        }
        loading = true;
        try {
            readTimeout.set(Long.toString(p.options().readTimeout().toSeconds()));
            changeTimeout.set(Long.toString(p.options().changeTimeout().toSeconds()));
            maxResponseMiB.set(Integer.toString(p.options().maxResponseMiB()));
            name.set(p.name());
            backend.set(p.backend());
            url.set(p.url().toString());
            method.set(p.method());
            username.set(p.username() == null ? "" : p.username());
            secret.set(p.secret().reveal());
            builtIn.set(p.builtIn());
            remember.set(p.rememberSecret() && rememberAvailable.get());
            showNetwork(p.options().network());
        } finally {
            loading = false;
        }
        if (p.rememberSecret() && !p.hasSecret() && rememberAvailable.get()) {
            // A saved profile's secret is in the keychain: read it into the form (off the FX thread).
            io.keyward.session.BackgroundTask.of(() -> java.util.List.of(keychain.get(p.name()),
                            keychain.get(p.name() + CLIENT_CERTIFICATE_ACCOUNT), keychain.get(p.name() + PROXY_ACCOUNT)))
                    .onSuccess(found -> {
                        if (selected.get() == p && (secret.get() == null || secret.get().isEmpty())) {
                            found.get(0).ifPresent(v -> secret.set(v.reveal()));
                            found.get(1).ifPresent(v -> clientCertificatePassword.set(v.reveal()));
                            found.get(2).ifPresent(v -> proxyPassword.set(v.reveal()));
                        }
                    })
                    .onFailure(e -> formError.set("The remembered secret could not be read from the keychain ("
                            + e.getMessage() + "); type it to connect."))
                    .executeWith(executor);
        }
    }

    /** Starts a new, unsaved profile in the form. */
    public void newProfile() {
        selected.set(null);
        name.set("");
        url.set("https://");
        loading = true;
        try {
            method.set(kind().signInMethods().get(0));
        } finally {
            loading = false;
        }
        username.set("");
        secret.set("");
        secrets.clear();
        builtIn.set(false);
        remember.set(false);
        showNetwork(io.keyward.session.ProfileNetwork.DEFAULTS);
        readTimeout.set(Long.toString(ProfileOptions.DEFAULTS.readTimeout().toSeconds()));
        changeTimeout.set(Long.toString(ProfileOptions.DEFAULTS.changeTimeout().toSeconds()));
        maxResponseMiB.set(Integer.toString(ProfileOptions.DEFAULTS.maxResponseMiB()));
        forgetTest();
        formError.set("");
    }

    /** Builds a profile from the form, or sets {@link #formErrorProperty()} and returns null. */
    ConnectionProfile fromForm() {
        String n = name.get() == null ? "" : name.get().trim();
        if (n.isEmpty()) {
            return fail("Give the connection a name.");
        }
        URI uri;
        try {
            uri = URI.create(url.get() == null ? "" : url.get().trim());
        } catch (IllegalArgumentException e) {
            return fail("The " + kind().urlNoun() + " is not a valid URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            return fail("The " + kind().urlNoun() + " must start with https:// (or http://) and name a host.");
        }
        String refusal = urlRefusal(uri, allowPlainHttp.get());
        if (refusal != null) {
            return fail(refusal);
        }
        SignInMethod m = method.get() == null ? kind().signInMethods().get(0) : method.get();
        if (secret.get() == null || secret.get().isBlank()) {
            return fail(switch (m) {
                case PERSONAL_TOKEN -> "Enter the personal API token.";
                case USERNAME_PASSWORD -> "Enter the password.";
                case API_KEY -> "Enter the API key.";
            });
        }
        if (m.needsUsername() && (username.get() == null || username.get().isBlank())) {
            return fail("Enter the username.");
        }
        boolean nameTaken = profiles.stream().anyMatch(p -> p.name().equals(n) && p != selected.get());
        if (nameTaken) {
            return fail("Another connection is already called \u201C" + n + "\u201D.");
        }
        Integer read = number(readTimeout.get(), 1, 3600);
        Integer change = number(changeTimeout.get(), 1, 3600);
        Integer mib = number(maxResponseMiB.get(), 1, 4096);
        if (read == null || change == null) {
            return fail("Timeouts are whole seconds from 1 to 3600.");
        }
        if (mib == null) {
            return fail("The answer size limit is a whole number of MiB from 1 to 4096.");
        }
        io.keyward.session.ProfileNetwork net = networkFromForm();
        if (net == null) {
            return null;
        }
        formError.set("");
        return new ConnectionProfile(n, kind(), uri, m, m.needsUsername() ? username.get().trim() : null,
                Secret.of(secret.get().trim()), builtIn.get(), new ProfileOptions(java.time.Duration.ofSeconds(read),
                java.time.Duration.ofSeconds(change), mib, net), remember.get() && rememberAvailable.get() && !builtIn.get());
    }

    /** Keychain accounts for a profile's other passwords: its name followed by these. */
    public static final String CLIENT_CERTIFICATE_ACCOUNT = " \u00B7 client certificate";
    public static final String PROXY_ACCOUNT = " \u00B7 proxy";

    private void showNetwork(io.keyward.session.ProfileNetwork n) {
        List<io.keyward.crypto.CaCertificate> cas = new java.util.ArrayList<>();
        for (String pem : n.caCertificatesPem()) {
            try {
                cas.add(io.keyward.crypto.CaCertificate.parse(pem));
            } catch (io.keyward.crypto.KeyFormatException e) {
                formError.set("A trusted CA of this connection could not be read and was left out: " + e.getMessage());
            }
        }
        trustedCas.setAll(cas);
        useOsTrustStore.set(n.useOsTrustStore() && osTrustStoreAvailable.get());
        clientCertificate.set(n.clientCertificate());
        clientCertificatePassword.set(n.clientCertificatePassword().reveal());
        proxyMode.set(ProxyMode.valueOf(n.proxy().name()));
        proxyHost.set(n.proxyHost());
        proxyPort.set(n.proxyPort() == 0 ? "" : Integer.toString(n.proxyPort()));
        proxyUsername.set(n.proxyUsername());
        proxyPassword.set(n.proxyPassword().reveal());
        allowPlainHttp.set(n.allowPlainHttp());
    }

    /** The network part of the form, or null with the form error set. */
    private io.keyward.session.ProfileNetwork networkFromForm() {
        ProxyMode mode = proxyMode.get() == null ? ProxyMode.SYSTEM : proxyMode.get();
        String host = proxyHost.get() == null ? "" : proxyHost.get().trim();
        int port = 0;
        if (mode == ProxyMode.MANUAL) {
            Integer p = number(proxyPort.get(), 1, 65535);
            if (host.isEmpty() || host.contains("/") || host.contains(" ") || p == null || proxyPort.get().isBlank()) {
                fail("Give the proxy's host name and its port (1 to 65535).");
                return null;
            }
            port = p;
        }
        String p12 = clientCertificate.get() == null ? "" : clientCertificate.get().trim();
        if (!p12.isEmpty() && !java.nio.file.Files.isReadable(java.nio.file.Path.of(p12))) {
            fail("The client certificate file " + p12 + " cannot be read.");
            return null;
        }
        return new io.keyward.session.ProfileNetwork(trustedCas.stream().map(io.keyward.crypto.CaCertificate::pem).toList(),
                useOsTrustStore.get() && osTrustStoreAvailable.get(), p12,
                Secret.of(clientCertificatePassword.get() == null ? "" : clientCertificatePassword.get()),
                io.keyward.session.ProfileNetwork.Proxy.valueOf(mode.name()), host, port,
                proxyUsername.get() == null ? "" : proxyUsername.get().trim(),
                Secret.of(proxyPassword.get() == null ? "" : proxyPassword.get()), allowPlainHttp.get());
    }

    /**
     * Null when Keyward may use the address; otherwise why not. Credentials or a query in the URL would
     * end up in logs and history; plain HTTP to another host sends the token in the clear.
     */
    static String urlRefusal(URI uri, boolean allowPlainHttp) {
        if (uri.getRawUserInfo() != null) {
            return "The address holds a user name or password (user@host): Keyward does not send credentials in URLs. "
                    + "Remove them and sign in below.";
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return "The address has a query or fragment (? or #): give the manager's address alone.";
        }
        if ("http".equalsIgnoreCase(uri.getScheme()) && !UrlPolicy.isLoopback(uri.getHost()) && !allowPlainHttp) {
            return "Plain HTTP to " + uri.getHost() + " would send the token unencrypted. Use https://, or tick "
                    + "\u201CAllow unencrypted HTTP\u201D under Network and trust for this connection.";
        }
        return null;
    }

    /** An empty field means the default; anything else must be a whole number in range. */
    private static Integer number(String text, int min, int max) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return null;
        }
        try {
            int v = Integer.parseInt(t);
            return v < min || v > max ? null : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private ConnectionProfile fail(String message) {
        formError.set(message);
        return null;
    }

    /** Textual check only: resolving the host here would put DNS on the FX thread at every keystroke. */
    /** Said as the address is typed: plain HTTP to another host is refused unless allowed, and warned about when it is. */
    static String transportWarning(String text, boolean allowed) {
        try {
            URI u = URI.create(text == null ? "" : text.trim());
            if ("http".equalsIgnoreCase(u.getScheme()) && u.getHost() != null && !UrlPolicy.isLoopback(u.getHost())) {
                return allowed ? "Plain HTTP sends the token unencrypted over the network: allowed for this connection, "
                        + "for a lab only." : urlRefusal(u, false);
            }
        } catch (IllegalArgumentException ignored) {
            // malformed while being typed: the form error covers it on save
        }
        return "";
    }

    public void testConnection() {
        ConnectionProfile p = fromForm();
        if (p == null) {
            return;
        }
        testOk.set(false);
        offeredCa.set(null);
        testResult.set("Testing\u2026");
        GatewayClient client = factory.create(p);
        test.run(client::listProjects, projects -> {
            testOk.set(true);
            lastTestFailed = false;
            testResult.set(describe(projects));
        }, e -> {
            lastTestFailed = true;
            offeredCa.set(caToOffer(e));
            // Nothing has worked with these credentials yet: a typo is likelier than a revoked token.
            testResult.set(ErrorText.sentence(e) + (ErrorText.isUnauthorized(e)
                    ? " The server did not accept the " + p.method().secretLabel().toLowerCase(Locale.ROOT)
                    + (p.method().needsUsername() ? " for this username" : "") + ": check it." : ""));
        });
    }

    static String describe(List<Project> projects) {
        if (projects.isEmpty()) {
            return "Connected. This user sees no projects.";
        }
        String names = projects.stream().limit(5).map(Project::name).collect(Collectors.joining(", "));
        return "Connected. " + projects.size() + (projects.size() == 1 ? " project: " : " projects: ") + names
                + (projects.size() > 5 ? ", \u2026" : "");
    }

    /** Saves the form as a profile (replacing the selected one) and selects it. */
    public ConnectionProfile save() {
        ConnectionProfile p = fromForm();
        if (p == null) {
            return null;
        }
        ConnectionProfile old = selected.get();
        int i = old == null ? -1 : profiles.indexOf(old);
        if (i >= 0) {
            profiles.set(i, p);
        } else {
            profiles.add(p);
        }
        selected.set(p);
        keepSecret(old, p);
        return p;
    }

    /**
     * "Remember" on: the secret goes to the keychain under the profile's name; off (or renamed): what the
     * keychain held for the old name goes. Off the FX thread; a failure is said in the form.
     */
    private void keepSecret(ConnectionProfile old, ConnectionProfile now) {
        if (keychain == null || keychain.unavailableReason() != null || now.builtIn()) {
            return;
        }
        String oldName = old == null || old.builtIn() ? null : old.name();
        io.keyward.session.BackgroundTask.of(() -> {
                    if (now.rememberSecret()) {
                        keychain.put(now.name(), now.secret());
                        io.keyward.session.ProfileNetwork n = now.options().network();
                        for (var other : java.util.Map.of(CLIENT_CERTIFICATE_ACCOUNT, n.clientCertificatePassword(),
                                PROXY_ACCOUNT, n.proxyPassword()).entrySet()) {
                            if (other.getValue().reveal().isEmpty()) {
                                keychain.delete(now.name() + other.getKey());
                            } else {
                                keychain.put(now.name() + other.getKey(), other.getValue());
                            }
                        }
                    }
                    if (oldName != null && (!now.rememberSecret() || !oldName.equals(now.name()))) {
                        deleteAll(oldName);
                    } else if (!now.rememberSecret()) {
                        deleteAll(now.name());
                    }
                    return null;
                })
                .onFailure(e -> formError.set("The keychain did not take the secret (" + e.getMessage()
                        + "); it is kept for this session only."))
                .executeWith(executor);
    }

    /**
     * Saves and connects. After a failed test it asks first: the first press says so and turns the
     * button into "Connect anyway"; only the second connects.
     */
    public void connect() {
        if (lastTestFailed && !connectAnyway) {
            connectAnyway = true;
            connectLabel.set("Connect anyway");
            formError.set("The last test failed (" + testResult.get() + "). Press \u201CConnect anyway\u201D to connect "
                    + "regardless, or change the form and test again.");
            return;
        }
        ConnectionProfile p = save();
        if (p != null) {
            test.cancel();
            done.set(true);
            onConnect.accept(p);
        }
    }

    public void remove() {
        ConnectionProfile p = selected.get();
        if (p != null && !p.builtIn()) {
            profiles.remove(p);
            if (keychain != null && keychain.unavailableReason() == null) {
                // Removing a profile removes its secret.
                io.keyward.session.BackgroundTask.of(() -> {
                            deleteAll(p.name());
                            return null;
                        })
                        .onFailure(e -> formError.set("The keychain kept the secret of \u201C" + p.name() + "\u201D ("
                                + e.getMessage() + ")."))
                        .executeWith(executor);
            }
            selected.set(profiles.isEmpty() ? null : profiles.get(0));
        }
    }

    private void deleteAll(String profile) throws io.keyward.store.SecretStoreException {
        keychain.delete(profile);
        keychain.delete(profile + CLIENT_CERTIFICATE_ACCOUNT);
        keychain.delete(profile + PROXY_ACCOUNT);
    }

    public void cancelTest() {
        test.cancel();
    }

    // ------------------------------------------------------------------ network and trust

    /** Where the CA dialog and the file chooser open; without it, CAs cannot be added (tests of other parts). */
    public ConnectionsViewModel withDialogs(io.keyward.ui.common.DialogService dialogs, java.time.Clock clock) {
        this.dialogs = dialogs;
        this.clock = clock;
        return this;
    }

    /** Asks for a PEM file, shows the certificate's facts, and trusts it for this connection when accepted. */
    public void addCaFromFile() {
        if (dialogs == null) {
            return;
        }
        dialogs.chooseFileToOpen(new io.keyward.ui.common.DialogService.FileRequest("Add a trusted CA certificate (PEM)",
                null, List.of("Certificates|*.pem|*.crt|*.cer", "All files|*"))).ifPresent(path -> {
            try {
                if (java.nio.file.Files.size(path) > 256 * 1024) {
                    formError.set(path.getFileName() + " is larger than 256 KiB: not a single certificate.");
                    return;
                }
                String text = java.nio.file.Files.readString(path, java.nio.charset.StandardCharsets.US_ASCII);
                offerCa(io.keyward.crypto.CaCertificate.parse(text), "the file " + path.getFileName());
            } catch (io.keyward.crypto.KeyFormatException e) {
                formError.set(path.getFileName() + ": " + e.getMessage());
            } catch (java.io.IOException | RuntimeException e) {
                formError.set(path.getFileName() + " could not be read (" + e.getClass().getSimpleName() + ").");
            }
        });
    }

    /** Shows the certificate's facts; adds it to this connection's trusted CAs when the administrator accepts. */
    public boolean offerCa(io.keyward.crypto.CaCertificate ca, String why) {
        if (trustedCas.stream().anyMatch(c -> c.sha256Fingerprint().equals(ca.sha256Fingerprint()))) {
            formError.set("\u201C" + ca.shortName() + "\u201D is trusted for this connection already.");
            return false;
        }
        String who = name.get() == null || name.get().isBlank() ? "this connection" : name.get().trim();
        boolean yes = dialogs != null && dialogs.show(new TrustCaDialog(new TrustCaDialogViewModel(ca, who, why,
                clock.instant()))).orElse(false);
        if (yes) {
            trustedCas.add(ca);
            formError.set("");
            forgetTest();
        }
        return yes;
    }

    /** Asks for the PKCS#12 file of a client certificate. */
    public void chooseClientCertificate() {
        if (dialogs != null) {
            dialogs.chooseFileToOpen(new io.keyward.ui.common.DialogService.FileRequest("Client certificate (PKCS#12)",
                    null, List.of("PKCS#12 files|*.p12|*.pfx", "All files|*")))
                    .ifPresent(path -> clientCertificate.set(path.toString()));
        }
    }

    public void removeCa(io.keyward.crypto.CaCertificate ca) {
        trustedCas.remove(ca);
        forgetTest();
    }

    public ObservableList<io.keyward.crypto.CaCertificate> trustedCas() {
        return trustedCas;
    }

    /**
     * After a test that failed because the manager's certificate comes from a CA this connection does not
     * trust: that CA, as the manager sent it, for the one explicit way forward ("trust this CA").
     */
    public javafx.beans.property.ReadOnlyObjectProperty<io.keyward.crypto.CaCertificate> offeredCaProperty() {
        return offeredCa.getReadOnlyProperty();
    }

    /** Shows the offered CA's facts and trusts it for this connection when accepted. */
    public void trustOfferedCa() {
        io.keyward.crypto.CaCertificate ca = offeredCa.get();
        String host;
        try {
            host = URI.create(url.get().trim()).getHost();
        } catch (RuntimeException e) {
            host = "the manager";
        }
        if (ca != null && offerCa(ca, "sent by " + host + " in its certificate chain")) {
            offeredCa.set(null);
        }
    }

    static io.keyward.crypto.CaCertificate caToOffer(Throwable e) {
        if (e instanceof io.keyward.gateway.GatewayException g
                && g.failure() instanceof io.keyward.gateway.Failure.Tls tls
                && tls.problem() == io.keyward.gateway.Failure.TlsProblem.UNKNOWN_ISSUER
                && tls.issuerCandidate() != null && tls.issuerCandidate().pem() != null
                // A server that sent only its own certificate (not self-signed) did not send its CA: that CA's
                // file is needed (Add CA certificate…), not the server's certificate.
                && (!tls.issuerCandidate().equals(tls.server()) || tls.issuerCandidate().selfSigned())) {
            try {
                return io.keyward.crypto.CaCertificate.parse(tls.issuerCandidate().pem());
            } catch (io.keyward.crypto.KeyFormatException ignored) {
                return null;
            }
        }
        return null;
    }

    public ReadOnlyBooleanProperty osTrustStoreAvailableProperty() {
        return osTrustStoreAvailable.getReadOnlyProperty();
    }

    /** Why the OS store cannot be used here (e.g. on Linux, where each program brings its own). */
    public ReadOnlyStringProperty osTrustStoreReasonProperty() {
        return osTrustStoreReason.getReadOnlyProperty();
    }

    public BooleanProperty useOsTrustStoreProperty() {
        return useOsTrustStore;
    }

    public BooleanProperty allowPlainHttpProperty() {
        return allowPlainHttp;
    }

    public StringProperty clientCertificateProperty() {
        return clientCertificate;
    }

    public StringProperty clientCertificatePasswordProperty() {
        return clientCertificatePassword;
    }

    public ObjectProperty<ProxyMode> proxyModeProperty() {
        return proxyMode;
    }

    public StringProperty proxyHostProperty() {
        return proxyHost;
    }

    public StringProperty proxyPortProperty() {
        return proxyPort;
    }

    public StringProperty proxyUsernameProperty() {
        return proxyUsername;
    }

    public StringProperty proxyPasswordProperty() {
        return proxyPassword;
    }

    /** Whether the secret is kept in the OS keychain. */
    public BooleanProperty rememberProperty() {
        return remember;
    }

    public ReadOnlyBooleanProperty rememberAvailableProperty() {
        return rememberAvailable.getReadOnlyProperty();
    }

    /** Why "Remember" is disabled, or what it does. */
    public ReadOnlyStringProperty rememberReasonProperty() {
        return rememberReason.getReadOnlyProperty();
    }

    public ObservableList<ConnectionProfile> profiles() {
        return profiles;
    }

    public ObjectProperty<ConnectionProfile> selectedProperty() {
        return selected;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty readTimeoutProperty() {
        return readTimeout;
    }

    public StringProperty changeTimeoutProperty() {
        return changeTimeout;
    }

    public StringProperty maxResponseMiBProperty() {
        return maxResponseMiB;
    }

    /** "Connect", or "Connect anyway" once a failed test has been pointed out. */
    public ReadOnlyStringProperty connectLabelProperty() {
        return connectLabel.getReadOnlyProperty();
    }

    public ObjectProperty<BackendKind> backendProperty() {
        return backend;
    }

    /** The sign-in methods the chosen backend takes. */
    public ObservableList<SignInMethod> methods() {
        return methods;
    }

    public ObjectProperty<SignInMethod> methodProperty() {
        return method;
    }

    public StringBinding urlLabelProperty() {
        return urlLabel;
    }

    public StringBinding urlPromptProperty() {
        return urlPrompt;
    }

    public StringBinding secretLabelProperty() {
        return secretLabel;
    }

    public BooleanBinding needsUsernameProperty() {
        return needsUsername;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty secretProperty() {
        return secret;
    }

    public BooleanProperty builtInProperty() {
        return builtIn;
    }

    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty testResultProperty() {
        return testResult.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testOkProperty() {
        return testOk.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return test.busyProperty();
    }

    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    public BooleanBinding canRemoveProperty() {
        return canRemove;
    }
}
