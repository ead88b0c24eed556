package io.keyward.session;

import io.keyward.ui.ManualTaskExecutor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One task at a time per purpose: the newest wins, busy never sticks. */
class TaskSlotTest {

    final ManualTaskExecutor executor = new ManualTaskExecutor();
    final TaskSlot slot = new TaskSlot(executor);
    final List<String> log = new ArrayList<>();

    void start(String name) {
        slot.run(() -> name, v -> log.add("got " + v), e -> log.add("failed " + e.getClass().getSimpleName()));
    }

    @Test
    void busyWhileTheTaskRunsAndNotAfter() {
        start("a");
        assertTrue(slot.isBusy());
        executor.runAll();
        assertFalse(slot.isBusy());
        assertEquals(List.of("got a"), log);
    }

    @Test
    void aNewerTaskCancelsTheOlderAndItsLateAnswerNeverLands() {
        start("a");
        ManualTaskExecutor.Task<?> a = executor.newest();
        start("b");
        ManualTaskExecutor.Task<?> b = executor.newest();
        assertTrue(a.isCancelled());

        b.complete();
        assertFalse(slot.isBusy());
        a.complete(); // arrives late
        assertEquals(List.of("got b"), log);
        assertFalse(slot.isBusy(), "the overtaken task's end does not touch the slot");
    }

    @Test
    void theOlderTaskEndingFirstDoesNotClearTheNewerOnesBusyState() {
        start("a");
        ManualTaskExecutor.Task<?> a = executor.newest();
        start("b");
        a.complete();
        assertTrue(slot.isBusy(), "b still runs");
        executor.runAll();
        assertFalse(slot.isBusy());
    }

    @Test
    void anErrorClearsBusyAndIsReported() {
        slot.run(() -> {
            throw new StackOverflowError();
        }, v -> log.add("got"), e -> log.add("failed " + e.getClass().getSimpleName()));
        executor.runAll();
        assertFalse(slot.isBusy());
        assertEquals(List.of("failed StackOverflowError"), log);
    }

    @Test
    void aThrowingCallbackStillClearsBusy() {
        List<Throwable> reported = new ArrayList<>();
        TaskSlot direct = new TaskSlot(new DirectTaskExecutor(reported::add));
        direct.run(() -> 1, v -> {
            throw new IllegalStateException("bug");
        }, e -> { });
        assertFalse(direct.isBusy());
        assertEquals(1, reported.size());
    }

    @Test
    void theSlotIsIdleWhileItsOutcomeIsHandledSoADialogOpenedThenDoesNotShowLoading() {
        List<Boolean> busyInCallback = new ArrayList<>();
        slot.run(() -> "fresh", v -> busyInCallback.add(slot.isBusy()), e -> busyInCallback.add(slot.isBusy()));
        executor.runAll();
        slot.run(() -> {
            throw new IllegalStateException("x");
        }, v -> busyInCallback.add(slot.isBusy()), e -> busyInCallback.add(slot.isBusy()));
        executor.runAll();
        assertEquals(List.of(false, false), busyInCallback);
    }

    @Test
    void cancelMakesTheSlotIdleAtOnce() {
        start("a");
        ManualTaskExecutor.Task<?> a = executor.newest();
        slot.cancel();
        assertFalse(slot.isBusy());
        a.complete();
        assertTrue(log.isEmpty());
    }

    @Test
    void runIfIdleIgnoresASecondRequestWhileOneRuns() {
        assertTrue(slot.runIfIdle(() -> "first", v -> log.add(v), e -> { }));
        assertFalse(slot.runIfIdle(() -> "second", v -> log.add(v), e -> { }));
        executor.runAll();
        assertEquals(List.of("first"), log);
        assertTrue(slot.runIfIdle(() -> "third", v -> log.add(v), e -> { }));
        executor.runAll();
        assertEquals(List.of("first", "third"), log);
    }

    @Test
    void aSynchronousExecutorWorksWithoutExtraBookkeeping() {
        TaskSlot direct = new TaskSlot(new DirectTaskExecutor());
        direct.run(() -> "now", log::add, e -> { });
        assertFalse(direct.isBusy());
        direct.run(() -> "again", log::add, e -> { });
        assertEquals(List.of("now", "again"), log);
    }
}
