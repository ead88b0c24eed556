package io.keyward.session;

/**
 * Runs {@link BackgroundTask}s: the work off the UI thread, the callbacks on it. ViewModels and
 * session services depend on this interface only, so tests can run everything on the calling
 * thread ({@link DirectTaskExecutor}) or step through it by hand.
 *
 * <p>Contract, for every implementation: exactly one of the task's success or failure callbacks
 * runs, unless the task was cancelled first; a {@link Throwable} of any kind from the work (an
 * {@link Error} too) reaches the failure callback; the finished callback always runs last, even
 * after a cancellation or a callback that threw; a callback that throws is reported, never lost.
 */
public interface TaskExecutor {

    <T> TaskHandle execute(BackgroundTask<T> task);

    /**
     * An executor with {@code threads} threads of its own whose callbacks run where this one's do: for work
     * that must have its threads to itself (a bulk run's calls, which would otherwise queue behind, or hold
     * up, every load and check). Close it when done if it is {@link AutoCloseable}. This default, for
     * executors that run everything on the calling thread (tests), is the executor itself.
     */
    default TaskExecutor dedicated(int threads, String name) {
        return this;
    }
}
