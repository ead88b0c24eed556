package io.keyward.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Several records to one flush: in the order submitted, one chain, and a refused record fails alone. */
class GroupCommitterTest {

    @TempDir
    Path dir;

    static ChangeOutcome outcome(String id, String message) {
        return new ChangeOutcome(id, null, "SUCCEEDED", message, List.of(), List.of(), null, 1);
    }

    @Test
    void manyRecordsAreWrittenInOrderAsOneUnbrokenChain() throws Exception {
        Journal journal = new Journal(dir, Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));
        GroupCommitter writer = new GroupCommitter(journal, "test-journal");
        List<CompletableFuture<Void>> written = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            written.add(writer.submit(outcome("c-" + i, "item " + i)));
        }
        for (CompletableFuture<Void> f : written) {
            f.get(10, TimeUnit.SECONDS);
        }
        List<JournalRecord> read = journal.read();
        assertEquals(300, read.size());
        for (int i = 0; i < 300; i++) {
            assertEquals("c-" + i, read.get(i).changeId());
        }
        VerifyReport report = journal.verify();
        assertTrue(report.ok(), report.summary());
        assertEquals(300, Files.readAllLines(dir.resolve("journal-2026-03.jsonl")).size());
    }

    @Test
    void aRecordTheJournalRefusesFailsAloneAndTheOthersAreWritten() throws Exception {
        Journal journal = new Journal(dir, Clock.systemUTC());
        journal.append(outcome("first", "before")); // the journal exists, so the batch below continues its chain
        GroupCommitter writer = new GroupCommitter(journal, "test-journal");
        List<CompletableFuture<Void>> written = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            written.add(writer.submit(i == 7
                    ? new ChangeIntent("secret", null, "u", "c", "b", "https://x", "a", "p", "Import", "k",
                    Map.of("pem", "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----"), List.of(), null)
                    : outcome("c-" + i, "item " + i)));
        }
        ExecutionException refused = assertThrows(ExecutionException.class, () -> written.get(7).get(10, TimeUnit.SECONDS));
        assertInstanceOf(IllegalArgumentException.class, refused.getCause());
        for (int i = 0; i < 20; i++) {
            if (i != 7) {
                written.get(i).get(10, TimeUnit.SECONDS);
            }
        }
        List<JournalRecord> read = journal.read();
        assertEquals(20, read.size(), "the first record and 19 of the 20");
        assertTrue(read.stream().noneMatch(r -> r.changeId().equals("secret")));
        assertTrue(journal.verify().ok(), journal.verify().summary());
    }
}
