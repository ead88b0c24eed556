package io.keyward.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs blocking work (network calls) off the FX thread and hands the outcome back on it.
 * ViewModels depend on this interface only, so tests can run everything on the calling thread.
 */
public interface TaskRunner {

    /**
     * @param work      runs on a background thread
     * @param onSuccess runs on the FX thread with the result, unless the task was cancelled
     * @param onFailure runs on the FX thread with the exception, unless the task was cancelled
     */
    <T> Handle run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure);

    /** A submitted task. Cancelling guarantees neither callback runs afterwards. */
    interface Handle {
        void cancel();

        boolean isCancelled();

        Handle NONE = new Handle() {
            @Override
            public void cancel() {
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }
}
