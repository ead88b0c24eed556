package io.keyward.session;

import io.keyward.gateway.Capability;
import io.keyward.model.MutationResult;
import io.keyward.model.Project;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs a mutating call in the background, records its outcome in the {@link ResultLog} (naming the
 * connection it went to) and refreshes the lists. One at a time: while one runs, every mutating
 * action is disabled and another request is refused, so destructive calls never overlap. A
 * mutation is never cancelled: its answer is always recorded.
 */
public final class MutationRunner {

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
    public boolean run(Snapshot snapshot, String action, String target, Callable<MutationResult> call) {
        return run(snapshot.connection(), snapshot.project(), action, target, call, r -> { }, failures::failed);
    }

    /**
     * @param onFailure replaces the default failure display (the failure is recorded in the panel either way)
     * @return false when another change is still running and this one was not started
     */
    public boolean run(Connection connection, Project project, String action, String target,
                       Callable<MutationResult> call, Consumer<MutationResult> onSuccess,
                       Consumer<Throwable> onFailure) {
        if (running.get()) {
            return false;
        }
        ResultLog.Scope scope = new ResultLog.Scope(connection.describe(), project.name(),
                connection.capabilities().contains(Capability.ENVIRONMENTS));
        running.set(true);
        BackgroundTask.of(call)
                .onSuccess(result -> {
                    results.record(scope, action, target, result);
                    onSuccess.accept(result);
                    reloadIfShown(connection);
                })
                .onFailure(e -> {
                    results.recordFailure(scope, action, target, e);
                    onFailure.accept(e);
                    if (!ErrorText.isUnauthorized(e)) {
                        reloadIfShown(connection); // the call may have half-happened; show the server's state
                    }
                })
                .onFinished(() -> running.set(false))
                .executeWith(workspace.executor());
        return true;
    }

    private void reloadIfShown(Connection connection) {
        if (workspace.connection() == connection) {
            workspace.reload();
        }
    }
}
