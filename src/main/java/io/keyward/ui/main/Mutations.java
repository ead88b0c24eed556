package io.keyward.ui.main;

import io.keyward.model.MutationResult;
import io.keyward.ui.common.BusyCounter;
import io.keyward.ui.common.ErrorText;
import io.keyward.ui.results.ResultsViewModel;
import javafx.beans.property.ReadOnlyBooleanProperty;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs a mutating call in the background, records its outcome in the results panel and refreshes
 * the lists. While one runs, every mutating action is disabled: destructive calls never overlap.
 */
public final class Mutations {

    private final Workspace workspace;
    private final ResultsViewModel results;
    private final FailureHandler failures;
    private final BusyCounter running = new BusyCounter();

    public Mutations(Workspace workspace, ResultsViewModel results, FailureHandler failures) {
        this.workspace = workspace;
        this.results = results;
        this.failures = failures;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.busyProperty();
    }

    public boolean isRunning() {
        return running.isBusy();
    }

    public void run(String action, String target, Callable<MutationResult> call) {
        run(action, target, call, r -> { }, e -> failures.failed(e));
    }

    /**
     * @param onFailure replaces the default failure display (the failure is recorded in the panel either way)
     */
    public void run(String action, String target, Callable<MutationResult> call,
                    Consumer<MutationResult> onSuccess, Consumer<Exception> onFailure) {
        running.begin();
        workspace.runner().run(call, result -> {
            running.end();
            results.record(action, target, result);
            onSuccess.accept(result);
            workspace.reload();
        }, e -> {
            running.end();
            results.recordFailure(action, target, ErrorText.sentence(e));
            onFailure.accept(e);
            if (!ErrorText.isUnauthorized(e)) {
                workspace.reload(); // the call may have half-happened; show the server's state
            }
        });
    }
}
