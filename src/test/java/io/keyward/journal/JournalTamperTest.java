package io.keyward.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import static io.keyward.journal.JournalFixtures.JUNE;
import static io.keyward.journal.JournalFixtures.JUNE_FILE;
import static io.keyward.journal.JournalFixtures.MAY;
import static io.keyward.journal.JournalFixtures.MAY_FILE;
import static io.keyward.journal.JournalFixtures.MutableClock;
import static io.keyward.journal.JournalFixtures.appendIntents;
import static io.keyward.journal.JournalFixtures.intent;
import static io.keyward.journal.JournalFixtures.lines;
import static io.keyward.journal.JournalFixtures.writeLines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each test changes the files behind the journal's back the way an editor, a bad copy or a person hiding a
 * change would, and checks verify() says not ok and names the first broken entry. The files are checked by a
 * fresh Journal (as after a restart), so only what is on disk counts.
 */
class JournalTamperTest {

    @TempDir
    Path data;

    private final MutableClock clock = new MutableClock(MAY);

    private Path dir() {
        return data.resolve("journal");
    }

    private Path may() {
        return dir().resolve(MAY_FILE);
    }

    /** Five May entries, written, checked intact, then left to the test. */
    private List<String> fiveEntries() throws Exception {
        Journal journal = new Journal(dir(), clock);
        appendIntents(journal, clock, 5);
        assertEquals("journal: 5 entries, chain ok", journal.verify().summary());
        return new ArrayList<>(lines(may()));
    }

    private VerifyReport verifyAfterRestart() throws Exception {
        VerifyReport report = new Journal(dir(), clock).verify();
        assertFalse(report.ok(), report.summary());
        return report;
    }

    @Test
    void oneCharacterEditedInAMiddleLineNamesThatLine() throws Exception {
        List<String> lines = fiveEntries();
        String original = lines.get(2);
        String edited = original.replace("description 2", "description 9");
        assertNotEquals(original, edited);
        assertEquals(original.length(), edited.length(), "one character");
        lines.set(2, edited);
        writeLines(may(), lines);

        VerifyReport report = verifyAfterRestart();

        assertEquals(MAY_FILE, report.file());
        assertEquals(3, report.line());
        assertEquals(2, report.entries());
        assertEquals("journal: entry 3 in journal-2024-05.jsonl line 3: changed after it was written: its SHA-256 "
                + "is not the prev that entry 4 (journal-2024-05.jsonl line 4) recorded for it (2 entries read)",
                report.summary());
    }

    @Test
    void anEditedMiddleLineOfThreeIsNamedThoughNoLineFollowsToConfirmIt() throws Exception {
        Journal journal = new Journal(dir(), clock);
        appendIntents(journal, clock, 3);
        List<String> lines = new ArrayList<>(lines(may()));
        lines.set(1, lines.get(1).replace("\"alice\"", "\"mallo\""));
        writeLines(may(), lines);

        VerifyReport report = verifyAfterRestart();

        assertEquals(2, report.line());
        assertEquals(1, report.entries());
        assertTrue(report.summary().startsWith("journal: entry 2 in journal-2024-05.jsonl line 2: changed after "
                + "it was written, or the prev of entry 3 (journal-2024-05.jsonl line 3) was"), report.summary());
    }

    @Test
    void anEditedPrevIsNamedAtItsOwnLine() throws Exception {
        List<String> lines = fiveEntries();
        String line = lines.get(2);
        int at = line.indexOf("\"prev\":\"") + 8;
        char c = line.charAt(at);
        lines.set(2, line.substring(0, at) + (c == 'a' ? 'b' : 'a') + line.substring(at + 1));
        writeLines(may(), lines);

        VerifyReport report = verifyAfterRestart();

        assertEquals(3, report.line());
        assertEquals(2, report.entries());
        assertTrue(report.problem().startsWith("changed after it was written: its prev is not the previous entry's"),
                report.problem());
    }

    @Test
    void aDeletedMiddleLineIsFound() throws Exception {
        List<String> lines = fiveEntries();
        lines.remove(2);
        writeLines(may(), lines);

        VerifyReport report = verifyAfterRestart();

        assertEquals("journal: entry 3 in journal-2024-05.jsonl line 3: seq 4 where 3 was expected: an entry is "
                + "missing, repeated or out of order (2 entries read)", report.summary());
    }

    @Test
    void aDeletedFirstLineIsFound() throws Exception {
        List<String> lines = fiveEntries();
        lines.remove(0);
        writeLines(may(), lines);

        VerifyReport report = verifyAfterRestart();

        assertEquals(1, report.line());
        assertEquals(0, report.entries());
        assertTrue(report.problem().startsWith("seq 2 where 1 was expected"), report.problem());
    }

    @Test
    void swappedLinesAreFound() throws Exception {
        List<String> lines = fiveEntries();
        String second = lines.get(1);
        lines.set(1, lines.get(2));
        lines.set(2, second);
        writeLines(may(), lines);

        VerifyReport report = verifyAfterRestart();

        assertEquals(MAY_FILE, report.file());
        assertEquals(2, report.line());
        assertEquals(1, report.entries());
        assertTrue(report.problem().startsWith("seq 3 where 2 was expected"), report.problem());
    }

    @Test
    void theLastLineOfAnEarlierMonthDeletedIsFoundInTheNextMonth() throws Exception {
        Journal journal = new Journal(dir(), clock);
        appendIntents(journal, clock, 3);
        clock.set(JUNE);
        appendIntents(journal, clock, 2);
        assertEquals("journal: 5 entries, chain ok", journal.verify().summary());
        List<String> may = new ArrayList<>(lines(may()));
        may.remove(2);
        writeLines(may(), may);

        VerifyReport report = verifyAfterRestart();

        assertEquals("journal: entry 3 in journal-2024-06.jsonl line 1: seq 4 where 3 was expected: an entry is "
                + "missing, repeated or out of order (2 entries read)", report.summary());
        assertEquals(JUNE_FILE, report.file());
    }

    @Test
    void aWholeEarlierMonthRemovedIsFound() throws Exception {
        Journal journal = new Journal(dir(), clock);
        appendIntents(journal, clock, 2);
        clock.set(JUNE);
        appendIntents(journal, clock, 2);
        Files.delete(may());

        VerifyReport report = verifyAfterRestart();

        assertEquals(JUNE_FILE, report.file());
        assertEquals(1, report.line());
        assertTrue(report.problem().startsWith("seq 3 where 1 was expected"), report.problem());
    }

    @Test
    void aGarbageLineIsFoundAndSkippedByRead() throws Exception {
        List<String> lines = fiveEntries();
        lines.add(2, "this is not a journal entry");
        writeLines(may(), lines);

        VerifyReport report = verifyAfterRestart();

        assertEquals("journal: entry 3 in journal-2024-05.jsonl line 3: not a journal entry (not JSON) "
                + "(2 entries read)", report.summary());
        assertEquals(5, new Journal(dir(), clock).read().size(), "read() skips it");
    }

    @Test
    void jsonThatIsNoEntryIsFound() throws Exception {
        List<String> lines = fiveEntries();
        lines.set(3, "{\"type\":\"intent\",\"seq\":4}");
        writeLines(may(), lines);

        VerifyReport report = verifyAfterRestart();

        assertEquals(4, report.line());
        assertEquals("not a journal entry (no prev hash)", report.problem());
    }

    @Test
    void anEmptyLineIsFound() throws Exception {
        List<String> lines = fiveEntries();
        lines.add(5, "");
        writeLines(may(), lines);

        VerifyReport report = verifyAfterRestart();

        assertEquals(6, report.line());
        assertEquals(5, report.entries());
    }

    @Test
    void aCutShortLastLineIsFoundAndStopsTheChain() throws Exception {
        fiveEntries();
        Files.writeString(may(), "{\"type\":\"intent\",\"seq\":6,\"pr", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        VerifyReport report = verifyAfterRestart();
        assertEquals(6, report.line());
        assertTrue(report.problem().startsWith("not terminated"), report.problem());

        Journal restarted = new Journal(dir(), clock);
        java.io.IOException refused = assertThrows(java.io.IOException.class,
                () -> restarted.append(intent("x", clock.instant(), "y")));
        assertTrue(refused.getMessage().contains("cut short"), refused.getMessage());
    }

    @Test
    void linesCutFromTheEndAreFoundByTheJournalThatWroteThem() throws Exception {
        Journal journal = new Journal(dir(), clock);
        appendIntents(journal, clock, 5);
        List<String> lines = new ArrayList<>(lines(may()));
        writeLines(may(), lines.subList(0, 3));

        VerifyReport report = journal.verify();

        assertFalse(report.ok());
        assertEquals(3, report.entries());
        assertEquals(4, report.line());
        assertTrue(report.problem().contains("wrote up to entry 5"), report.problem());

        // Its next entry follows what it wrote, so the cut stays visible to every later reader.
        journal.append(intent("next", clock.instant(), "z"));
        VerifyReport later = new Journal(dir(), clock).verify();
        assertFalse(later.ok());
        assertTrue(later.problem().startsWith("seq 6 where 4 was expected"), later.problem());
    }

    @Test
    void aReplacedLastLineIsFoundByTheJournalThatWroteIt() throws Exception {
        Journal journal = new Journal(dir(), clock);
        appendIntents(journal, clock, 3);
        List<String> lines = new ArrayList<>(lines(may()));
        lines.set(2, lines.get(2).replace("description 2", "description X"));
        writeLines(may(), lines);

        VerifyReport report = journal.verify();

        assertFalse(report.ok());
        assertEquals(3, report.line());
        assertEquals(2, report.entries());
        assertEquals("changed after it was written: not the line this journal wrote as entry 3", report.problem());
    }
}
