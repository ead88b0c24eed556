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
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The connection and the open project's data: whichever of environments, keys, JWKs, credentials
 * and JWT keys the backend offers, each with its own {@link ListState}. Opening another project or
 * connecting elsewhere cancels a load still under way, so a slow answer for the old one never lands
 * in the tables; a list that fails to load keeps its last good rows, marked stale.
 */
public final class Workspace {

    /** Where a load's failure is reported, so its banner can clear when a later load succeeds. */
    public static final String LOAD = "load";

    private final TaskExecutor executor;
    private final FailureHandler failures;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<Connection> connection = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Set<Capability>> capabilities = new ReadOnlyObjectWrapper<>(Set.of());
    private final ReadOnlyObjectWrapper<Project> project = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper readOnly = new ReadOnlyStringWrapper("");
    private final ResourceList<Environment> environments = new ResourceList<>();
    private final ResourceList<CryptoKey> keys = new ResourceList<>();
    private final ResourceList<Jwk> jwks = new ResourceList<>();
    private final ResourceList<Credential> credentials = new ResourceList<>();
    private final ResourceList<JwtKey> jwtKeys = new ResourceList<>();
    private final TaskSlot load;
    private final TaskSlot fresh;
    private final BooleanBinding loading;

    public Workspace(TaskExecutor executor, FailureHandler failures, Clock clock) {
        this.executor = executor;
        this.failures = failures;
        this.clock = clock;
        this.load = new TaskSlot(executor);
        this.fresh = new TaskSlot(executor);
        this.loading = Bindings.or(load.busyProperty(), fresh.busyProperty());
    }

    public TaskExecutor executor() {
        return executor;
    }

    public Clock clock() {
        return clock;
    }

    /** Switches to another backend: nothing loaded through the old one is kept or still applied. */
    public void connect(Connection c) {
        load.cancel();
        fresh.cancel();
        project.set(null);
        clear();
        readOnly.set("");
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

    /**
     * Why this connection cannot make changes ("" while it can): set after the server refused a change
     * with 403, cleared by connecting again or refreshing.
     */
    public ReadOnlyStringProperty readOnlyProperty() {
        return readOnly.getReadOnlyProperty();
    }

    public boolean isReadOnly() {
        return !readOnly.get().isEmpty();
    }

    void markReadOnly(String why) {
        readOnly.set(why);
    }

    /** The user asks to try changes again (refresh): the next 403 will say so again. */
    public void clearReadOnly() {
        readOnly.set("");
    }

    public ReadOnlyObjectProperty<Project> projectProperty() {
        return project.getReadOnlyProperty();
    }

    public Project project() {
        return project.get();
    }

    public ObservableList<Environment> environments() {
        return environments.items();
    }

    public ObservableList<CryptoKey> keys() {
        return keys.items();
    }

    public ObservableList<Jwk> jwks() {
        return jwks.items();
    }

    public ObservableList<Credential> credentials() {
        return credentials.items();
    }

    public ObservableList<JwtKey> jwtKeys() {
        return jwtKeys.items();
    }

    public ResourceList<Environment> environmentList() {
        return environments;
    }

    public ResourceList<CryptoKey> keyList() {
        return keys;
    }

    public ResourceList<Jwk> jwkList() {
        return jwks;
    }

    public ResourceList<Credential> credentialList() {
        return credentials;
    }

    public ResourceList<JwtKey> jwtKeyList() {
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

    /** One list's part of a load: its rows, or why they could not be read. */
    private record Part<T>(ResourceList<T> list, List<T> rows, Throwable failure) { }

    private record Load(Connection connection, Project project, Instant at, List<Part<?>> parts) { }

    public void reload() {
        Project p = project.get();
        Connection c = connection.get();
        if (p == null || c == null) {
            load.cancel();
            clear();
            return;
        }
        for (ResourceList<?> list : offered(c)) {
            list.loading();
        }
        load.run(() -> loadEach(c, p), this::apply, e -> {
            // Only a failure of the load itself arrives here (each list's own failure is kept in its part).
            String why = ErrorText.sentence(e);
            offered(c).forEach(l -> l.failed(why));
            failures.failed(e, LOAD);
        });
    }

    /** Each list the backend offers, loaded on its own: one that fails does not take the others with it. */
    private Load loadEach(Connection c, Project p) {
        GatewayClient client = c.client();
        List<Part<?>> parts = new ArrayList<>();
        client.environments().ifPresent(api -> parts.add(part(environments, () -> api.listEnvironments(p))));
        client.keys().ifPresent(api -> parts.add(part(keys, () -> api.listKeys(p))));
        client.jwks().ifPresent(api -> parts.add(part(jwks, () -> api.listJwks(p))));
        client.credentials().ifPresent(api -> parts.add(part(credentials, () -> api.listCredentials(p))));
        client.jwtKeys().ifPresent(api -> parts.add(part(jwtKeys, () -> api.listJwtKeys(p, false))));
        return new Load(c, p, clock.instant(), parts);
    }

    private static <T> Part<T> part(ResourceList<T> list, Callable<List<T>> read) {
        if (Thread.currentThread().isInterrupted()) {
            return new Part<>(list, null, new InterruptedException("cancelled"));
        }
        try {
            return new Part<>(list, read.call(), null);
        } catch (Exception e) {
            return new Part<>(list, null, e);
        }
    }

    private List<ResourceList<?>> offered(Connection c) {
        GatewayClient client = c.client();
        List<ResourceList<?>> lists = new ArrayList<>();
        client.environments().ifPresent(x -> lists.add(environments));
        client.keys().ifPresent(x -> lists.add(keys));
        client.jwks().ifPresent(x -> lists.add(jwks));
        client.credentials().ifPresent(x -> lists.add(credentials));
        client.jwtKeys().ifPresent(x -> lists.add(jwtKeys));
        return lists;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void apply(Load l) {
        if (l.connection() != connection.get() || !l.project().sameAs(project.get())) {
            return;
        }
        Throwable first = null;
        for (Part<?> part : l.parts()) {
            if (part.failure() == null) {
                ((ResourceList) part.list()).loaded(part.rows(), l.at());
            } else {
                part.list().failed(ErrorText.sentence(part.failure()));
                first = first == null ? part.failure() : first;
            }
        }
        if (first != null) {
            failures.failed(first, LOAD); // one banner for the load, however many lists failed
        } else {
            failures.succeeded(LOAD);
        }
    }

    /**
     * Stops the loads under way (the user gave up waiting, e.g. on a server being retried): their
     * lists keep what they showed, marked as not loaded, and their answers are dropped if they come.
     */
    public void cancelLoads() {
        boolean wasLoading = load.isBusy();
        load.cancel();
        fresh.cancel();
        if (wasLoading) {
            for (ResourceList<?> list : List.of(environments, keys, jwks, credentials, jwtKeys)) {
                if (list.state().isLoading()) {
                    list.failed("Loading was cancelled.");
                }
            }
        }
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
        }, e -> failures.failed(e, LOAD));
    }

    private boolean isCurrent(Snapshot snapshot) {
        return snapshot.connection() == connection.get() && snapshot.project().sameAs(project.get());
    }

    /** True while {@code c} is still the connection the console works with. */
    public boolean isCurrent(Connection c) {
        return c != null && c == connection.get();
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
        Instant at = clock.instant();
        GatewayClient c = snapshot.client();
        c.environments().ifPresent(x -> environments.loaded(snapshot.environments(), at));
        c.keys().ifPresent(x -> keys.loaded(snapshot.keys(), at));
        c.jwks().ifPresent(x -> jwks.loaded(snapshot.jwks(), at));
        c.credentials().ifPresent(x -> credentials.loaded(snapshot.credentials(), at));
        c.jwtKeys().ifPresent(x -> jwtKeys.loaded(snapshot.jwtKeys(), at));
        failures.succeeded(LOAD);
    }

    public void clear() {
        environments.reset();
        keys.reset();
        jwks.reset();
        credentials.reset();
        jwtKeys.reset();
    }

    public List<String> environmentNames() {
        return environments.items().stream().map(Environment::name).toList();
    }
}
