package io.keyward.session;

import io.keyward.gateway.Capability;
import io.keyward.gateway.Failure;
import io.keyward.gateway.GatewayException;
import io.keyward.model.MutationResult;
import io.keyward.model.Project;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs a mutating call in the background, records its outcome in the {@link ResultLog} (naming the
 * connection, server and user it went to) and refreshes the lists. The guards live here, where
 * changes run, not only in disabled buttons: one change at a time; none through a connection that is
 * no longer the current one (a confirmation opened before a reconnect); none through a connection the
 * server has refused a change with 403. A change whose answer was lost is recorded as unknown and
 * checked against the server at once. A change is never cancelled: its answer is always recorded.
 */
public final class MutationRunner {

    /** Where a change's failure is reported, so its banner clears when a later change succeeds. */
    public static final String CHANGE = "change";

    private final Workspace workspace;
    private final ResultLog results;
    private final FailureHandler failures;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);

    public MutationRunner(Workspace workspace, ResultLog results, FailureHandler failures) {
        this.workspace = workspace;
        this.results = results;
        this.failures = failures;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    /** Runs against what {@code snapshot} was loaded from; failures go to the main window. */
    public boolean run(Snapshot snapshot, String action, String target, Callable<MutationResult> call,
                       OutcomeCheck check) {
        return run(snapshot.connection(), snapshot.project(), action, target, call, check, r -> { },
                e -> failures.failed(e, CHANGE));
    }

    /**
     * @param check     finds out whether the change happened when its answer is lost
     * @param onFailure replaces the default failure display (the failure is recorded in the panel either way)
     * @return false when the change was not started (another is running, the connection changed or
     *         cannot make changes); the user has been told why
     */
    public boolean run(Connection connection, Project project, String action, String target,
                       Callable<MutationResult> call, OutcomeCheck check, Consumer<MutationResult> onSuccess,
                       Consumer<Throwable> onFailure) {
        if (running.get()) {
            failures.notice("\u201C" + action + "\u201D was not sent: another change is still running.");
            return false;
        }
        if (!workspace.isCurrent(connection)) {
            Connection now = workspace.connection();
            failures.notice("Nothing was sent: \u201C" + action + "\u201D was confirmed for " + connection.describe()
                    + ", but the console is now connected to " + (now == null ? "nothing" : now.describe())
                    + ". Open the confirmation again to act on the current connection.");
            return false;
        }
        if (workspace.isReadOnly()) {
            failures.notice("\u201C" + action + "\u201D was not sent: " + workspace.readOnlyProperty().get());
            return false;
        }
        ResultLog.Scope scope = new ResultLog.Scope(connection.describe(), user(connection.profile()), project.name(),
                connection.capabilities().contains(Capability.ENVIRONMENTS));
        running.set(true);
        BackgroundTask.of(call)
                .onSuccess(result -> {
                    results.record(scope, action, target, result);
                    failures.succeeded(CHANGE);
                    onSuccess.accept(result);
                    reloadIfShown(connection);
                })
                .onFailure(e -> {
                    boolean unknown = isOutcomeUnknown(e);
                    if (unknown) {
                        unknown(scope, action, target, e, check);
                    } else {
                        results.recordFailure(scope, action, target, e);
                        if (e instanceof GatewayException g && g.failure() instanceof Failure.Forbidden) {
                            workspace.markReadOnly("the server refused \u201C" + action + "\u201D (HTTP 403): this "
                                    + "connection cannot make changes. Reconnect with other credentials, or refresh "
                                    + "to try again.");
                        }
                    }
                    onFailure.accept(e);
                    if (unknown) {
                        // Said last, so it is what the banner shows: not a failure, a question being answered.
                        failures.notice("No answer came for \u201C" + action + "\u201D (" + target + "): it may have "
                                + "happened. Keyward is checking what the server now has; see the results panel.");
                    }
                    if (!ErrorText.isUnauthorized(e)) {
                        reloadIfShown(connection); // the call may have half-happened; show the server's state
                    }
                })
                .onFinished(() -> running.set(false))
                .executeWith(workspace.executor());
        return true;
    }

    static boolean isOutcomeUnknown(Throwable e) {
        return e instanceof GatewayException g && g.failure() instanceof Failure.OutcomeUnknown;
    }

    private void unknown(ResultLog.Scope scope, String action, String target, Throwable e, OutcomeCheck check) {
        long[] id = new long[1];
        Runnable runCheck = () -> BackgroundTask.of(check::check)
                .onSuccess(finding -> results.found(id[0], finding))
                .onFailure(why -> results.checkFailed(id[0], why))
                .executeWith(workspace.executor());
        id[0] = results.recordUnknown(scope, action, target, e, runCheck).id();
        runCheck.run();
    }

    /** Who the change was made as: the username, or how the connection signs in. */
    static String user(ConnectionProfile p) {
        return p.username() != null && !p.username().isBlank() ? p.username() : p.method().toString().toLowerCase(java.util.Locale.ROOT);
    }

    private void reloadIfShown(Connection connection) {
        if (workspace.isCurrent(connection)) {
            workspace.reload();
        }
    }
}
