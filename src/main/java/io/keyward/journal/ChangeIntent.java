package io.keyward.journal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What Keyward is about to do, written and forced to disk BEFORE the call is sent.
 * {@code parameters} keeps its order (null becomes empty), as does {@code impact}; {@code check} may be null.
 */
public record ChangeIntent(String changeId, Instant time, String osUser, String connection, String backend,
                           String managerUrl, String apiUser, String project, String action, String target,
                           Map<String, String> parameters, List<String> impact, CheckTarget check)
        implements JournalRecord {

    public ChangeIntent {
        parameters = Copies.map(parameters);
        impact = Copies.list(impact);
    }
}
