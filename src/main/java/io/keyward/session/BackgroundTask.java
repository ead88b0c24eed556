package io.keyward.session;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * One piece of blocking work (usually a network call) and what to do with its outcome on the UI
 * thread. Built fluently and handed to a {@link TaskExecutor}, as in JabRef's BackgroundTask:
 * <pre>{@code BackgroundTask.of(client::listProjects).onSuccess(this::show).onFailure(failures::failed).executeWith(executor)}</pre>
 */
public final class BackgroundTask<T> {

    private final Callable<T> work;
    private Consumer<? super T> onSuccess = value -> { };
    private Consumer<? super Throwable> onFailure = failure -> { };
    private Runnable onFinished = () -> { };

    private BackgroundTask(Callable<T> work) {
        this.work = Objects.requireNonNull(work, "work");
    }

    public static <T> BackgroundTask<T> of(Callable<T> work) {
        return new BackgroundTask<>(work);
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> callback) {
        this.onSuccess = Objects.requireNonNull(callback);
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<? super Throwable> callback) {
        this.onFailure = Objects.requireNonNull(callback);
        return this;
    }

    /** Runs after the outcome's callback, or after a cancellation: the place to clear busy state. */
    public BackgroundTask<T> onFinished(Runnable callback) {
        this.onFinished = Objects.requireNonNull(callback);
        return this;
    }

    public TaskHandle executeWith(TaskExecutor executor) {
        return executor.execute(this);
    }

    /** The blocking work; for {@link TaskExecutor} implementations. */
    public Callable<T> work() {
        return work;
    }

    /**
     * For {@link TaskExecutor} implementations, on the UI thread: delivers an outcome as the executor
     * contract says: the outcome's callback only when not cancelled, the finished callback always,
     * and a throwing callback handed to {@code report} instead of escaping.
     */
    public void deliver(boolean cancelled, T value, Throwable failure, Consumer<Throwable> report) {
        try {
            if (!cancelled) {
                if (failure != null) {
                    onFailure.accept(failure);
                } else {
                    onSuccess.accept(value);
                }
            }
        } catch (Throwable t) {
            report.accept(t);
        } finally {
            try {
                onFinished.run();
            } catch (Throwable t) {
                report.accept(t);
            }
        }
    }
}
