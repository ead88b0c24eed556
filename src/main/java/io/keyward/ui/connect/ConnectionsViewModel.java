package io.keyward.ui.connect;

import io.keyward.gateway.GatewayClient;
import io.keyward.model.Project;
import io.keyward.model.Secret;
import io.keyward.ui.common.ErrorText;
import io.keyward.ui.common.TaskRunner;
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
 * The connections dialog: profiles with a name and manager URL, a personal token or username and
 * password, "Test connection" (lists the projects) and "Connect". Secrets live only in memory.
 */
public final class ConnectionsViewModel {

    private final ObservableList<ConnectionProfile> profiles;
    private final ClientFactory factory;
    private final TaskRunner runner;
    private final Consumer<ConnectionProfile> onConnect;

    private final ObjectProperty<ConnectionProfile> selected = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty url = new SimpleStringProperty("");
    private final ObjectProperty<ConnectionProfile.AuthMode> mode =
            new SimpleObjectProperty<>(ConnectionProfile.AuthMode.TOKEN);
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty secret = new SimpleStringProperty("");
    private final BooleanProperty builtIn = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper testResult = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper testOk = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canRemove;
    private TaskRunner.Handle test = TaskRunner.Handle.NONE;

    public ConnectionsViewModel(ObservableList<ConnectionProfile> profiles, ConnectionProfile initial,
                                ClientFactory factory, TaskRunner runner, Consumer<ConnectionProfile> onConnect) {
        this.profiles = profiles;
        this.factory = factory;
        this.runner = runner;
        this.onConnect = onConnect;
        selected.addListener((o, a, p) -> load(p));
        url.addListener((o, a, b) -> warning.set(transportWarning(b)));
        canRemove = Bindings.createBooleanBinding(() -> selected.get() != null && !selected.get().builtIn(), selected);
        selected.set(initial != null ? initial : profiles.isEmpty() ? null : profiles.get(0));
    }

    private void load(ConnectionProfile p) {
        test.cancel();
        testing.set(false);
        testResult.set("");
        testOk.set(false);
        formError.set("");
        if (p == null) {
            return;
        }
        name.set(p.name());
        url.set(p.managerUrl().toString());
        mode.set(p.mode());
        username.set(p.username() == null ? "" : p.username());
        secret.set(p.secret().reveal());
        builtIn.set(p.builtIn());
    }

    /** Starts a new, unsaved profile in the form. */
    public void newProfile() {
        selected.set(null);
        name.set("");
        url.set("https://");
        mode.set(ConnectionProfile.AuthMode.TOKEN);
        username.set("");
        secret.set("");
        builtIn.set(false);
        testResult.set("");
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
            return fail("The manager URL is not a valid URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            return fail("The manager URL must start with https:// (or http://) and name a host.");
        }
        if (secret.get() == null || secret.get().isBlank()) {
            return fail(mode.get() == ConnectionProfile.AuthMode.TOKEN ? "Enter the personal API token."
                    : "Enter the password.");
        }
        if (mode.get() == ConnectionProfile.AuthMode.PASSWORD && (username.get() == null || username.get().isBlank())) {
            return fail("Enter the username.");
        }
        boolean nameTaken = profiles.stream().anyMatch(p -> p.name().equals(n) && p != selected.get());
        if (nameTaken) {
            return fail("Another connection is already called \u201C" + n + "\u201D.");
        }
        formError.set("");
        return new ConnectionProfile(n, uri, mode.get(), username.get().trim(), Secret.of(secret.get().trim()),
                builtIn.get());
    }

    private ConnectionProfile fail(String message) {
        formError.set(message);
        return null;
    }

    /** Textual check only: resolving the host here would put DNS on the FX thread at every keystroke. */
    static String transportWarning(String text) {
        try {
            URI u = URI.create(text == null ? "" : text.trim());
            if ("http".equalsIgnoreCase(u.getScheme()) && u.getHost() != null && !isLoopback(u.getHost())) {
                return "Plain HTTP sends the token unencrypted over the network. Use https:// unless this is a lab.";
            }
        } catch (IllegalArgumentException ignored) {
            // malformed while being typed: the form error covers it on save
        }
        return "";
    }

    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        // Only an IPv4 literal in 127/8 is loopback: a host name such as 127.example.com may resolve anywhere.
        return h.equals("localhost") || h.matches("127(\\.\\d{1,3}){3}") || h.equals("[::1]") || h.equals("::1");
    }

    public void testConnection() {
        ConnectionProfile p = fromForm();
        if (p == null) {
            return;
        }
        test.cancel();
        testing.set(true);
        testOk.set(false);
        testResult.set("Testing\u2026");
        GatewayClient client = factory.create(p);
        test = runner.run(client::listProjects, projects -> {
            testing.set(false);
            testOk.set(true);
            testResult.set(describe(projects));
        }, e -> {
            testing.set(false);
            testResult.set(ErrorText.sentence(e));
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
        return p;
    }

    public void connect() {
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
            selected.set(profiles.isEmpty() ? null : profiles.get(0));
        }
    }

    public void cancelTest() {
        test.cancel();
        testing.set(false);
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

    public ObjectProperty<ConnectionProfile.AuthMode> modeProperty() {
        return mode;
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
        return testing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    public BooleanBinding canRemoveProperty() {
        return canRemove;
    }
}
