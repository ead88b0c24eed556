package io.keyward.session;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real executor's contract, with a single thread standing in for the FX thread: exactly one
 * outcome callback (none after a cancel), Errors delivered too, the finished callback always, and a
 * throwing callback reported instead of lost.
 */
class TaskExecutorTest {

    ExecutorService ui;
    Thread uiThread;
    ThreadPoolTaskExecutor executor;
    final List<Throwable> reported = new CopyOnWriteArrayList<>();
    final List<String> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));
        uiThread = ui.submit(Thread::currentThread).get();
        executor = new ThreadPoolTaskExecutor(1, ui, reported::add);
    }

    @AfterEach
    void stop() {
        executor.close();
        ui.shutdownNow();
    }

    /** Waits until the UI thread has run everything posted so far, twice (a delivery may post again). */
    void drainUi() throws Exception {
        for (int i = 0; i < 50 && !idle(); i++) {
            Thread.sleep(20);
        }
        ui.submit(() -> { }).get(5, TimeUnit.SECONDS);
    }

    boolean idle() throws Exception {
        return events.contains("finished");
    }

    <T> BackgroundTask<T> logged(BackgroundTask<T> task) {
        return task.onSuccess(v -> events.add("success:" + v + onUi()))
                .onFailure(e -> events.add("failure:" + e.getClass().getSimpleName() + onUi()))
                .onFinished(() -> events.add("finished"));
    }

    String onUi() {
        return Thread.currentThread() == uiThread ? "" : " (NOT ON THE UI THREAD)";
    }

    @Test
    void successRunsItsCallbackThenFinishedOnTheUiThread() throws Exception {
        TaskHandle h = logged(BackgroundTask.of(() -> 42)).executeWith(executor);
        drainUi();
        assertEquals(List.of("success:42", "finished"), events);
        assertTrue(h.isDone());
        assertTrue(reported.isEmpty());
    }

    @Test
    void anExceptionReachesTheFailureCallback() throws Exception {
        logged(BackgroundTask.of(() -> {
            throw new IllegalStateException("boom");
        })).executeWith(executor);
        drainUi();
        assertEquals(List.of("failure:IllegalStateException", "finished"), events);
    }

    @Test
    void anErrorIsDeliveredToo() throws Exception {
        logged(BackgroundTask.of(() -> {
            throw new StackOverflowError();
        })).executeWith(executor);
        drainUi();
        assertEquals(List.of("failure:StackOverflowError", "finished"), events, "an Error must not vanish");
    }

    @Test
    void aCallbackThatThrowsIsReportedAndFinishedStillRuns() throws Exception {
        BackgroundTask.of(() -> 1)
                .onSuccess(v -> {
                    throw new IllegalArgumentException("bug in a callback");
                })
                .onFinished(() -> events.add("finished"))
                .executeWith(executor);
        drainUi();
        assertEquals(List.of("finished"), events);
        assertEquals(1, reported.size());
        assertInstanceOf(IllegalArgumentException.class, reported.get(0));
    }

    @Test
    void cancellingARunningTaskSuppressesItsOutcomeButFinishesOnce() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TaskHandle h = logged(BackgroundTask.of(() -> {
            running.countDown();
            release.await(); // interrupted by the cancel
            return "late";
        })).executeWith(executor);
        assertTrue(running.await(5, TimeUnit.SECONDS));
        h.cancel();
        release.countDown();
        drainUi();
        Thread.sleep(100);
        ui.submit(() -> { }).get();
        assertEquals(List.of("finished"), events);
        assertTrue(h.isCancelled());
    }

    @Test
    void cancellingAQueuedTaskFinishesItWithoutRunningIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        BackgroundTask.of(() -> {
            release.await(); // occupies the only worker
            return 0;
        }).executeWith(executor);
        List<String> ran = new CopyOnWriteArrayList<>();
        TaskHandle queued = logged(BackgroundTask.of(() -> {
            ran.add("ran");
            return 1;
        })).executeWith(executor);
        queued.cancel();
        release.countDown();
        drainUi();
        assertEquals(List.of("finished"), events);
        Thread.sleep(100);
        assertTrue(ran.isEmpty(), "a task cancelled before it started never runs");
    }

    @Test
    void theDirectExecutorKeepsTheSameContract() {
        List<String> log = new CopyOnWriteArrayList<>();
        List<Throwable> reports = new CopyOnWriteArrayList<>();
        DirectTaskExecutor direct = new DirectTaskExecutor(reports::add);
        BackgroundTask.of(() -> {
            throw new OutOfMemoryError("simulated");
        }).onFailure(e -> log.add("failure:" + e.getClass().getSimpleName())).onFinished(() -> log.add("finished"))
                .executeWith(direct);
        BackgroundTask.of(() -> 1).onSuccess(v -> {
            throw new IllegalStateException("callback bug");
        }).onFinished(() -> log.add("finished again")).executeWith(direct);
        assertEquals(List.of("failure:OutOfMemoryError", "finished", "finished again"), log);
        assertEquals(1, reports.size());
    }

    @Test
    void aDirectExecutorWithoutReportFailsTheTestOnACallbackBug() {
        DirectTaskExecutor direct = new DirectTaskExecutor();
        IllegalStateException bug = new IllegalStateException("callback bug");
        AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () ->
                BackgroundTask.of(() -> 1).onSuccess(v -> {
                    throw bug;
                }).executeWith(direct));
        assertSame(bug, e.getCause());
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void workAskedForAfterCloseIsNotRunAndThrowsNothing() throws Exception {
        // A start-up callback may ask for more work after the window closed (and closed the executor).
        executor.close();
        List<String> ran = new CopyOnWriteArrayList<>();
        TaskHandle h = logged(BackgroundTask.of(() -> ran.add("work"))).executeWith(executor);
        ui.submit(() -> { }).get(5, TimeUnit.SECONDS);
        Thread.sleep(100);
        ui.submit(() -> { }).get(5, TimeUnit.SECONDS);
        assertTrue(ran.isEmpty());
        assertTrue(events.isEmpty(), events.toString());
        assertTrue(h.isDone());
        assertTrue(h.isCancelled());
        assertTrue(reported.isEmpty());
    }
}
