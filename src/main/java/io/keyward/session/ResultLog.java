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
     * whether the backend deploys to environments, and the bulk run it is an item of (null: none).
     */
    public record Scope(String connection, String user, String project, boolean hasEnvironments, String bulkId) {
        public Scope(String connection, String user, String project, boolean hasEnvironments) {
            this(connection, user, project, hasEnvironments, null);
        }

        /** The same place, for the items of a bulk run. */
        public Scope inBulk(String id) {
            return new Scope(connection, user, project, hasEnvironments, id);
        }
    }

    private static final DateTimeFormatter CHECK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    /** How each line a check of an unknown outcome adds begins ("Checked at 12:00:03: …"). */
    public static final String CHECKED = "Checked at ";

    private final ObservableList<ResultEntry> entries = FXCollections.observableArrayList();
    /** The bulk runs the entries' bulk ids name, this run's and earlier ones (restored from the journal). */
    private final javafx.collections.ObservableMap<String, BulkRun> bulks = FXCollections.observableHashMap();
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
     * change with no outcome was interrupted: Keyward stopped before its answer came. A bulk run comes
     * back as its group: its items as they ended, and every item of its plan that has no intent of its
     * own as "Not sent" (an intent is on disk before its call goes out, so none means never sent).
     */
    public void restore(List<ChangeHistory> history) {
        List<ResultEntry> older = new java.util.ArrayList<>();
        Map<String, java.util.Set<Integer>> sentItems = new HashMap<>();
        List<ChangeHistory> plans = new java.util.ArrayList<>();
        for (ChangeHistory h : history) {
            ChangeIntent i = h.intent();
            if (BulkRunner.isPlan(i)) {
                plans.add(h);
                continue;
            }
            String bulkId = i.parameters().get(BulkRunner.BULK);
            if (bulkId != null) {
                try {
                    sentItems.computeIfAbsent(bulkId, b -> new java.util.HashSet<>())
                            .add(Integer.parseInt(i.parameters().getOrDefault(BulkRunner.ITEM, "")));
                } catch (NumberFormatException notAnItem) {
                    // grouped all the same; it just does not mark a plan item as sent
                }
            }
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
                    o == null ? null : o.requestId(), checked, i.changeId(), i.project(), bulkId);
            if (e.isUnknown() && i.check() != null) {
                restoredTargets.put(e.id(), i.check());
            }
            older.add(e);
        }
        for (ChangeHistory plan : plans) {
            older.addAll(restorePlan(plan, sentItems.getOrDefault(plan.intent().changeId(), java.util.Set.of())));
        }
        older.sort(java.util.Comparator.comparing(ResultEntry::time).reversed());
        entries.addAll(older);
    }

    /** A bulk run's group row, and its items that were never sent. */
    private List<ResultEntry> restorePlan(ChangeHistory plan, java.util.Set<Integer> sent) {
        ChangeIntent i = plan.intent();
        ChangeOutcome o = plan.outcome();
        String connection = ConnectionProfile.describe(i.connection(), i.backend(), i.managerUrl());
        BulkRunner.PlanItems items = BulkRunner.planItems(i.parameters());
        BulkRun.State state = BulkRun.State.INTERRUPTED;
        if (o != null) {
            try {
                state = BulkRun.State.valueOf(o.outcome());
            } catch (RuntimeException e) {
                state = BulkRun.State.FINISHED; // ended, in a way this version does not know
            }
        }
        String why = o == null ? "Keyward stopped during the run, before it sent this one: nothing was sent for it."
                : "Not sent: " + (o.message().isBlank() ? "the run ended first." : o.message());
        bulks.put(i.changeId(), new BulkRun(i.changeId(), i.time(), i.action(), connection, i.apiUser(), i.project(),
                items.targets().size(), state, o == null ? "Keyward stopped during the run." : o.message()));
        List<ResultEntry> notSent = new java.util.ArrayList<>();
        java.time.Instant at = o == null ? i.time() : o.time();
        for (int n = 0; n < items.targets().size(); n++) {
            if (sent.contains(n + 1)) {
                continue;
            }
            String skipped = items.skipped().get(n + 1);
            notSent.add(new ResultEntry(nextId++, at, connection, i.apiUser(), items.action(), items.targets().get(n),
                    ResultEntry.Outcome.NOT_SENT, skipped != null ? skipped : why, List.of(), List.of(), null, "", null,
                    i.project(), i.changeId()));
        }
        return notSent;
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
                message, rows, details, requestId, "", changeId, scope.project(), scope.bulkId());
    }

    private static String projectRow(Scope scope) {
        return "Project " + (scope.project() == null ? "(none)" : scope.project());
    }

    private ResultEntry add(ResultEntry entry) {
        entries.add(0, entry);
        return entry;
    }

    // ------------------------------------------------------------------ bulk runs

    /**
     * An item of a bulk run that was not sent, and why ("the run was cancelled before it was sent"):
     * nothing happened to it, so no server result, no environments.
     */
    public ResultEntry recordNotSent(Scope scope, String action, String target, String why) {
        return add(entry(scope, action, target, ResultEntry.Outcome.NOT_SENT, why, List.of(), List.of(), null, null));
    }

    /** The bulk runs by id (those of this session and those the journal brought back). */
    public javafx.collections.ObservableMap<String, BulkRun> bulks() {
        return bulks;
    }

    public java.util.Optional<BulkRun> bulk(String id) {
        return java.util.Optional.ofNullable(id == null ? null : bulks.get(id));
    }

    void bulkStarted(BulkRun run) {
        bulks.put(run.id(), run);
    }

    void bulkEnded(String id, BulkRun.State state, String note) {
        BulkRun run = bulks.get(id);
        if (run != null) {
            bulks.put(id, run.ended(state, note));
        }
    }

    /** Every entry of the bulk run, hidden by a filter or not. */
    public List<ResultEntry> bulkItems(String id) {
        return entries.stream().filter(e -> id.equals(e.bulkId())).toList();
    }

    /**
     * How the run's items ended, e.g. "480 succeeded, 10 completed with deployment failures, 5 unknown,
     * 5 not sent"; while it runs, how many are still to come ("… 120 pending").
     */
    public String bulkSummary(String id) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (String k : List.of("succeeded", "completed with deployment failures", "failed", "unknown", "not sent")) {
            counts.put(k, 0);
        }
        int seen = 0;
        for (ResultEntry e : entries) {
            if (!id.equals(e.bulkId())) {
                continue;
            }
            seen++;
            String k = switch (e.outcome()) {
                case SUCCEEDED -> "succeeded";
                case COMPLETED_WITH_DEPLOYMENT_FAILURES -> "completed with deployment failures";
                case FAILED -> "failed";
                case UNKNOWN, INTERRUPTED -> "unknown";
                case NOT_SENT -> "not sent";
            };
            counts.merge(k, 1, Integer::sum);
        }
        List<String> parts = new java.util.ArrayList<>();
        counts.forEach((k, n) -> {
            if (n > 0) {
                parts.add(n + " " + k);
            }
        });
        BulkRun run = bulks.get(id);
        if (run != null && run.state() == BulkRun.State.RUNNING && run.total() > seen) {
            parts.add((run.total() - seen) + " pending");
        }
        return parts.isEmpty() ? "nothing yet" : String.join(", ", parts);
    }

    public String asText(List<ResultEntry> selection) {
        return selection.stream().map(e -> e.asText(zone())).collect(Collectors.joining("\n\n"));
    }
}
