package io.keyward.session;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * One task at a time for one purpose (loading the project list, loading a project, a confirmation's
 * fresh read). Starting a task cancels the one before it, so a slow answer that was overtaken never
 * lands; busy is true exactly while the slot's current task runs, and is cleared however that task
 * ends (success, failure, an Error, a callback that threw, or cancellation).
 *
 * <p>Used on the UI thread only.
 */
public final class TaskSlot {

    private final TaskExecutor executor;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private TaskHandle current = TaskHandle.NONE;
    private Object currentToken;

    public TaskSlot(TaskExecutor executor) {
        this.executor = executor;
    }

    /** Cancels the task under way, if any, and starts this one. */
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        cancel();
        Object token = new Object();
        currentToken = token;
        busy.set(true);
        // The slot is idle before the outcome is handed on: a callback may open a modal dialog (a
        // confirmation built from a fresh load), and the window must not say "Loading" meanwhile.
        TaskHandle handle = BackgroundTask.of(work)
                .onSuccess(value -> {
                    if (finish(token)) {
                        onSuccess.accept(value);
                    }
                })
                .onFailure(failure -> {
                    if (finish(token)) {
                        onFailure.accept(failure);
                    }
                })
                .onFinished(() -> finish(token))
                .executeWith(executor);
        if (currentToken == token) { // a synchronous executor has finished already
            current = handle;
        }
    }

    /** Makes the slot idle if {@code token} is still its task. @return whether it was */
    private boolean finish(Object token) {
        if (currentToken != token) {
            return false;
        }
        currentToken = null;
        current = TaskHandle.NONE;
        busy.set(false);
        return true;
    }

    /** Starts the task only when none is under way: a double click opens one dialog. @return whether it started */
    public <T> boolean runIfIdle(Callable<T> work, Consumer<? super T> onSuccess,
                                 Consumer<? super Throwable> onFailure) {
        if (isBusy()) {
            return false;
        }
        run(work, onSuccess, onFailure);
        return true;
    }

    /** Drops the task under way: none of its callbacks runs, and the slot is idle at once. */
    public void cancel() {
        TaskHandle h = current;
        currentToken = null;
        current = TaskHandle.NONE;
        busy.set(false);
        h.cancel();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public boolean isBusy() {
        return busy.get();
    }
}
