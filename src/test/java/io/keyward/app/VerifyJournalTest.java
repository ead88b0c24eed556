package io.keyward.app;

import io.keyward.journal.ChangeIntent;
import io.keyward.journal.Journal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --verify-journal}: the chain's verdict on stdout, and the exit status a script can test. */
class VerifyJournalTest {

    @TempDir
    Path data;

    String run(int expectedStatus) {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertEquals(expectedStatus, Launcher.verifyJournal(data));
        } finally {
            System.setOut(out);
        }
        return captured.toString(StandardCharsets.UTF_8).strip();
    }

    @Test
    void anIntactChainIsCountedAndATamperedOneNamed() throws Exception {
        Journal journal = new Journal(data.resolve("journal"), Clock.systemUTC());
        for (String target : List.of("payments / a", "payments / b", "payments / c")) {
            journal.append(new ChangeIntent(Journal.newChangeId(), Clock.systemUTC().instant(), "admin", "Lab",
                    "Apinizer", "https://lab.example", "personal_token", "payments", "Delete JWK", target, Map.of(),
                    List.of(), null));
        }
        assertEquals("journal: 3 entries, chain ok", run(0));
        Path file;
        try (var files = Files.list(data.resolve("journal"))) {
            file = files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).findFirst().orElseThrow();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, text.replace("payments / b", "payments / B"), StandardCharsets.UTF_8);
        String verdict = run(1);
        assertTrue(verdict.startsWith("journal: entry 2"), verdict);
    }

    @Test
    void anEmptyDataDirectoryHasAnEmptyIntactJournal() {
        assertEquals("journal: 0 entries, chain ok", run(0));
    }
}
