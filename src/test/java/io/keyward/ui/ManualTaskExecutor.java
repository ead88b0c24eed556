package io.keyward.ui;

import io.keyward.session.BackgroundTask;
import io.keyward.session.TaskExecutor;
import io.keyward.session.TaskHandle;

import java.util.ArrayList;
import java.util.List;

/**
 * A task executor the test drives by hand: tasks queue up and run only when told, and the answer can
 * be fetched and delivered separately to model a slow response that arrives late. A cancelled
 * task's outcome callbacks never fire, as the {@link TaskExecutor} contract promises.
 */
public final class ManualTaskExecutor implements TaskExecutor {

    public final class Task<T> implements TaskHandle {
        private final BackgroundTask<T> task;
        private boolean cancelled;
        private boolean fetched;
        private boolean delivered;
        private T value;
        private Throwable failure;
        private int callbacks;

        Task(BackgroundTask<T> task) {
            this.task = task;
        }

        /** Does the work (the network call) now; the answer is held until {@link #deliver()}. */
        public Task<T> fetch() {
            if (fetched) {
                throw new IllegalStateException("already fetched");
            }
            fetched = true;
            try {
                value = task.work().call();
            } catch (Throwable e) {
                failure = e;
            }
            return this;
        }

        /** Hands the answer to the ViewModel, unless the task was cancelled meanwhile. */
        public void deliver() {
            if (!fetched) {
                throw new IllegalStateException("fetch first");
            }
            if (delivered) {
                throw new IllegalStateException("already delivered");
            }
            delivered = true;
            queue.remove(this);
            if (!cancelled) {
                callbacks++;
            }
            task.deliver(cancelled, value, failure, t -> {
                throw new AssertionError("a task callback threw", t);
            });
        }

        public void complete() {
            if (!fetched) {
                fetch();
            }
            deliver();
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return delivered;
        }

        /** How many outcome callbacks this task fired (0 or 1). */
        public int callbacksFired() {
            return callbacks;
        }
    }

    private final List<Task<?>> queue = new ArrayList<>();

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        Task<T> t = new Task<>(task);
        queue.add(t);
        return t;
    }

    /** Tasks submitted and not yet delivered, oldest first. */
    public List<Task<?>> pending() {
        return List.copyOf(queue);
    }

    public Task<?> oldest() {
        if (queue.isEmpty()) {
            throw new AssertionError("no task is waiting");
        }
        return queue.get(0);
    }

    public Task<?> newest() {
        if (queue.isEmpty()) {
            throw new AssertionError("no task is waiting");
        }
        return queue.get(queue.size() - 1);
    }

    /** Completes waiting tasks, including those they submit, until none is left. */
    public void runAll() {
        int guard = 0;
        while (!queue.isEmpty()) {
            if (++guard > 1_000) {
                throw new AssertionError("tasks keep submitting tasks");
            }
            queue.get(0).complete();
        }
    }
}
