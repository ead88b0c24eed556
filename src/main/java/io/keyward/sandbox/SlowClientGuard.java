package io.keyward.sandbox;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Gives each request a limited time to arrive, so that clients sending their request slowly (or half
 * of it, then nothing) cannot hold every worker thread and shut everyone else out.
 *
 * <p>The JDK server hands a connection to a worker as soon as its first bytes arrive, and the worker
 * then reads the request line and headers with blocking reads that never time out; the handler reads
 * the body the same way. The JDK's own limit ({@code sun.net.httpserver.maxReqTime}) is read once per
 * JVM, in whole seconds, and also runs while a handler has not yet read the body, so it would cut off
 * the sandbox's own injected latency. This guard is per server instead: every exchange runs under a
 * stopwatch that runs only while the worker waits for the client (request line and headers until
 * {@link RootHandler} is entered, then {@link HttpIo#readBody}, {@link HttpIo#drop} and the exchange's
 * final close, which reads what is left of the body). When the time spent waiting adds up to more than
 * the limit, the worker is interrupted; a thread blocked reading a socket channel closes that channel
 * when interrupted, so the client's connection is closed and the worker is free for the next request.
 * Time spent on the server's own work (latency faults, key generation, writing the answer) never
 * counts. A connection with no request in progress (new and silent, or kept alive between requests)
 * holds no worker: the JDK's dispatcher watches it, and closes it after its idle interval.
 */
final class SlowClientGuard implements AutoCloseable {
    /** The watch of the exchange the current worker thread is serving; none outside an exchange. */
    private static final ThreadLocal<Stopwatch> CURRENT = new ThreadLocal<>();

    private final long limitNanos;
    private final ScheduledThreadPoolExecutor alarms;

    SlowClientGuard(Duration limit) {
        this.limitNanos = limit.toNanos();
        this.alarms = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "keyward-sandbox-read-limit");
            thread.setDaemon(true);
            return thread;
        });
        alarms.setRemoveOnCancelPolicy(true);
    }

    /** The executor to give the JDK server: each task it runs (one exchange) starts with its watch running. */
    Executor guard(Executor workers) {
        return task -> workers.execute(() -> runTimed(task));
    }

    private void runTimed(Runnable exchange) {
        Stopwatch watch = new Stopwatch(Thread.currentThread());
        CURRENT.set(watch);
        try {
            watch.start();
            exchange.run();
        } finally {
            watch.finish();
            CURRENT.remove();
            // An alarm can no longer fire once finished; clear one that fired late so the next task starts clean.
            Thread.interrupted();
        }
    }

    /**
     * Stops the watch: the server works now, the client waits.
     *
     * @return false if the limit has already passed, so the connection is being (or has been) closed
     */
    static boolean pause() {
        Stopwatch watch = CURRENT.get();
        return watch == null || watch.pause();
    }

    /** Runs the watch again: the worker is about to wait for the client. */
    static void resume() {
        Stopwatch watch = CURRENT.get();
        if (watch != null) {
            watch.start();
        }
    }

    @Override
    public void close() {
        alarms.shutdownNow();
    }

    /** The client took longer than the limit; its connection is closed, nobody is left to answer. */
    static final class TooSlow extends IOException {
        private static final long serialVersionUID = 1L;

        TooSlow() {
            super("The request took longer than the sandbox's read limit to arrive");
        }
    }

    /** The time one exchange has spent waiting for its client; all state is guarded by this. */
    private final class Stopwatch {
        private final Thread worker;
        private long usedNanos;
        /** When the watch last started running, or -1 while it is stopped. */
        private long runningSince = -1;
        /** Tells an alarm set for an earlier running period that it is out of date. */
        private long period;
        private ScheduledFuture<?> alarm;
        private boolean expired;
        private boolean finished;

        Stopwatch(Thread worker) {
            this.worker = worker;
        }

        synchronized void start() {
            if (finished || expired || runningSince >= 0) {
                return;
            }
            runningSince = System.nanoTime();
            long left = limitNanos - usedNanos;
            if (left <= 0) {
                expire();
                return;
            }
            long thisPeriod = ++period;
            try {
                alarm = alarms.schedule(() -> ring(thisPeriod), left, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                // The server is closing; it closes every connection itself.
            }
        }

        synchronized boolean pause() {
            if (runningSince >= 0) {
                usedNanos += System.nanoTime() - runningSince;
                runningSince = -1;
            }
            if (alarm != null) {
                alarm.cancel(false);
                alarm = null;
            }
            return !expired;
        }

        synchronized void finish() {
            pause();
            finished = true;
        }

        private synchronized void ring(long ofPeriod) {
            if (!finished && !expired && runningSince >= 0 && ofPeriod == period) {
                expire();
            }
        }

        private void expire() {
            expired = true;
            // Closes the socket channel the worker is blocked reading (or the next one it touches).
            worker.interrupt();
        }
    }
}
