package io.keyward.session;

import io.keyward.gateway.Capability;
import io.keyward.gateway.Failure;
import io.keyward.gateway.GatewayException;
import io.keyward.journal.ChangeIntent;
import io.keyward.journal.ChangeOutcome;
import io.keyward.journal.Journal;
import io.keyward.model.MutationResult;
import io.keyward.model.Project;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs many changes (a bulk deletion) as one run: up to {@value #CONCURRENCY} calls in flight on threads
 * of its own, each item a change of its own in the journal and the results panel, grouped by the run's id.
 *
 * <p>The guards of {@link MutationRunner} hold for the run as a whole and for every item: the run takes
 * the runner's one-change slot (no other change, and no second run, alongside it); the connection must
 * still be the current one when the run starts and again before each item is sent; a 403 stops the run
 * (the connection turns read-only), as does a 401 (every other call would fail alike); an item whose answer
 * was lost is "unknown" and checked at once. Cancelling sends nothing more: calls in flight finish and
 * are recorded. Every item ends as succeeded (with or without deployment failures), failed, unknown or
 * not sent; the lists are reloaded once, at the end. FX thread only (its calls run on their own threads).
 *
 * <p>What the journal holds, and why. Before the first item is sent, the run's <em>plan</em> is written as
 * an intent of its own (changeId = the run's id, parameter {@value #BULK} = that id): every item's target,
 * in order, and the items not sent from the start (gone from the server) with the reason. Each item then
 * has its own intent, written and forced to disk before its call (parameters {@value #BULK} and
 * {@value #ITEM}, its number in the plan), and its own outcome. At the end the run's outcome names how it
 * ended (FINISHED, CANCELLED, STOPPED), why the rest was not sent, and lists those items. So an item that
 * was never sent never has an intent claiming it was, and it still cannot vanish: it is in the plan
 * without an intent of its own, which proves it was not sent even when Keyward was killed mid-run and no
 * run outcome was written. {@link ResultLog#restore} rebuilds the group, not-sent items included, from that.
 */
public final class BulkRunner {

    /** Calls in flight at once: enough to hide a slow server's latency, few enough not to swamp it. */
    public static final int CONCURRENCY = 4;
    /** Intent parameter on the plan and on every item: the run's id. */
    public static final String BULK = "bulk";
    /** Intent parameter on an item: its number in the plan, from 1. */
    public static final String ITEM = "bulkItem";
    static final String ITEMS = "bulkItems";
    static final String ITEM_ACTION = "bulkItemAction";
    static final String TARGET = "item.";
    static final String SKIPPED = "skipped.";

    /** One change of the run: what the journal keeps of it, the call, and how a lost answer is checked. */
    public record Item(Change change, Callable<MutationResult> call, OutcomeCheck check) { }

    /** An item not sent from the start, e.g. gone from the server before the confirmation opened. */
    public record Skipped(String target, String why) { }

    /**
     * A run: where it goes, what it is called ("Delete 12 JWKs", "Deleting JWKs" while it runs), what
     * each item is ("Delete JWK"), the items, what the confirmation showed, and the calls in flight at once.
     */
    public record Plan(Connection connection, Project project, String action, String target, String progressVerb,
                       String itemAction, List<Item> items, List<Skipped> skipped, Map<String, String> parameters,
                       List<String> impact, int concurrency) {
        public Plan {
            items = List.copyOf(items);
            skipped = skipped == null ? List.of() : List.copyOf(skipped);
            parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
            impact = impact == null ? List.of() : List.copyOf(impact);
            if (concurrency < 1) {
                throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
            }
        }

        public static Plan of(Connection connection, Project project, String action, String target, String progressVerb,
                              String itemAction, List<Item> items) {
            return new Plan(connection, project, action, target, progressVerb, itemAction, items, List.of(), Map.of(),
                    List.of(), CONCURRENCY);
        }

        public Plan skipping(List<Skipped> gone) {
            return new Plan(connection, project, action, target, progressVerb, itemAction, items, gone, parameters,
                    impact, concurrency);
        }

        public Plan withParameter(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(parameters);
            more.put(name, value);
            return new Plan(connection, project, action, target, progressVerb, itemAction, items, skipped, more,
                    impact, concurrency);
        }

        public Plan withImpact(List<String> lines) {
            return new Plan(connection, project, action, target, progressVerb, itemAction, items, skipped, parameters,
                    lines, concurrency);
        }

        public Plan withConcurrency(int calls) {
            return new Plan(connection, project, action, target, progressVerb, itemAction, items, skipped, parameters,
                    impact, calls);
        }

        int total() {
            return items.size() + skipped.size();
        }
    }

    /** How a run ended; every item of it is counted exactly once. */
    public record Summary(String bulkId, BulkRun.State state, String note, int succeeded, int deploymentFailures,
                          int failed, int unknown, int notSent) {
        public int total() {
            return succeeded + deploymentFailures + failed + unknown + notSent;
        }
    }

    /** The items of a plan as its intent's parameters list them. */
    record PlanItems(String action, List<String> targets, Map<Integer, String> skipped) { }

    private final MutationRunner mutations;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private Run run;

    BulkRunner(MutationRunner mutations) {
        this.mutations = mutations;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    /** "Deleting JWKs: 120 of 500…" while a run runs; "" otherwise. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Whether the plan's intent is a bulk run's plan (not one of its items, nor a change of its own). */
    public static boolean isPlan(ChangeIntent intent) {
        return intent.changeId() != null && intent.changeId().equals(intent.parameters().get(BULK));
    }

    public boolean start(Plan plan) {
        return start(plan, s -> { });
    }

    /**
     * Starts the run (it goes on in the background).
     *
     * @param onDone told how the run ended, once every item has ended (FX thread)
     * @return false when nothing was started (a change is running, the connection changed or cannot make
     *         changes); the user has been told why
     */
    public boolean start(Plan plan, Consumer<Summary> onDone) {
        Workspace workspace = mutations.workspace();
        FailureHandler failures = mutations.failures();
        Connection connection = plan.connection();
        if (!mutations.claim()) {
            failures.notice("\u201C" + plan.action() + "\u201D was not started: another change is still running.");
            return false;
        }
        if (!workspace.isCurrent(connection)) {
            mutations.release();
            Connection now = workspace.connection();
            failures.notice("Nothing was sent: \u201C" + plan.action() + "\u201D was confirmed for " + connection.describe()
                    + ", but the console is now connected to " + (now == null ? "nothing" : now.describe())
                    + ". Open the confirmation again to act on the current connection.");
            return false;
        }
        if (workspace.isReadOnly()) {
            mutations.release();
            failures.notice("\u201C" + plan.action() + "\u201D was not started: " + workspace.readOnlyProperty().get());
            return false;
        }
        String id = Journal.newChangeId();
        ResultLog.Scope scope = new ResultLog.Scope(connection.describe(), MutationRunner.user(connection.profile()),
                plan.project().name(), connection.capabilities().contains(Capability.ENVIRONMENTS), id);
        Run r = new Run(plan, id, scope, onDone, workspace.executor().dedicated(plan.concurrency(), "bulk"));
        run = r;
        running.set(true);
        ResultLog results = mutations.results();
        results.bulkStarted(new BulkRun(id, mutations.clock().instant(), plan.action(), scope.connection(), scope.user(),
                scope.project(), plan.total(), BulkRun.State.RUNNING, ""));
        for (Skipped s : plan.skipped()) {
            results.recordNotSent(scope, plan.itemAction(), s.target(), s.why());
            r.notSent++;
        }
        showProgress(r);
        Journal journal = mutations.journal();
        if (journal == null) {
            begin(r);
            return true;
        }
        ChangeIntent planIntent = mutations.intent(id, connection, plan.project(), planChange(plan, id));
        r.planPending = true;
        BackgroundTask.of(() -> {
                    mutations.journalNow(planIntent); // on disk before any item is sent
                    return null;
                })
                .onSuccess(v -> begin(r))
                .onFailure(e -> {
                    r.planPending = false;
                    r.journalBroken = true;
                    stop(r, BulkRun.State.STOPPED, "Keyward could not write the run to its journal "
                            + "first (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                            + "). Every change is journalled before it is sent; free disk space or fix the data "
                            + "directory's permissions, then try again.");
                    finishIfDone(r);
                })
                .executeWith(workspace.executor());
        return true;
    }

    /** Sends nothing more: calls in flight finish and are recorded, the rest end as "Not sent". */
    public void cancel() {
        Run r = run;
        if (r == null || r.finished || r.stopState != null) {
            return;
        }
        stop(r, BulkRun.State.CANCELLED, "the run was cancelled before this item was sent; nothing happened to it.");
        showProgress(r);
        finishIfDone(r);
    }

    /** The run's plan as an intent: what it will do to which items, before anything is sent. */
    static Change planChange(Plan plan, String id) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(BULK, id);
        p.put(ITEMS, String.valueOf(plan.total()));
        p.put(ITEM_ACTION, plan.itemAction());
        p.put("concurrency", String.valueOf(plan.concurrency()));
        p.putAll(plan.parameters());
        int n = 0;
        for (Item item : plan.items()) {
            p.put(TARGET + (++n), item.change().target());
        }
        for (Skipped s : plan.skipped()) {
            p.put(TARGET + (++n), s.target());
            p.put(SKIPPED + n, s.why());
        }
        return new Change(plan.action(), plan.target(), p, plan.impact(), null);
    }

    /** The plan's items from its intent's parameters (item numbers from 1). */
    static PlanItems planItems(Map<String, String> parameters) {
        TreeMap<Integer, String> targets = new TreeMap<>();
        Map<Integer, String> skipped = new java.util.HashMap<>();
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            try {
                if (e.getKey().startsWith(TARGET)) {
                    targets.put(Integer.parseInt(e.getKey().substring(TARGET.length())), e.getValue());
                } else if (e.getKey().startsWith(SKIPPED)) {
                    skipped.put(Integer.parseInt(e.getKey().substring(SKIPPED.length())), e.getValue());
                }
            } catch (NumberFormatException ignored) {
                // not an item of the plan
            }
        }
        // Numbered 1..n when written; a gap (a damaged line) keeps the rest in order.
        return new PlanItems(parameters.getOrDefault(ITEM_ACTION, "Change"), new ArrayList<>(targets.values()),
                skipped);
    }

    // ------------------------------------------------------------------ the run, on the FX thread

    private static final class Run {
        final Plan plan;
        final String id;
        final ResultLog.Scope scope;
        final Consumer<Summary> onDone;
        final TaskExecutor calls;
        final long started = System.nanoTime();
        final List<Future<?>> journalled = new ArrayList<>();
        int next;
        int inFlight;
        int succeeded;
        int deploymentFailures;
        int failed;
        int unknown;
        int notSent;
        boolean planPending;
        boolean journalBroken;
        boolean pumping;
        boolean finished;
        BulkRun.State stopState;
        String stopReason;

        Run(Plan plan, String id, ResultLog.Scope scope, Consumer<Summary> onDone, TaskExecutor calls) {
            this.plan = plan;
            this.id = id;
            this.scope = scope;
            this.onDone = onDone;
            this.calls = calls;
        }

        int ended() {
            return succeeded + deploymentFailures + failed + unknown;
        }
    }

    private void begin(Run r) {
        r.planPending = false;
        pump(r);
    }

    /** Sends items until {@code concurrency} are in flight; checks the guards before each one. */
    private void pump(Run r) {
        if (r.pumping) {
            return; // an executor that runs calls on this thread comes back here from within dispatch()
        }
        r.pumping = true;
        try {
            Workspace workspace = mutations.workspace();
            while (r.stopState == null && !r.planPending && r.next < r.plan.items().size()
                    && r.inFlight < r.plan.concurrency()) {
                if (!workspace.isCurrent(r.plan.connection())) {
                    Connection now = workspace.connection();
                    stop(r, BulkRun.State.STOPPED, "the console was connected to "
                            + (now == null ? "nothing" : now.describe()) + " during the run, and Keyward sends nothing "
                            + "through a connection that is no longer the current one.");
                    break;
                }
                if (workspace.isReadOnly()) {
                    stop(r, BulkRun.State.STOPPED, workspace.readOnlyProperty().get());
                    break;
                }
                dispatch(r, r.next++);
            }
        } finally {
            r.pumping = false;
        }
        showProgress(r);
        finishIfDone(r);
    }

    private void dispatch(Run r, int index) {
        Item item = r.plan.items().get(index);
        Journal journal = mutations.journal();
        String changeId = journal == null ? null : Journal.newChangeId();
        Change change = item.change().withParameter(BULK, r.id).withParameter(ITEM, String.valueOf(index + 1));
        ChangeIntent intent = journal == null ? null
                : mutations.intent(changeId, r.plan.connection(), r.plan.project(), change);
        long started = System.nanoTime();
        r.inFlight++;
        BackgroundTask.of(() -> {
                    if (intent != null) {
                        try {
                            mutations.journalNow(intent); // on disk before this item is sent
                        } catch (java.io.IOException | RuntimeException e) {
                            throw new NotJournalledException(e);
                        }
                    }
                    return item.call().call();
                })
                .onSuccess(result -> {
                    ResultEntry e = mutations.results().record(r.scope, change.action(), change.target(), result, changeId);
                    journal(r, e, started);
                    switch (e.outcome()) {
                        case SUCCEEDED -> r.succeeded++;
                        case COMPLETED_WITH_DEPLOYMENT_FAILURES -> r.deploymentFailures++;
                        default -> r.failed++;
                    }
                    ended(r);
                })
                .onFailure(e -> {
                    failed(r, item, change, changeId, e, started);
                    ended(r);
                })
                .executeWith(r.calls);
    }

    private void failed(Run r, Item item, Change change, String changeId, Throwable e, long started) {
        ResultLog results = mutations.results();
        if (e instanceof NotJournalledException) {
            // Not sent, so not a failure of the change: the run stops, as it cannot journal the others either.
            results.recordNotSent(r.scope, change.action(), change.target(), ErrorText.sentence(e));
            r.notSent++;
            r.journalBroken = true;
            stop(r, BulkRun.State.STOPPED, "Keyward could not write to its journal, so it sent nothing more.");
            return;
        }
        if (MutationRunner.isOutcomeUnknown(e)) {
            mutations.unknown(r.scope, change.action(), change.target(), e, item.check(), changeId, started);
            r.unknown++;
            return;
        }
        journal(r, results.recordFailure(r.scope, change.action(), change.target(), e, changeId), started);
        r.failed++;
        if (e instanceof GatewayException g && g.failure() instanceof Failure.Forbidden) {
            mutations.workspace().markReadOnly("the server refused \u201C" + change.action() + "\u201D (HTTP 403): this "
                    + "connection cannot make changes. Reconnect with other credentials, or refresh to try again.");
            stop(r, BulkRun.State.STOPPED, "the server refused an earlier item with HTTP 403 (this "
                    + "connection cannot make changes), so Keyward sent no more.");
        } else if (ErrorText.isUnauthorized(e)) {
            stop(r, BulkRun.State.STOPPED, "the server rejected the connection's credentials (HTTP 401) "
                    + "for an earlier item, so Keyward sent no more.");
            mutations.failures().failed(e, MutationRunner.CHANGE); // offers to reconnect, once
        }
    }

    private void ended(Run r) {
        r.inFlight--;
        pump(r);
    }

    private void stop(Run r, BulkRun.State state, String why) {
        if (r.stopState == null) {
            r.stopState = state;
            r.stopReason = why;
        }
    }

    private void journal(Run r, ResultEntry e, long started) {
        if (mutations.journal() != null && e.changeId() != null) {
            r.journalled.add(mutations.journalQuietly(mutations.outcomeOf(e, started)));
        }
    }

    private void showProgress(Run r) {
        if (r.finished) {
            return;
        }
        int toSend = r.plan.items().size();
        if (r.stopState == BulkRun.State.CANCELLED) {
            progress.set(r.plan.progressVerb() + ": cancelled, waiting for " + r.inFlight
                    + (r.inFlight == 1 ? " call" : " calls") + " in flight\u2026");
        } else {
            progress.set(r.plan.progressVerb() + ": " + r.ended() + " of " + toSend + "\u2026");
        }
    }

    private void finishIfDone(Run r) {
        if (r.finished || r.planPending || r.inFlight > 0
                || (r.stopState == null && r.next < r.plan.items().size())) {
            return;
        }
        r.finished = true;
        ResultLog results = mutations.results();
        String why = "Not sent: " + (r.stopReason == null ? "the run ended first." : r.stopReason);
        List<String> notSentLines = new ArrayList<>();
        for (int i = r.next; i < r.plan.items().size(); i++) {
            Change c = r.plan.items().get(i).change();
            results.recordNotSent(r.scope, c.action(), c.target(), why);
            notSentLines.add("Not sent: " + c.target());
            r.notSent++;
        }
        r.next = r.plan.items().size();
        BulkRun.State state = r.stopState == null ? BulkRun.State.FINISHED : r.stopState;
        String note = r.stopReason == null ? "" : r.stopReason;
        results.bulkEnded(r.id, state, note);
        if (mutations.journal() != null && !r.journalBroken) {
            for (Skipped s : r.plan.skipped()) {
                notSentLines.add(0, "Not sent: " + s.target() + " (" + s.why() + ")");
            }
            r.journalled.add(mutations.journalQuietly(new ChangeOutcome(r.id, mutations.clock().instant(), state.name(),
                    note, List.of(), notSentLines, null, (System.nanoTime() - r.started) / 1_000_000)));
        }
        List<Future<?>> written = List.copyOf(r.journalled);
        if (!written.isEmpty()) {
            BackgroundTask.of(() -> {
                        int lost = 0;
                        for (Future<?> f : written) {
                            try {
                                f.get();
                            } catch (java.util.concurrent.ExecutionException e) {
                                lost++;
                            }
                        }
                        return lost;
                    })
                    .onSuccess(lost -> {
                        if (lost > 0) {
                            mutations.failures().notice("The journal could not record " + lost + " outcome"
                                    + (lost == 1 ? "" : "s") + " of \u201C" + r.plan.action() + "\u201D; the results "
                                    + "panel shows them.");
                        }
                    })
                    .executeWith(mutations.workspace().executor());
        }
        if (r.calls != mutations.workspace().executor() && r.calls instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // its threads are daemons and idle: nothing is lost
            }
        }
        Summary summary = new Summary(r.id, state, note, r.succeeded, r.deploymentFailures, r.failed, r.unknown, r.notSent);
        if (run == r) {
            run = null;
        }
        progress.set("");
        running.set(false);
        mutations.release();
        mutations.failures().notice(sentence(r.plan, summary));
        if (r.ended() > 0) {
            mutations.reloadIfShown(r.plan.connection()); // once, whatever the number of items
        }
        r.onDone.accept(summary);
    }

    /** "Delete 12 JWKs: 10 succeeded, 1 unknown (being checked), 1 not sent (cancelled). See the results panel." */
    static String sentence(Plan plan, Summary s) {
        List<String> parts = new ArrayList<>();
        if (s.succeeded() > 0) {
            parts.add(s.succeeded() + " succeeded");
        }
        if (s.deploymentFailures() > 0) {
            parts.add(s.deploymentFailures() + " completed with deployment failures");
        }
        if (s.failed() > 0) {
            parts.add(s.failed() + " failed");
        }
        if (s.unknown() > 0) {
            parts.add(s.unknown() + " unknown (no answer came; Keyward is checking what the server now has)");
        }
        if (s.notSent() > 0) {
            parts.add(s.notSent() + " not sent");
        }
        String ended = switch (s.state()) {
            case CANCELLED -> " Cancelled: nothing more was sent.";
            case STOPPED -> " Stopped: " + s.note();
            case INTERRUPTED -> " Interrupted.";
            default -> "";
        };
        return "\u201C" + plan.action() + "\u201D: " + (parts.isEmpty() ? "nothing was done" : String.join(", ", parts))
                + "." + ended + " See the results panel.";
    }
}
