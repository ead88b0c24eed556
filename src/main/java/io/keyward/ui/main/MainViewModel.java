package io.keyward.ui.main;

import io.keyward.gateway.GatewayClient;
import io.keyward.session.ClientFactory;
import io.keyward.session.Connection;
import io.keyward.session.ConnectionProfile;
import io.keyward.session.ErrorText;
import io.keyward.session.FailureHandler;
import io.keyward.session.MutationRunner;
import io.keyward.session.ResultLog;
import io.keyward.session.TaskExecutor;
import io.keyward.session.Workspace;
import io.keyward.ui.common.DialogService;
import io.keyward.ui.connect.ConnectionsDialog;
import io.keyward.ui.connect.ConnectionsViewModel;
import io.keyward.ui.credentials.CredentialListViewModel;
import io.keyward.ui.jwks.JwkListViewModel;
import io.keyward.ui.jwtkeys.JwtKeyListViewModel;
import io.keyward.ui.keys.KeyListViewModel;
import io.keyward.ui.projects.ProjectListViewModel;
import io.keyward.ui.results.ResultsViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.util.List;

/**
 * The main window's state: the active connection, the projects, the feature tabs the backend's
 * capabilities call for, the results panel and the notification line. Failures arrive here; a 401
 * offers to reconnect.
 */
public final class MainViewModel implements FailureHandler {

    private final ClientFactory factory;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final ObservableList<ConnectionProfile> profiles = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ConnectionProfile> active = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Not connected");
    private final ReadOnlyStringWrapper notification = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper retrying = new ReadOnlyStringWrapper("");
    private final Workspace workspace;
    private final ResultLog resultLog;
    private final ResultsViewModel results;
    private final MutationRunner mutations;
    private final ProjectListViewModel projects;
    private final KeyListViewModel keys;
    private final JwkListViewModel jwks;
    private final CredentialListViewModel credentials;
    private final JwtKeyListViewModel jwtKeys;
    private final BooleanBinding busy;
    private boolean offeringReconnect;
    private boolean reconnectDeclined;
    /** The operation whose failure the banner shows ("" when none or the banner is a notice). */
    private String notificationSource = "";
    /** Whether anything was ever loaded with this connection's credentials: a 401 then means "expired". */
    private boolean credentialsWorked;
    private final io.keyward.journal.Journal journal;
    private final Clock clock;
    private volatile io.keyward.store.SecretStore secrets;
    private final io.keyward.store.ProfileStore profileStore;
    /** Set while saved profiles are put into the list, so loading them does not write them back. */
    private boolean restoringProfiles;

    public MainViewModel(ClientFactory factory, TaskExecutor executor, DialogService dialogs, Clock clock) {
        this(factory, executor, dialogs, clock, null, null, null);
    }

    /**
     * @param journal  where every change is written before it is sent (null: not journalled)
     * @param secrets  the OS keychain for remembered secrets (null: none reachable)
     * @param store    where non-built-in profiles are saved (null: they are not)
     */
    public MainViewModel(ClientFactory factory, TaskExecutor executor, DialogService dialogs, Clock clock,
                         io.keyward.journal.Journal journal, io.keyward.store.SecretStore secrets,
                         io.keyward.store.ProfileStore store) {
        this.factory = factory;
        this.executor = executor;
        this.dialogs = dialogs;
        this.journal = journal;
        this.clock = clock;
        this.secrets = secrets;
        this.profileStore = store;
        this.workspace = new Workspace(executor, this, clock);
        this.resultLog = new ResultLog(clock);
        this.results = new ResultsViewModel(resultLog, dialogs);
        results.setNotices(this::notice);
        this.mutations = new MutationRunner(workspace, resultLog, this, journal, clock);
        this.projects = new ProjectListViewModel(workspace, this);
        this.keys = new KeyListViewModel(workspace, mutations, dialogs, this);
        this.jwks = new JwkListViewModel(workspace, mutations, dialogs, this);
        this.credentials = new CredentialListViewModel(workspace, mutations, dialogs, clock);
        this.jwtKeys = new JwtKeyListViewModel(workspace, mutations, dialogs, this, clock);
        this.busy = Bindings.createBooleanBinding(() -> workspace.loadingProperty().get()
                        || projects.loadingProperty().get() || mutations.runningProperty().get(),
                workspace.loadingProperty(), projects.loadingProperty(), mutations.runningProperty());
        profiles.addListener((javafx.collections.ListChangeListener<ConnectionProfile>) c -> {
            if (!restoringProfiles) {
                saveProfiles();
            }
        });
        busy.addListener((o, was, now) -> {
            if (!now) {
                retrying.set(""); // whatever was being retried is over
            }
        });
    }

    /**
     * A read is being retried (called on the FX thread by the client's observer): the status line says
     * so, e.g. "Loading keys of project “p”: HTTP 502, retrying (2 of 3)…".
     */
    public void retrying(String action, int attempt, int of, java.time.Duration wait, String reason) {
        retrying.set(action + ": " + reason + ", retrying (" + attempt + " of " + of + ")\u2026");
    }

    /** The user gives up waiting for the loads under way (a server being retried, a slow one). */
    public void cancelLoading() {
        projects.cancel();
        workspace.cancelLoads();
        retrying.set("");
    }

    public ReadOnlyStringProperty retryingProperty() {
        return retrying.getReadOnlyProperty();
    }

    /** Offers a profile in Connections (replacing one of the same name) without connecting to it. */
    public void addProfile(ConnectionProfile profile) {
        int i = indexOf(profile.name());
        if (i >= 0) {
            profiles.set(i, profile);
        } else {
            profiles.add(profile);
        }
    }

    /** Switches to a profile: new client, fresh project list, clean notification. */
    public void connect(ConnectionProfile profile) {
        addProfile(profile);
        GatewayClient client = factory.create(profile);
        reconnectDeclined = false;
        credentialsWorked = false;
        workspace.connect(new Connection(profile, client));
        active.set(profile);
        clearNotification();
        status.set("Connected to " + profile.describe());
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
        clearNotification();
        reconnectDeclined = false;
        workspace.clearReadOnly();
        projects.load();
    }

    public void openConnections() {
        ConnectionsViewModel vm = new ConnectionsViewModel(profiles, active.get(), factory, executor, this::connect,
                secrets).withDialogs(dialogs, clock);
        dialogs.show(new ConnectionsDialog(vm));
    }

    // ------------------------------------------------------------------ what is kept between runs

    /** The OS keychain, once it has been probed (off the FX thread, at start-up). */
    public void setSecretStore(io.keyward.store.SecretStore store) {
        this.secrets = store;
    }

    public io.keyward.store.SecretStore secretStore() {
        return secrets;
    }

    /** Puts the saved profiles (without their secrets) into the list; says so when the file could not be read. */
    public void restoreProfiles(io.keyward.store.ProfileStore.Loaded loaded) {
        restoringProfiles = true;
        try {
            for (io.keyward.store.SavedProfile p : loaded.profiles()) {
                if (indexOf(p.name()) < 0) {
                    profiles.add(new ConnectionProfile(p.name(), p.backend(), p.url(), p.method(), p.username(), null,
                            false, p.options(), p.rememberSecret()));
                }
            }
        } finally {
            restoringProfiles = false;
        }
        if (loaded.notice() != null) {
            notice(loaded.notice());
        }
    }

    /**
     * Start-up: connects to the saved profile {@code name} when its secret is in the keychain; runs
     * {@code otherwise} (on the FX thread) when there is no such profile, no keychain or no secret.
     */
    public void reconnectRemembered(String name, Runnable connected, Runnable otherwise) {
        int i = name == null ? -1 : indexOf(name);
        io.keyward.store.SecretStore store = secrets;
        if (i < 0 || !profiles.get(i).rememberSecret() || store == null || store.unavailableReason() != null) {
            otherwise.run();
            return;
        }
        ConnectionProfile p = profiles.get(i);
        io.keyward.session.BackgroundTask.of(() -> store.get(p.name()))
                .onSuccess(secret -> {
                    if (secret.isPresent() && !secret.get().reveal().isEmpty()) {
                        connect(p.withSecret(secret.get()));
                        connected.run();
                    } else {
                        otherwise.run();
                    }
                })
                .onFailure(e -> {
                    notice("The secret of \u201C" + p.name() + "\u201D could not be read from the keychain ("
                            + e.getMessage() + ").");
                    otherwise.run();
                })
                .executeWith(executor);
    }

    /** Writes the non-built-in profiles (never their secrets) in the background. */
    private void saveProfiles() {
        if (profileStore == null) {
            return;
        }
        List<io.keyward.store.SavedProfile> saved = profiles.stream().filter(p -> !p.builtIn())
                .map(p -> new io.keyward.store.SavedProfile(p.name(), p.backend(), p.url(), p.method(), p.username(),
                        p.rememberSecret(), p.options())).toList();
        io.keyward.session.BackgroundTask.of(() -> {
                    profileStore.save(saved);
                    return null;
                })
                .onFailure(e -> notice("The saved connections could not be written (" + e.getMessage()
                        + "); they are kept for this session."))
                .executeWith(executor);
    }

    /** Reads the journal of earlier runs into the results panel and says how many changes were interrupted. */
    public void restoreHistory() {
        if (journal == null) {
            return;
        }
        io.keyward.session.BackgroundTask.of(journal::history)
                .onSuccess(history -> {
                    resultLog.restore(history);
                    // A bulk run's plan is no change of its own: its items are counted (and those never sent are not).
                    long interrupted = history.stream().filter(io.keyward.journal.ChangeHistory::interrupted)
                            .filter(h -> !io.keyward.session.BulkRunner.isPlan(h.intent())).count();
                    if (interrupted > 0) {
                        notice(interrupted + (interrupted == 1 ? " change was" : " changes were") + " interrupted: "
                                + "Keyward stopped after sending " + (interrupted == 1 ? "it" : "them") + " and before the "
                                + "answer came, so " + (interrupted == 1 ? "it" : "they") + " may have happened. They are marked "
                                + "\u201CUnknown \u2014 interrupted\u201D in the results; select one and press Check again "
                                + "while connected to its server.");
                    }
                })
                .onFailure(e -> notice("The journal could not be read (" + e.getMessage() + "); earlier changes are "
                        + "not listed. Run keyward --verify-journal to check it."))
                .executeWith(executor);
    }

    @Override
    public void failed(Throwable e, String source) {
        notification.set(ErrorText.sentence(e) + (e instanceof io.keyward.gateway.GatewayException g
                && g.failure() instanceof io.keyward.gateway.Failure.Forbidden && MutationRunner.CHANGE.equals(source)
                ? " This connection cannot make changes: they are disabled until you reconnect or refresh." : ""));
        notificationSource = source == null ? "" : source;
        if (ErrorText.isUnauthorized(e) && !offeringReconnect && !reconnectDeclined) {
            status.set("Session rejected by " + (active.get() == null ? "the server" : active.get().name()));
            offeringReconnect = true; // several calls failing together ask once
            try {
                String who = active.get() == null ? "the server" : "\u201C" + active.get().name() + "\u201D";
                String why = credentialsWorked
                        ? "The credentials for " + who + " worked before: they may have expired or been revoked."
                        : "The server did not accept the credentials for " + who + ": check that they are right.";
                boolean again = dialogs.show(new ReconnectDialog(new ReconnectDialog.Prompt(ErrorText.sentence(e)
                        + "\n\n" + why + " Reconnect?"))).orElse(false);
                if (again) {
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
    public void succeeded(String source) {
        if (Workspace.LOAD.equals(source) || ProjectListViewModel.LOAD.equals(source)) {
            credentialsWorked = true;
        }
        if (!notificationSource.isEmpty() && notificationSource.equals(source)) {
            clearNotification(); // the banner's failure is no longer true
        }
    }

    @Override
    public void notice(String sentence) {
        notification.set(sentence);
        notificationSource = "";
    }

    public void dismissNotification() {
        clearNotification();
    }

    private void clearNotification() {
        notification.set("");
        notificationSource = "";
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

    public MutationRunner mutations() {
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

    public JwtKeyListViewModel jwtKeys() {
        return jwtKeys;
    }

    public TaskExecutor executor() {
        return executor;
    }
}
