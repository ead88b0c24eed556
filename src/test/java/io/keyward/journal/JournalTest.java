package io.keyward.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.keyward.journal.JournalFixtures.JUNE;
import static io.keyward.journal.JournalFixtures.JUNE_FILE;
import static io.keyward.journal.JournalFixtures.MAY;
import static io.keyward.journal.JournalFixtures.MAY_FILE;
import static io.keyward.journal.JournalFixtures.MutableClock;
import static io.keyward.journal.JournalFixtures.appendIntents;
import static io.keyward.journal.JournalFixtures.check;
import static io.keyward.journal.JournalFixtures.intent;
import static io.keyward.journal.JournalFixtures.lines;
import static io.keyward.journal.JournalFixtures.outcome;
import static io.keyward.journal.JournalFixtures.sha256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class JournalTest {

    @TempDir
    Path data;

    private final MutableClock clock = new MutableClock(MAY);

    private Journal journal() {
        return new Journal(data.resolve("journal"), clock);
    }

    @Test
    void recordsReadBackEqualAndHistoryFoldsThem() throws Exception {
        Journal journal = journal();
        ChangeIntent first = intent("c-1", MAY, "new");
        ChangeOutcome firstOutcome = outcome("c-1", MAY.plusSeconds(2));
        ChangeIntent second = intent("c-2", MAY.plusSeconds(10), "newer");
        ChangeCheck firstCheck = check("c-1", MAY.plusSeconds(60));
        ChangeCheck secondCheck = new ChangeCheck("c-1", MAY.plusSeconds(120), "it did not happen", null);
        for (JournalRecord r : List.of(first, firstOutcome, second, firstCheck, secondCheck)) {
            journal.append(r);
        }

        assertEquals(List.of(first, firstOutcome, second, firstCheck, secondCheck), journal.read());

        List<ChangeHistory> history = journal.history();
        assertEquals(2, history.size());
        assertEquals(second, history.get(0).intent(), "newest intent first");
        assertNull(history.get(0).outcome());
        assertTrue(history.get(0).interrupted());
        assertEquals(List.of(), history.get(0).checks());
        assertEquals(new ChangeHistory(first, firstOutcome, List.of(firstCheck, secondCheck)), history.get(1));
        assertFalse(history.get(1).interrupted());
    }

    @Test
    void linesCarryTypeSeqAndPrevChainedOverTheExactBytes() throws Exception {
        Journal journal = journal();
        journal.append(intent("c-1", MAY, "new"));
        journal.append(outcome("c-1", MAY.plusSeconds(1)));
        journal.append(check("c-1", MAY.plusSeconds(2)));

        List<String> lines = lines(data.resolve("journal").resolve(MAY_FILE));
        assertEquals(3, lines.size());
        ObjectMapper json = new ObjectMapper();
        JsonNode[] nodes = new JsonNode[3];
        for (int i = 0; i < 3; i++) {
            nodes[i] = json.readTree(lines.get(i));
            assertEquals(i + 1, nodes[i].get("seq").asInt());
        }
        assertEquals(List.of("intent", "outcome", "check"),
                List.of(nodes[0].get("type").asText(), nodes[1].get("type").asText(), nodes[2].get("type").asText()));
        assertEquals("0".repeat(64), nodes[0].get("prev").asText());
        assertEquals(sha256(lines.get(0)), nodes[1].get("prev").asText());
        assertEquals(sha256(lines.get(1)), nodes[2].get("prev").asText());
        assertTrue(lines.get(0).startsWith("{\"type\":\"intent\",\"seq\":1,\"prev\":\"" + "0".repeat(64)
                + "\",\"changeId\":\"c-1\",\"time\":\"2024-05-14T09:30:00Z\","), lines.get(0));
        assertEquals("new", nodes[0].get("check").get("after").get("description").asText());
    }

    @Test
    void threeEntriesVerifyExactly() throws Exception {
        Journal journal = journal();
        appendIntents(journal, clock, 3);

        VerifyReport report = journal.verify();

        assertEquals("journal: 3 entries, chain ok", report.summary());
        assertTrue(report.ok());
        assertEquals(3, report.entries());
    }

    @Test
    void anEmptyOrMissingJournalVerifies() throws Exception {
        assertEquals("journal: 0 entries, chain ok", journal().verify().summary());
        assertEquals(List.of(), journal().read());
        assertEquals(List.of(), journal().history());
    }

    @Test
    void theChainContinuesAfterARestart() throws Exception {
        appendIntents(journal(), clock, 2);

        Journal restarted = journal();
        restarted.append(intent("after-restart", clock.instant(), "x"));

        List<String> lines = lines(data.resolve("journal").resolve(MAY_FILE));
        assertEquals(3, lines.size());
        JsonNode third = new ObjectMapper().readTree(lines.get(2));
        assertEquals(3, third.get("seq").asInt());
        assertEquals(sha256(lines.get(1)), third.get("prev").asText());
        assertEquals("journal: 3 entries, chain ok", new Journal(data.resolve("journal"), clock).verify().summary());
    }

    @Test
    void theChainContinuesIntoTheNextMonthsFile() throws Exception {
        Journal journal = journal();
        appendIntents(journal, clock, 2);
        clock.set(JUNE);
        appendIntents(journal, clock, 1);
        appendIntents(journal(), clock, 1); // and after a restart in June

        Path dir = data.resolve("journal");
        assertEquals(2, lines(dir.resolve(MAY_FILE)).size());
        List<String> june = lines(dir.resolve(JUNE_FILE));
        assertEquals(2, june.size());
        JsonNode firstOfJune = new ObjectMapper().readTree(june.get(0));
        assertEquals(3, firstOfJune.get("seq").asInt());
        assertEquals(sha256(lines(dir.resolve(MAY_FILE)).get(1)), firstOfJune.get("prev").asText());

        assertEquals("journal: 4 entries, chain ok", journal.verify().summary());
        assertEquals(4, journal.read().size());
        assertEquals(MAY, journal.read().get(0).time());
        assertEquals(JUNE, journal.read().get(2).time());
    }

    @Test
    void aClockSetBackNeverWritesIntoAnOlderFile() throws Exception {
        Journal journal = journal();
        clock.set(JUNE);
        appendIntents(journal, clock, 1);
        journal.append(intent("late", MAY, "x"));

        Path dir = data.resolve("journal");
        assertFalse(Files.exists(dir.resolve(MAY_FILE)));
        assertEquals(2, lines(dir.resolve(JUNE_FILE)).size());
        assertEquals(MAY, journal.read().get(1).time(), "the record keeps its time");
        assertTrue(journal.verify().ok());
    }

    @Test
    void aRecordWithoutTimeIsStampedWithTheClock() throws Exception {
        Journal journal = journal();
        journal.append(new ChangeCheck("c-1", null, "it happened", "found"));

        assertEquals(List.of(new ChangeCheck("c-1", MAY, "it happened", "found")), journal.read());
    }

    @Test
    void aRecordWithoutChangeIdIsRefused() {
        Journal journal = journal();
        assertThrows(IllegalArgumentException.class, () -> journal.append(new ChangeCheck(null, MAY, "v", "f")));
        assertFalse(Files.exists(data.resolve("journal")));
    }

    @Test
    void filesAreOwnerOnly() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Journal journal = journal();
        appendIntents(journal, clock, 1);
        clock.set(JUNE);
        appendIntents(journal, clock, 1);

        Path dir = data.resolve("journal");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(MAY_FILE))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(JUNE_FILE))));
    }

    @Test
    void theLineIsOnDiskWhenAppendReturns() throws Exception {
        Journal journal = journal();
        Path file = data.resolve("journal").resolve(MAY_FILE);
        for (int i = 1; i <= 3; i++) {
            String id = "on-disk-" + i;
            journal.append(intent(id, clock.instant(), "d"));

            // Read by another reader, not through the journal.
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            assertEquals(i, lines.size());
            assertTrue(lines.get(i - 1).contains("\"changeId\":\"" + id + "\""), lines.get(i - 1));
            byte[] bytes = Files.readAllBytes(file);
            assertEquals('\n', bytes[bytes.length - 1], "each line is terminated");
        }
    }

    @Test
    void oddTextRoundTripsAndStaysOneLinePerRecord() throws Exception {
        String odd = "name with spaces / slashes \\ back\\slash \"quotes\" 'single' ümlaut 日本語 🔑 "
                + "new\nline carriage\rreturn tab\t nul\u0000 sep\u2028arator {\"json\":1}";
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("z last-but-first", odd);
        parameters.put("a/b \"key\"\n", null);
        parameters.put("ümlaut", "");
        Map<String, String> before = new LinkedHashMap<>();
        before.put("description", odd);
        ChangeIntent intent = new ChangeIntent(UUID.randomUUID().toString(), MAY, "dom\\user", odd, "ampersand",
                "https://m.example.com/a b?c=\"d\"", odd, "Prøject / \"one\"", "delete jwk", odd, parameters,
                java.util.Arrays.asList(odd, null, ""),
                new CheckTarget("jwk", odd, null, odd, "id/with/slashes", true, false, before, Map.of()));
        ChangeOutcome outcome = new ChangeOutcome(intent.changeId(), MAY.plusMillis(1), "FAILED",
                "the server said:\n  line two\n\tline three",
                List.of(new JournalEnvironment(odd, false, odd)), List.of(odd, "plain"), null, -1);
        Journal journal = journal();
        journal.append(intent);
        journal.append(outcome);

        assertEquals(List.of(intent, outcome), journal.read());
        Path file = data.resolve("journal").resolve(MAY_FILE);
        assertEquals(2, Files.readAllLines(file, StandardCharsets.UTF_8).size());
        byte[] bytes = Files.readAllBytes(file);
        int newlines = 0;
        for (byte b : bytes) {
            newlines += b == '\n' ? 1 : 0;
            assertFalse(b == '\r', "no raw carriage return");
        }
        assertEquals(2, newlines);
        // Raw UTF-8 (Jackson 2.17 does escape characters beyond the BMP, such as the key emoji, as surrogate pairs).
        assertTrue(new String(bytes, StandardCharsets.UTF_8).contains("ümlaut 日本語"), "UTF-8, not escaped");
        assertTrue(journal.verify().ok());
        assertEquals(List.of("z last-but-first", "a/b \"key\"\n", "ümlaut"),
                List.copyOf(((ChangeIntent) journal.read().get(0)).parameters().keySet()), "order kept");
    }

    @Test
    void aPemPrivateKeyIsRefusedAndNothingIsWritten() throws Exception {
        Journal journal = journal();
        journal.append(intent("before", MAY, "fine"));
        Path file = data.resolve("journal").resolve(MAY_FILE);
        byte[] before = Files.readAllBytes(file);

        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("privateKey", "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n"
                + "-----END PRIVATE KEY-----\n");
        ChangeIntent leaking = new ChangeIntent("leak", MAY, "alice", "c", "apinizer", "u", "admin", "P",
                "create key", "k", parameters, List.of(), null);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> journal.append(leaking));
        assertFalse(refused.getMessage().contains("MIIEvQ"), "the refusal does not repeat the key");
        ChangeCheck rsaInFinding = new ChangeCheck("leak", MAY, "v",
                "found -----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----");
        assertThrows(IllegalArgumentException.class, () -> journal.append(rsaInFinding));

        assertArrayEquals(before, Files.readAllBytes(file), "nothing was written");
        assertEquals(1, Files.list(data.resolve("journal")).count());

        // A public key is no secret, and the chain goes on after a refusal.
        journal.append(new ChangeCheck("after", MAY, "v", "-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----"));
        assertEquals("journal: 2 entries, chain ok", journal.verify().summary());
        assertEquals(List.of("before", "after"), journal.read().stream().map(JournalRecord::changeId).toList());
    }

    @Test
    void aPemPrivateKeyInTheFirstRecordCreatesNoFile() {
        Journal journal = journal();
        ChangeOutcome leaking = new ChangeOutcome("x", MAY, "FAILED", "-----BEGIN EC PRIVATE KEY----- abc",
                List.of(), List.of(), null, 0);
        assertThrows(IllegalArgumentException.class, () -> journal.append(leaking));
        assertFalse(Files.exists(data.resolve("journal")));
    }

    @Test
    void appendsFromManyThreadsKeepOneChain() throws Exception {
        Journal journal = journal();
        List<Thread> threads = new java.util.ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        for (int t = 0; t < 4; t++) {
            int n = t;
            threads.add(new Thread(() -> {
                for (int i = 0; i < 10; i++) {
                    try {
                        journal.append(new ChangeCheck("t" + n + "-" + i, MAY, "v", "f"));
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join(Duration.ofSeconds(30).toMillis());
        }
        assertEquals(List.of(), failures);
        assertEquals("journal: 40 entries, chain ok", journal.verify().summary());
    }

    @Test
    void newChangeIdIsAUuid() {
        String id = Journal.newChangeId();
        assertEquals(id, UUID.fromString(id).toString());
        assertFalse(id.equals(Journal.newChangeId()));
    }

    @Test
    void otherFilesInTheDirectoryAreNotTheJournals() throws Exception {
        Journal journal = journal();
        appendIntents(journal, clock, 2);
        Files.writeString(data.resolve("journal").resolve("notes.txt"), "not json\n");
        Files.writeString(data.resolve("journal").resolve("journal-2024-13.jsonl"), "not json\n");

        assertEquals("journal: 2 entries, chain ok", journal.verify().summary());
        assertEquals(2, journal.read().size());
        assertEquals(Instant.parse("2024-05-14T09:30:01Z"), journal.read().get(1).time());
    }
}
