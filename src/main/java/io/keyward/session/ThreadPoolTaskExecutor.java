package io.keyward.session;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Background threads for the work; callbacks on the executor given (the FX thread, through
 * {@code Platform::runLater}, in the app), so this class needs no toolkit and tests can run it.
 */
public final class ThreadPoolTaskExecutor implements TaskExecutor, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ThreadPoolTaskExecutor.class.getName());

    private final ExecutorService pool;
    private final Executor callbackThread;
    private final Consumer<Throwable> report;
    private final Consumer<Throwable> rawReport;

    /**
     * @param callbackThread where callbacks run, e.g. {@code Platform::runLater}
     * @param report         told about a throwable a callback let escape (on the callback thread)
     */
    public ThreadPoolTaskExecutor(int threads, Executor callbackThread, Consumer<Throwable> report) {
        this(threads, "keyward-io-", callbackThread, report);
    }

    private ThreadPoolTaskExecutor(int threads, String name, Executor callbackThread, Consumer<Throwable> report) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name + n.incrementAndGet());
            t.setDaemon(true); // never keeps the JVM alive after the window closes
            return t;
        });
        this.callbackThread = callbackThread;
        this.rawReport = report;
        this.report = t -> {
            // The class only: a message from deep inside may quote what it should not.
            LOG.log(System.Logger.Level.ERROR, () -> "a task callback failed: " + t.getClass().getName());
            report.accept(t);
        };
    }

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicBoolean done = new AtomicBoolean();
        Future<?> future;
        try {
            future = pool.submit(() -> {
                T value = null;
                Throwable failure = null;
                try {
                    value = task.work().call();
                } catch (Throwable t) { // an Error too: it must reach the UI, and busy state must clear
                    failure = t;
                    Throwable f = t;
                    LOG.log(System.Logger.Level.DEBUG, () -> "background task failed: " + f.getClass().getSimpleName());
                }
                T v = value;
                Throwable f = failure;
                callbackThread.execute(() -> {
                    if (done.compareAndSet(false, true)) {
                        task.deliver(cancelled.get(), v, f, report);
                    }
                });
            });
        } catch (RejectedExecutionException closing) {
            return closed();
        }
        return new TaskHandle() {
            @Override
            public void cancel() {
                cancelled.set(true);
                future.cancel(true);
                if (future.isCancelled()) {
                    // The work may never start, or may be stuck in I/O: finish now; whichever
                    // delivery reaches the callback thread first is the only one.
                    callbackThread.execute(() -> {
                        if (done.compareAndSet(false, true)) {
                            task.deliver(true, null, null, report);
                        }
                    });
                }
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }

            @Override
            public boolean isDone() {
                return done.get();
            }
        };
    }

    /** Threads of its own, callbacks on this executor's callback thread; close it when done. */
    @Override
    public TaskExecutor dedicated(int threads, String name) {
        return new ThreadPoolTaskExecutor(threads, "keyward-" + name + "-", callbackThread, rawReport);
    }

    /**
     * Work asked for after {@link #close()}: the window is closing (a start-up callback may still arrive then),
     * so it is not run, and nothing is delivered.
     */
    private static TaskHandle closed() {
        LOG.log(System.Logger.Level.DEBUG, "a task was asked for after close; not run");
        return new TaskHandle() {
            @Override
            public void cancel() {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }

            @Override
            public boolean isDone() {
                return true;
            }
        };
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
