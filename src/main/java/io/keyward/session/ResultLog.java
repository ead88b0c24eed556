package io.keyward.session;

import io.keyward.journal.ChangeCheck;
import io.keyward.journal.ChangeHistory;
import io.keyward.journal.ChangeIntent;
import io.keyward.journal.ChangeOutcome;
import io.keyward.journal.CheckTarget;
import io.keyward.model.DeploymentResult;
import io.keyward.model.MutationResult;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Every change made in this session, newest first, as the results panel shows it. FX thread only. */
public final class ResultLog {

    /**
     * Where a change went: the connection (name and server address), who was signed in, the project,
     * and whether the backend deploys to environments.
     */
    public record Scope(String connection, String user, String project, boolean hasEnvironments) { }

    private static final DateTimeFormatter CHECK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    /** How each line a check of an unknown outcome adds begins ("Checked at 12:00:03: …"). */
    public static final String CHECKED = "Checked at ";

    private final ObservableList<ResultEntry> entries = FXCollections.observableArrayList();
    private final Map<Long, Runnable> checks = new HashMap<>();
    /** Changes from earlier runs whose outcome nobody knows, and how their target can be re-read. */
    private final Map<Long, CheckTarget> restoredTargets = new HashMap<>();
    private java.util.function.BiConsumer<ResultEntry, CheckTarget> restoredChecker = (e, t) -> { };
    private final Clock clock;
    private long nextId = 1;

    public ResultLog(Clock clock) {
        this.clock = clock;
    }

    public ObservableList<ResultEntry> entries() {
        return entries;
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    public ResultEntry record(Scope scope, String action, String target, MutationResult result) {
        return record(scope, action, target, result, null);
    }

    public ResultEntry record(Scope scope, String action, String target, MutationResult result, String changeId) {
        DeploymentResult d = result.deployment();
        ResultEntry.Outcome outcome = switch (result.outcome()) {
            case SUCCEEDED -> ResultEntry.Outcome.SUCCEEDED;
            case COMPLETED_WITH_DEPLOYMENT_FAILURES -> ResultEntry.Outcome.COMPLETED_WITH_DEPLOYMENT_FAILURES;
            case FAILED -> ResultEntry.Outcome.FAILED;
        };
        List<ResultEntry.EnvironmentRow> rows;
        String message;
        if (!scope.hasEnvironments()) {
            // Nothing is deployed anywhere: the change took effect in the project itself.
            rows = List.of(new ResultEntry.EnvironmentRow(projectRow(scope), result.success(),
                    result.note().isBlank() ? "Applied" : result.note()));
            message = result.note();
        } else if (d == null) {
            rows = List.of();
            message = "The server reported no per-environment deployment result.";
        } else {
            rows = d.environmentResults().stream()
                    .map(r -> new ResultEntry.EnvironmentRow(r.environmentName(), r.success(), r.message())).toList();
            if (outcome == ResultEntry.Outcome.COMPLETED_WITH_DEPLOYMENT_FAILURES) {
                String failed = d.failures().stream().map(f -> f.environmentName()).collect(Collectors.joining(", "));
                message = (d.message().isBlank() ? "Deployment failed" : d.message())
                        + (failed.isEmpty() ? "" : " (failed: " + failed + ")");
            } else {
                message = d.message();
            }
        }
        return add(entry(scope, action, target, outcome, message, rows, List.of(), null, changeId));
    }

    public ResultEntry recordFailure(Scope scope, String action, String target, Throwable failure) {
        return recordFailure(scope, action, target, failure, null);
    }

    public ResultEntry recordFailure(Scope scope, String action, String target, Throwable failure, String changeId) {
        String sentence = ErrorText.sentence(failure);
        List<ResultEntry.EnvironmentRow> rows = scope.hasEnvironments() ? List.of()
                : List.of(new ResultEntry.EnvironmentRow(projectRow(scope), false, sentence));
        return add(entry(scope, action, target, ResultEntry.Outcome.FAILED, sentence, rows, ErrorText.details(failure),
                ErrorText.requestId(failure), changeId));
    }

    /**
     * A change whose answer was lost: recorded as "Unknown — check", never "failed". {@code check}
     * finds out what the server now has; it runs at once and again whenever the user asks.
     */
    public ResultEntry recordUnknown(Scope scope, String action, String target, Throwable failure, Runnable check) {
        return recordUnknown(scope, action, target, failure, check, null);
    }

    public ResultEntry recordUnknown(Scope scope, String action, String target, Throwable failure, Runnable check,
                                     String changeId) {
        ResultEntry e = add(entry(scope, action, target, ResultEntry.Outcome.UNKNOWN, ErrorText.sentence(failure),
                List.of(), List.of(), null, changeId));
        checks.put(e.id(), check);
        return e;
    }

    /** Adds what a check of an unknown outcome found to its entry. */
    public void found(long id, OutcomeCheck.Finding finding) {
        update(id, e -> e.withCheck(checkLine(clock.instant(), finding.sentence(), finding.verdict().words()),
                finding.verdict().words()));
    }

    /** "Checked at 12:00:03: Key “k” is gone. So it happened." */
    String checkLine(java.time.Instant when, String finding, String verdict) {
        return CHECKED + CHECK_TIME.format(when.atZone(clock.getZone())) + ": " + finding + " So " + verdict + ".";
    }

    /**
     * Adds the changes of earlier runs, as the journal kept them, below this run's (newest first). A
     * change with no outcome was interrupted: Keyward stopped before its answer came.
     */
    public void restore(List<ChangeHistory> history) {
        List<ResultEntry> older = new java.util.ArrayList<>();
        for (ChangeHistory h : history) {
            ChangeIntent i = h.intent();
            ChangeOutcome o = h.outcome();
            ResultEntry.Outcome outcome = o == null ? ResultEntry.Outcome.INTERRUPTED : outcomeOf(o.outcome());
            String message = o == null ? "Keyward stopped before the server's answer came: the change may have happened."
                    : o.message();
            List<ResultEntry.EnvironmentRow> rows = o == null ? List.of() : o.environments().stream()
                    .map(r -> new ResultEntry.EnvironmentRow(r.environment(), r.success(), r.message())).toList();
            List<String> details = new java.util.ArrayList<>(o == null ? List.of() : o.serverMessages());
            String checked = "";
            for (ChangeCheck c : h.checks()) {
                details.add(checkLine(c.time(), c.finding(), c.verdict()));
                checked = c.verdict();
            }
            ResultEntry e = new ResultEntry(nextId++, i.time(), ConnectionProfile.describe(i.connection(), i.backend(),
                    i.managerUrl()), i.apiUser(), i.action(), i.target(), outcome, message, rows, details,
                    o == null ? null : o.requestId(), checked, i.changeId(), i.project());
            if (e.isUnknown() && i.check() != null) {
                restoredTargets.put(e.id(), i.check());
            }
            older.add(e);
        }
        older.sort(java.util.Comparator.comparing(ResultEntry::time).reversed());
        entries.addAll(older);
    }

    private static ResultEntry.Outcome outcomeOf(String name) {
        try {
            return ResultEntry.Outcome.valueOf(name);
        } catch (RuntimeException e) {
            return ResultEntry.Outcome.UNKNOWN; // an outcome this version does not know: never shown as a fact
        }
    }

    /** How a restored change is checked: by whoever knows the current connection (the change runner). */
    public void setRestoredChecker(java.util.function.BiConsumer<ResultEntry, CheckTarget> checker) {
        this.restoredChecker = checker;
    }

    /** A check that could not be made (the server did not answer it either). */
    public void checkFailed(long id, Throwable why) {
        update(id, e -> e.withCheck(CHECKED + CHECK_TIME.format(clock.instant().atZone(clock.getZone()))
                + ": could not find out (" + ErrorText.sentence(why) + ") Check again later.", null));
    }

    /** The entry with this id, if it is still listed. */
    public java.util.Optional<ResultEntry> find(long id) {
        return entries.stream().filter(e -> e.id() == id).findFirst();
    }

    private void update(long id, java.util.function.UnaryOperator<ResultEntry> change) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).id() == id) {
                entries.set(i, change.apply(entries.get(i)));
                return;
            }
        }
    }

    /** Whether the entry's outcome can be checked against the server (again). */
    public boolean canCheck(ResultEntry entry) {
        return entry != null && (checks.containsKey(entry.id()) || restoredTargets.containsKey(entry.id()));
    }

    /** Checks the entry's outcome against the server again; its finding is added to the entry. */
    public void check(ResultEntry entry) {
        Runnable c = entry == null ? null : checks.get(entry.id());
        if (c != null) {
            c.run();
        } else if (entry != null && restoredTargets.containsKey(entry.id())) {
            restoredChecker.accept(entry, restoredTargets.get(entry.id()));
        }
    }

    private ResultEntry entry(Scope scope, String action, String target, ResultEntry.Outcome outcome, String message,
                              List<ResultEntry.EnvironmentRow> rows, List<String> details, String requestId,
                              String changeId) {
        return new ResultEntry(nextId++, clock.instant(), scope.connection(), scope.user(), action, target, outcome,
                message, rows, details, requestId, "", changeId, scope.project());
    }

    private static String projectRow(Scope scope) {
        return "Project " + (scope.project() == null ? "(none)" : scope.project());
    }

    private ResultEntry add(ResultEntry entry) {
        entries.add(0, entry);
        return entry;
    }

    public String asText(List<ResultEntry> selection) {
        return selection.stream().map(e -> e.asText(zone())).collect(Collectors.joining("\n\n"));
    }
}
