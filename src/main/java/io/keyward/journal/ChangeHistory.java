package io.keyward.journal;

import java.util.List;

/** A change as the history shows it: its intent, its outcome if any (none = interrupted), its checks in order. */
public record ChangeHistory(ChangeIntent intent, ChangeOutcome outcome, List<ChangeCheck> checks) {

    public ChangeHistory {
        checks = Copies.list(checks);
    }

    /** No outcome was written: Keyward stopped (or lost its answer) between the intent and the outcome. */
    public boolean interrupted() {
        return outcome == null;
    }
}
