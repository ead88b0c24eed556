package io.keyward.session;

import java.util.function.Consumer;

/** Runs work and callbacks at once on the calling thread: deterministic ViewModel tests. */
public final class DirectTaskExecutor implements TaskExecutor {

    private final Consumer<Throwable> report;

    public DirectTaskExecutor() {
        this(t -> {
            throw new AssertionError("a task callback threw", t);
        });
    }

    public DirectTaskExecutor(Consumer<Throwable> report) {
        this.report = report;
    }

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        T value = null;
        Throwable failure = null;
        try {
            value = task.work().call();
        } catch (Throwable t) {
            failure = t;
        }
        task.deliver(false, value, failure, report);
        return TaskHandle.NONE;
    }
}
