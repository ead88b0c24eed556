package io.keyward.journal;

import java.time.Instant;

/** What a later check of an unknown or interrupted change found. verdict: e.g. "it happened". */
public record ChangeCheck(String changeId, Instant time, String verdict, String finding) implements JournalRecord {
}
