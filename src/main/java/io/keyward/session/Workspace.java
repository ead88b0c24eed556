package io.keyward.session;

import io.keyward.gateway.Capability;
import io.keyward.gateway.GatewayClient;
import io.keyward.model.Credential;
import io.keyward.model.CryptoKey;
import io.keyward.model.Environment;
import io.keyward.model.Jwk;
import io.keyward.model.JwtKey;
import io.keyward.model.Project;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The connection and the open project's data: whichever of environments, keys, JWKs, credentials
 * and JWT keys the backend offers. Opening another project or connecting elsewhere cancels a load
 * still under way, so a slow answer for the old one never lands in the tables.
 */
public final class Workspace {

    private final TaskExecutor executor;
    private final FailureHandler failures;
    private final ReadOnlyObjectWrapper<Connection> connection = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Set<Capability>> capabilities = new ReadOnlyObjectWrapper<>(Set.of());
    private final ReadOnlyObjectWrapper<Project> project = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Environment> environments = FXCollections.observableArrayList();
    private final ObservableList<CryptoKey> keys = FXCollections.observableArrayList();
    private final ObservableList<Jwk> jwks = FXCollections.observableArrayList();
    private final ObservableList<Credential> credentials = FXCollections.observableArrayList();
    private final ObservableList<JwtKey> jwtKeys = FXCollections.observableArrayList();
    private final TaskSlot load;
    private final TaskSlot fresh;
    private final BooleanBinding loading;

    public Workspace(TaskExecutor executor, FailureHandler failures) {
        this.executor = executor;
        this.failures = failures;
        this.load = new TaskSlot(executor);
        this.fresh = new TaskSlot(executor);
        this.loading = Bindings.or(load.busyProperty(), fresh.busyProperty());
    }

    public TaskExecutor executor() {
        return executor;
    }

    /** Switches to another backend: nothing loaded through the old one is kept or still applied. */
    public void connect(Connection c) {
        load.cancel();
        fresh.cancel();
        project.set(null);
        clear();
        capabilities.set(c == null ? Set.of() : c.capabilities());
        connection.set(c);
    }

    public ReadOnlyObjectProperty<Connection> connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public Connection connection() {
        return connection.get();
    }

    public GatewayClient client() {
        Connection c = connection.get();
        return c == null ? null : c.client();
    }

    /** What the connected backend offers (empty when not connected). */
    public ReadOnlyObjectProperty<Set<Capability>> capabilitiesProperty() {
        return capabilities.getReadOnlyProperty();
    }

    public boolean can(Capability capability) {
        return capabilities.get().contains(capability);
    }

    public ReadOnlyObjectProperty<Project> projectProperty() {
        return project.getReadOnlyProperty();
    }

    public Project project() {
        return project.get();
    }

    public ObservableList<Environment> environments() {
        return environments;
    }

    public ObservableList<CryptoKey> keys() {
        return keys;
    }

    public ObservableList<Jwk> jwks() {
        return jwks;
    }

    public ObservableList<Credential> credentials() {
        return credentials;
    }

    public ObservableList<JwtKey> jwtKeys() {
        return jwtKeys;
    }

    public BooleanBinding loadingProperty() {
        return loading;
    }

    /** Shows {@code p} (null: nothing), loading its data in the background. */
    public void open(Project p) {
        Project current = project.get();
        if (p == null || !p.sameAs(current)) {
            // Another project's rows must never stand under this project's title, not even while loading.
            fresh.cancel();
            clear();
        }
        project.set(p);
        reload();
    }

    public void reload() {
        Project p = project.get();
        Connection c = connection.get();
        if (p == null || c == null) {
            load.cancel();
            clear();
            return;
        }
        load.run(() -> Snapshot.load(c, p), this::apply, e -> {
            clear();
            failures.failed(e);
        });
    }

    /**
     * Loads the server's current state for the open project, shows it, and hands it to {@code then}
     * (a confirmation dialog's impact must not come from a table that may be minutes old). Busy while
     * it runs; a second request while one is under way is ignored, so a double click opens one dialog.
     * {@code then} runs only if the same project is still open through the same connection.
     */
    public void loadFresh(Consumer<Snapshot> then) {
        Project p = project.get();
        Connection c = connection.get();
        if (p == null || c == null) {
            return;
        }
        fresh.runIfIdle(() -> Snapshot.load(c, p), snapshot -> {
            if (isCurrent(snapshot)) {
                apply(snapshot);
                then.accept(snapshot);
            }
        }, failures::failed);
    }

    private boolean isCurrent(Snapshot snapshot) {
        return snapshot.connection() == connection.get() && snapshot.project().sameAs(project.get());
    }

    /** Tells the user something that is not a failure (through the main window's notice line). */
    public void notice(String sentence) {
        failures.notice(sentence);
    }

    /** Puts a freshly loaded snapshot into the tables; one for another project or connection is dropped. */
    public void apply(Snapshot snapshot) {
        if (!isCurrent(snapshot)) {
            return;
        }
        environments.setAll(snapshot.environments());
        keys.setAll(snapshot.keys());
        jwks.setAll(snapshot.jwks());
        credentials.setAll(snapshot.credentials());
        jwtKeys.setAll(snapshot.jwtKeys());
    }

    public void clear() {
        environments.clear();
        keys.clear();
        jwks.clear();
        credentials.clear();
        jwtKeys.clear();
    }

    public List<String> environmentNames() {
        return environments.stream().map(Environment::name).toList();
    }
}
