package io.keyward.journal;

import java.time.Instant;
import java.util.List;

/**
 * How a change ended.
 *
 * @param outcome "SUCCEEDED", "COMPLETED_WITH_DEPLOYMENT_FAILURES", "FAILED" or "UNKNOWN"
 */
public record ChangeOutcome(String changeId, Instant time, String outcome, String message,
                            List<JournalEnvironment> environments, List<String> serverMessages, String requestId,
                            long durationMillis) implements JournalRecord {

    /** The lists are copied in their order; null becomes empty. */
    public ChangeOutcome {
        environments = Copies.list(environments);
        serverMessages = Copies.list(serverMessages);
    }
}
