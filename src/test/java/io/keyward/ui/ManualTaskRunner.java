package io.keyward.ui;

import io.keyward.ui.common.TaskRunner;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A task runner the test drives by hand: tasks queue up and run only when told, and the answer can
 * be fetched and delivered separately to model a slow response that arrives late. A cancelled
 * task's callbacks never fire, as the {@link TaskRunner} contract promises.
 */
public final class ManualTaskRunner implements TaskRunner {

    public final class Task<T> implements Handle {
        private final Callable<T> work;
        private final Consumer<? super T> onSuccess;
        private final Consumer<? super Exception> onFailure;
        private boolean cancelled;
        private boolean fetched;
        private boolean delivered;
        private T value;
        private Exception failure;
        private int callbacks;

        Task(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
            this.work = work;
            this.onSuccess = onSuccess;
            this.onFailure = onFailure;
        }

        /** Does the work (the network call) now; the answer is held until {@link #deliver()}. */
        public Task<T> fetch() {
            if (fetched) {
                throw new IllegalStateException("already fetched");
            }
            fetched = true;
            try {
                value = work.call();
            } catch (Exception e) {
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
            if (cancelled) {
                return;
            }
            callbacks++;
            if (failure != null) {
                onFailure.accept(failure);
            } else {
                onSuccess.accept(value);
            }
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

        /** How many callbacks this task fired (0 or 1). */
        public int callbacksFired() {
            return callbacks;
        }
    }

    private final List<Task<?>> queue = new ArrayList<>();

    @Override
    public <T> Handle run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        Task<T> task = new Task<>(work, onSuccess, onFailure);
        queue.add(task);
        return task;
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
