package io.keyward.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Records, a clock the tests move, and raw file access for the journal tests. */
final class JournalFixtures {

    private JournalFixtures() {
    }

    static final Instant MAY = Instant.parse("2024-05-14T09:30:00Z");
    static final Instant JUNE = Instant.parse("2024-06-02T08:00:00Z");
    static final String MAY_FILE = "journal-2024-05.jsonl";
    static final String JUNE_FILE = "journal-2024-06.jsonl";

    /** A clock the test sets and moves. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static ChangeIntent intent(String changeId, Instant time, String description) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("description", description);
        parameters.put("keyName", "billing-signer");
        Map<String, String> before = new LinkedHashMap<>();
        before.put("description", "old");
        Map<String, String> after = new LinkedHashMap<>();
        after.put("description", description);
        return new ChangeIntent(changeId, time, "alice", "prod manager", "apinizer",
                "https://manager.example.com", "admin", "Billing", "update key", "billing-signer",
                parameters, List.of("2 credentials use this key"),
                new CheckTarget("key", "Billing", "p-42", "billing-signer", "k-7", false, false, before, after));
    }

    static ChangeOutcome outcome(String changeId, Instant time) {
        return new ChangeOutcome(changeId, time, "COMPLETED_WITH_DEPLOYMENT_FAILURES", "deployed to 1 of 2",
                List.of(new JournalEnvironment("test", true, "ok"), new JournalEnvironment("prod", false, "timeout")),
                List.of("Gateway prod did not answer"), "req-123", 842);
    }

    static ChangeCheck check(String changeId, Instant time) {
        return new ChangeCheck(changeId, time, "it happened", "description is now \"new\"");
    }

    /** Appends n intents, each a second after the previous, starting at the clock's time. */
    static List<ChangeIntent> appendIntents(Journal journal, MutableClock clock, int n) throws IOException {
        List<ChangeIntent> written = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ChangeIntent intent = intent("change-" + clock.instant().getEpochSecond() + "-" + i, clock.instant(),
                    "description " + i);
            journal.append(intent);
            written.add(intent);
            clock.advance(Duration.ofSeconds(1));
        }
        return written;
    }

    static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    /** Rewrites a file from lines, each '\n'-terminated. */
    static void writeLines(Path file, List<String> lines) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append('\n');
        }
        Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
    }

    static String sha256(String line) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(line.getBytes(StandardCharsets.UTF_8)));
    }
}
