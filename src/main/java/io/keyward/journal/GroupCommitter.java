package io.keyward.journal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Writes records to a {@link Journal} on one thread of its own, in the order they are submitted, and
 * forces several to disk at once when they queue up (a group commit): a bulk run's four calls in flight
 * each wait for an intent to be durable, and their outcomes follow, so one flush serving all of them
 * instead of one each keeps the journal from being what limits the run. A record's future completes only
 * once it is on disk; a record the journal refuses (secret material) fails alone.
 */
public final class GroupCommitter {

    /** The most records one write takes: enough for any burst, small enough to keep each write short. */
    private static final int MAX_BATCH = 256;

    private record Pending(JournalRecord record, CompletableFuture<Void> written) { }

    private final Journal journal;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();

    public GroupCommitter(Journal journal, String threadName) {
        this.journal = journal;
        Thread writer = new Thread(this::run, threadName);
        writer.setDaemon(true); // what is queued when the window closes is lost like any unwritten answer
        writer.start();
    }

    /** Queues the record; the future completes once it is on disk, or fails with why it is not. */
    public CompletableFuture<Void> submit(JournalRecord record) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        queue.add(new Pending(record, written));
        return written;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            write(batch);
            batch.clear();
        }
    }

    private void write(List<Pending> batch) {
        try {
            journal.appendAll(batch.stream().map(Pending::record).toList());
            batch.forEach(p -> p.written().complete(null));
        } catch (IllegalArgumentException refused) {
            // One record the journal will not take must not take the others with it: one at a time.
            for (Pending p : batch) {
                try {
                    journal.append(p.record());
                    p.written().complete(null);
                } catch (IOException | RuntimeException e) {
                    p.written().completeExceptionally(e);
                }
            }
        } catch (IOException | RuntimeException e) {
            batch.forEach(p -> p.written().completeExceptionally(e));
        }
    }
}
