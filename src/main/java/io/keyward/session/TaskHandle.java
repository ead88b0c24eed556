package io.keyward.session;

/** A submitted task. Cancelling guarantees that neither its success nor its failure callback runs afterwards. */
public interface TaskHandle {

    void cancel();

    boolean isCancelled();

    /** True once the task's callbacks (or its cancellation) are through. */
    boolean isDone();

    TaskHandle NONE = new TaskHandle() {
        @Override
        public void cancel() {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return true;
        }
    };
}
