package io.keyward.ui.main;

import io.keyward.gateway.GatewayClient;
import io.keyward.model.Credential;
import io.keyward.model.CryptoKey;
import io.keyward.model.Environment;
import io.keyward.model.Jwk;
import io.keyward.ui.common.BusyCounter;
import io.keyward.ui.common.TaskRunner;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.function.Consumer;

/**
 * The selected project's data: environments, keys, JWKs and credentials. Opening another project
 * cancels a load still under way, so a slow answer for the old project never lands in the tables.
 */
public final class Workspace {

    private final TaskRunner runner;
    private final FailureHandler failures;
    private final ObjectProperty<GatewayClient> client = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<String> project = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Environment> environments = FXCollections.observableArrayList();
    private final ObservableList<CryptoKey> keys = FXCollections.observableArrayList();
    private final ObservableList<Jwk> jwks = FXCollections.observableArrayList();
    private final ObservableList<Credential> credentials = FXCollections.observableArrayList();
    private final BusyCounter loading = new BusyCounter();
    private TaskRunner.Handle pending = TaskRunner.Handle.NONE;
    private boolean pendingActive;
    private long generation;
    private boolean freshPending;

    public Workspace(TaskRunner runner, FailureHandler failures) {
        this.runner = runner;
        this.failures = failures;
    }

    public ObjectProperty<GatewayClient> clientProperty() {
        return client;
    }

    public GatewayClient client() {
        return client.get();
    }

    public ReadOnlyObjectProperty<String> projectProperty() {
        return project.getReadOnlyProperty();
    }

    public String project() {
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

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.busyProperty();
    }

    public TaskRunner runner() {
        return runner;
    }

    /** Shows {@code projectName} (null: nothing), loading its data in the background. */
    public void open(String projectName) {
        if (!java.util.Objects.equals(projectName, project.get())) {
            // Another project's rows must never stand under this project's title, not even while loading.
            clear();
        }
        project.set(projectName);
        reload();
    }

    public void reload() {
        cancelPending();
        String p = project.get();
        GatewayClient c = client.get();
        if (p == null || c == null) {
            clear();
            return;
        }
        long mine = ++generation;
        loading.begin();
        pendingActive = true;
        TaskRunner.Handle handle = runner.run(() -> Snapshot.load(c, p), snapshot -> {
            finish(mine);
            apply(snapshot);
        }, e -> {
            finish(mine);
            clear();
            failures.failed(e);
        });
        if (mine == generation && pendingActive) {
            pending = handle;
        }
    }

    private void finish(long mine) {
        if (mine == generation && pendingActive) {
            pendingActive = false;
            loading.end();
        }
    }

    private void cancelPending() {
        if (pendingActive) {
            pending.cancel();
            pendingActive = false;
            loading.end();
        }
        pending = TaskRunner.Handle.NONE;
    }

    /**
     * Loads the server's current state for the open project, shows it, and hands it to {@code then}
     * (a confirmation dialog's impact must not come from a table that may be minutes old). Busy while
     * it runs; a second request while one is under way is ignored, so a double click opens one dialog.
     */
    public void loadFresh(Consumer<Snapshot> then) {
        String p = project.get();
        GatewayClient c = client.get();
        if (p == null || c == null || freshPending) {
            return;
        }
        freshPending = true;
        loading.begin();
        runner.run(() -> Snapshot.load(c, p), snapshot -> {
            freshPending = false;
            loading.end();
            apply(snapshot);
            if (p.equals(project.get())) {
                then.accept(snapshot);
            }
        }, e -> {
            freshPending = false;
            loading.end();
            failures.failed(e);
        });
    }

    /** Tells the user something that is not a failure (through the main window's notice line). */
    public void notice(String sentence) {
        failures.notice(sentence);
    }

    /** Puts a freshly loaded snapshot into the tables (also used by dialogs that loaded one). */
    public void apply(Snapshot snapshot) {
        if (!snapshot.project().equals(project.get())) {
            return; // a snapshot for a project that is no longer shown
        }
        environments.setAll(snapshot.environments());
        keys.setAll(snapshot.keys());
        jwks.setAll(snapshot.jwks());
        credentials.setAll(snapshot.credentials());
    }

    public void clear() {
        environments.clear();
        keys.clear();
        jwks.clear();
        credentials.clear();
    }

    public List<String> environmentNames() {
        return environments.stream().map(Environment::name).toList();
    }
}
