package io.keyward.ui.main;

import io.keyward.gateway.GatewayClient;
import io.keyward.ui.common.DialogService;
import io.keyward.ui.common.ErrorText;
import io.keyward.ui.common.TaskRunner;
import io.keyward.ui.connect.ClientFactory;
import io.keyward.ui.connect.ConnectionProfile;
import io.keyward.ui.connect.ConnectionsViewModel;
import io.keyward.ui.credentials.CredentialListViewModel;
import io.keyward.ui.jwks.JwkListViewModel;
import io.keyward.ui.keys.KeyListViewModel;
import io.keyward.ui.projects.ProjectListViewModel;
import io.keyward.ui.results.ResultsViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;

/**
 * The main window's state: the active connection, the projects, the three tabs, the results panel
 * and the notification line. Failures arrive here; a 401 offers to reconnect.
 */
public final class MainViewModel implements FailureHandler {

    private final ClientFactory factory;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final ObservableList<ConnectionProfile> profiles = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ConnectionProfile> active = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Not connected");
    private final ReadOnlyStringWrapper notification = new ReadOnlyStringWrapper("");
    private final Workspace workspace;
    private final ResultsViewModel results;
    private final Mutations mutations;
    private final ProjectListViewModel projects;
    private final KeyListViewModel keys;
    private final JwkListViewModel jwks;
    private final CredentialListViewModel credentials;
    private final BooleanBinding busy;
    private boolean offeringReconnect;
    private boolean reconnectDeclined;

    public MainViewModel(ClientFactory factory, TaskRunner runner, DialogService dialogs, Clock clock) {
        this.factory = factory;
        this.runner = runner;
        this.dialogs = dialogs;
        this.workspace = new Workspace(runner, this);
        this.results = new ResultsViewModel(clock);
        this.mutations = new Mutations(workspace, results, this);
        this.projects = new ProjectListViewModel(workspace, this);
        this.keys = new KeyListViewModel(workspace, mutations, dialogs, this);
        this.jwks = new JwkListViewModel(workspace, mutations, dialogs, this);
        this.credentials = new CredentialListViewModel(workspace, mutations, dialogs, clock);
        this.busy = Bindings.createBooleanBinding(() -> workspace.loadingProperty().get()
                        || projects.loadingProperty().get() || mutations.runningProperty().get(),
                workspace.loadingProperty(), projects.loadingProperty(), mutations.runningProperty());
    }

    /** Switches to a profile: new client, fresh project list, clean notification. */
    public void connect(ConnectionProfile profile) {
        int i = indexOf(profile.name());
        if (i >= 0) {
            profiles.set(i, profile);
        } else {
            profiles.add(profile);
        }
        GatewayClient client = factory.create(profile);
        reconnectDeclined = false;
        active.set(profile);
        notification.set("");
        status.set("Connected to " + profile.name() + " (" + profile.managerUrl() + ")");
        workspace.clientProperty().set(client);
        projects.load();
    }

    private int indexOf(String name) {
        for (int i = 0; i < profiles.size(); i++) {
            if (profiles.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public void refresh() {
        notification.set("");
        reconnectDeclined = false;
        projects.load();
    }

    public void openConnections() {
        ConnectionsViewModel vm = new ConnectionsViewModel(profiles, active.get(), factory, runner, this::connect);
        dialogs.showConnections(vm);
    }

    @Override
    public void failed(Exception e) {
        notification.set(ErrorText.sentence(e));
        if (ErrorText.isUnauthorized(e) && !offeringReconnect && !reconnectDeclined) {
            status.set("Session rejected by " + (active.get() == null ? "the server" : active.get().name()));
            offeringReconnect = true; // several calls failing together ask once
            try {
                String who = active.get() == null ? "the server" : "\u201C" + active.get().name() + "\u201D";
                if (dialogs.offerReconnect(ErrorText.sentence(e) + "\n\nThe token for " + who
                        + " may have expired or been revoked. Reconnect with a new token?")) {
                    openConnections();
                } else {
                    // Other calls of the same session are failing too: "Not now" holds until the user
                    // connects or refreshes, instead of asking once per failed call.
                    reconnectDeclined = true;
                }
            } finally {
                offeringReconnect = false;
            }
        }
    }

    @Override
    public void notice(String sentence) {
        notification.set(sentence);
    }

    public void dismissNotification() {
        notification.set("");
    }

    public ObservableList<ConnectionProfile> profiles() {
        return profiles;
    }

    public ReadOnlyObjectProperty<ConnectionProfile> activeProperty() {
        return active.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty notificationProperty() {
        return notification.getReadOnlyProperty();
    }

    public BooleanBinding busyProperty() {
        return busy;
    }

    public Workspace workspace() {
        return workspace;
    }

    public ResultsViewModel results() {
        return results;
    }

    public Mutations mutations() {
        return mutations;
    }

    public ProjectListViewModel projects() {
        return projects;
    }

    public KeyListViewModel keys() {
        return keys;
    }

    public JwkListViewModel jwks() {
        return jwks;
    }

    public CredentialListViewModel credentials() {
        return credentials;
    }

    public ObjectProperty<GatewayClient> clientProperty() {
        return workspace.clientProperty();
    }
}
