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
}
