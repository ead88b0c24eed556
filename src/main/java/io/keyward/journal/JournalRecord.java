package io.keyward.journal;

import java.time.Instant;

/** One line of the journal, parsed. */
public sealed interface JournalRecord permits ChangeIntent, ChangeOutcome, ChangeCheck {

    String changeId();

    Instant time();
}
