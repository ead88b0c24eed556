package io.keyward.ui.common;

import javafx.application.Platform;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Background threads for the work, {@link Platform#runLater} for the callbacks. */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(FxTaskRunner.class.getName());

    private final ExecutorService executor;

    public FxTaskRunner(int threads) {
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "keyward-io-" + n.incrementAndGet());
            t.setDaemon(true); // never keeps the JVM alive after the window closes
            return t;
        });
    }

    @Override
    public <T> Handle run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        AtomicBoolean cancelled = new AtomicBoolean();
        Future<?> future = executor.submit(() -> {
            try {
                T value = work.call();
                Platform.runLater(() -> {
                    if (!cancelled.get()) {
                        onSuccess.accept(value);
                    }
                });
            } catch (Exception e) {
                if (!cancelled.get()) {
                    LOG.log(System.Logger.Level.DEBUG, () -> "background task failed: " + e.getClass().getSimpleName());
                }
                Platform.runLater(() -> {
                    if (!cancelled.get()) {
                        onFailure.accept(e);
                    }
                });
            }
        });
        return new Handle() {
            @Override
            public void cancel() {
                cancelled.set(true);
                future.cancel(true);
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
