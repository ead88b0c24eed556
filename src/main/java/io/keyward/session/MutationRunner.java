package io.keyward.session;

import io.keyward.gateway.Capability;
import io.keyward.journal.ChangeCheck;
import io.keyward.journal.ChangeIntent;
import io.keyward.journal.ChangeOutcome;
import io.keyward.journal.CheckTarget;
import io.keyward.journal.Journal;
import io.keyward.journal.JournalEnvironment;
import io.keyward.journal.JournalRecord;
import io.keyward.gateway.Failure;
import io.keyward.gateway.GatewayException;
import io.keyward.model.MutationResult;
import io.keyward.model.Project;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs a mutating call in the background, records its outcome in the {@link ResultLog} (naming the
 * connection, server and user it went to) and refreshes the lists. The guards live here, where
 * changes run, not only in disabled buttons: one change at a time; none through a connection that is
 * no longer the current one (a confirmation opened before a reconnect); none through a connection the
 * server has refused a change with 403. A change whose answer was lost is recorded as unknown and
 * checked against the server at once. A change is never cancelled: its answer is always recorded.
 */
public final class MutationRunner {

    /** Where a change's failure is reported, so its banner clears when a later change succeeds. */
    public static final String CHANGE = "change";

    private final Workspace workspace;
    private final ResultLog results;
    private final FailureHandler failures;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    /** Null: nothing is journalled (unit tests of the runner's other duties). */
    private final Journal journal;
    private final java.time.Clock clock;
    /** Outcomes and checks are written in the order they happen, off the FX thread (several to one flush). */
    private final io.keyward.journal.GroupCommitter journalWriter;
    /** Many changes at once (bulk deletion); it takes this runner's one-change-at-a-time slot while it runs. */
    private final BulkRunner bulk;

    public MutationRunner(Workspace workspace, ResultLog results, FailureHandler failures) {
        this(workspace, results, failures, null, java.time.Clock.systemUTC());
    }

    public MutationRunner(Workspace workspace, ResultLog results, FailureHandler failures, Journal journal,
                          java.time.Clock clock) {
        this.workspace = workspace;
        this.results = results;
        this.failures = failures;
        this.journal = journal;
        this.clock = clock;
        this.journalWriter = journal == null ? null : new io.keyward.journal.GroupCommitter(journal, "keyward-journal");
        results.setRestoredChecker(this::checkRestored);
        this.bulk = new BulkRunner(this);
    }

    /** Runs many changes as one bulk run; no other change runs alongside it. */
    public BulkRunner bulk() {
        return bulk;
    }

    /** Takes the one-change slot for a bulk run; false when a change (or run) already holds it. */
    boolean claim() {
        if (running.get()) {
            return false;
        }
        running.set(true);
        return true;
    }

    void release() {
        running.set(false);
    }

    Workspace workspace() {
        return workspace;
    }

    ResultLog results() {
        return results;
    }

    FailureHandler failures() {
        return failures;
    }

    /** Null when nothing is journalled. */
    Journal journal() {
        return journal;
    }

    java.time.Clock clock() {
        return clock;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    /** Runs against what {@code snapshot} was loaded from; failures go to the main window. */
    public boolean run(Snapshot snapshot, String action, String target, Callable<MutationResult> call,
                       OutcomeCheck check) {
        return run(snapshot, Change.of(action, target), call, check);
    }

    /** Runs against what {@code snapshot} was loaded from; failures go to the main window. */
    public boolean run(Snapshot snapshot, Change change, Callable<MutationResult> call, OutcomeCheck check) {
        return run(snapshot.connection(), snapshot.project(), change, call, check, r -> { },
                e -> failures.failed(e, CHANGE));
    }

    public boolean run(Connection connection, Project project, String action, String target,
                       Callable<MutationResult> call, OutcomeCheck check, Consumer<MutationResult> onSuccess,
                       Consumer<Throwable> onFailure) {
        return run(connection, project, Change.of(action, target), call, check, onSuccess, onFailure);
    }

    /**
     * @param check     finds out whether the change happened when its answer is lost
     * @param onFailure replaces the default failure display (the failure is recorded in the panel either way)
     * @return false when the change was not started (another is running, the connection changed or
     *         cannot make changes); the user has been told why
     */
    public boolean run(Connection connection, Project project, Change change,
                       Callable<MutationResult> call, OutcomeCheck check, Consumer<MutationResult> onSuccess,
                       Consumer<Throwable> onFailure) {
        String action = change.action();
        String target = change.target();
        if (running.get()) {
            failures.notice("\u201C" + action + "\u201D was not sent: another change is still running.");
            return false;
        }
        if (!workspace.isCurrent(connection)) {
            Connection now = workspace.connection();
            failures.notice("Nothing was sent: \u201C" + action + "\u201D was confirmed for " + connection.describe()
                    + ", but the console is now connected to " + (now == null ? "nothing" : now.describe())
                    + ". Open the confirmation again to act on the current connection.");
            return false;
        }
        if (workspace.isReadOnly()) {
            failures.notice("\u201C" + action + "\u201D was not sent: " + workspace.readOnlyProperty().get());
            return false;
        }
        ResultLog.Scope scope = new ResultLog.Scope(connection.describe(), user(connection.profile()), project.name(),
                connection.capabilities().contains(Capability.ENVIRONMENTS));
        running.set(true);
        String changeId = journal == null ? null : Journal.newChangeId();
        ChangeIntent intent = journal == null ? null : intent(changeId, connection, project, change);
        long started = System.nanoTime();
        BackgroundTask.of(() -> {
                    if (intent != null) {
                        try {
                            journal.append(intent); // on disk before anything is sent
                        } catch (java.io.IOException | RuntimeException e) {
                            throw new NotJournalledException(e);
                        }
                    }
                    return call.call();
                })
                .onSuccess(result -> {
                    ResultEntry entry = results.record(scope, action, target, result, changeId);
                    journalOutcome(entry, started);
                    failures.succeeded(CHANGE);
                    onSuccess.accept(result);
                    reloadIfShown(connection);
                })
                .onFailure(e -> {
                    if (e instanceof NotJournalledException) {
                        results.recordFailure(scope, action, target, e, null);
                        onFailure.accept(e);
                        return;
                    }
                    boolean unknown = isOutcomeUnknown(e);
                    if (unknown) {
                        unknown(scope, action, target, e, check, changeId, started);
                    } else {
                        journalOutcome(results.recordFailure(scope, action, target, e, changeId), started);
                        if (e instanceof GatewayException g && g.failure() instanceof Failure.Forbidden) {
                            workspace.markReadOnly("the server refused \u201C" + action + "\u201D (HTTP 403): this "
                                    + "connection cannot make changes. Reconnect with other credentials, or refresh "
                                    + "to try again.");
                        }
                    }
                    onFailure.accept(e);
                    if (unknown) {
                        // Said last, so it is what the banner shows: not a failure, a question being answered.
                        failures.notice("No answer came for \u201C" + action + "\u201D (" + target + "): it may have "
                                + "happened. Keyward is checking what the server now has; see the results panel.");
                    }
                    if (!ErrorText.isUnauthorized(e)) {
                        reloadIfShown(connection); // the call may have half-happened; show the server's state
                    }
                })
                .onFinished(() -> running.set(false))
                .executeWith(workspace.executor());
        return true;
    }

    static boolean isOutcomeUnknown(Throwable e) {
        return e instanceof GatewayException g && g.failure() instanceof Failure.OutcomeUnknown;
    }

    void unknown(ResultLog.Scope scope, String action, String target, Throwable e, OutcomeCheck check,
                         String changeId, long started) {
        long[] id = new long[1];
        Runnable runCheck = () -> BackgroundTask.of(check::check)
                .onSuccess(finding -> found(id[0], changeId, finding))
                .onFailure(why -> results.checkFailed(id[0], why))
                .executeWith(workspace.executor());
        ResultEntry entry = results.recordUnknown(scope, action, target, e, runCheck, changeId);
        id[0] = entry.id();
        journalOutcome(entry, started); // the outcome (unknown) before what the check finds
        runCheck.run();
    }

    private void found(long id, String changeId, OutcomeCheck.Finding finding) {
        results.found(id, finding);
        if (changeId != null) {
            journalLater(new ChangeCheck(changeId, clock.instant(), finding.verdict().words(), finding.sentence()));
        }
    }

    /**
     * Checks a change of an earlier run whose outcome nobody knows, by re-reading its target through the
     * current connection, which must be the one the change went to.
     */
    private void checkRestored(ResultEntry entry, CheckTarget target) {
        Connection now = workspace.connection();
        if (now == null || !ConnectionProfile.describe(now.profile().name(), now.profile().backend().displayName(),
                String.valueOf(now.profile().url())).equals(entry.connection())) {
            failures.notice("To check \u201C" + entry.action() + "\u201D (" + entry.target() + "), connect to "
                    + entry.connection() + ": it was sent there.");
            return;
        }
        OutcomeCheck check = TargetCheck.of(now.client(), target);
        BackgroundTask.of(check::check)
                .onSuccess(finding -> found(entry.id(), entry.changeId(), finding))
                .onFailure(why -> results.checkFailed(entry.id(), why))
                .executeWith(workspace.executor());
    }

    ChangeIntent intent(String changeId, Connection connection, Project project, Change change) {
        ConnectionProfile p = connection.profile();
        return new ChangeIntent(changeId, clock.instant(), System.getProperty("user.name", ""), p.name(),
                p.backend().displayName(), String.valueOf(p.url()), user(p), project.name(), change.action(),
                change.target(), change.parameters(), change.impact(), change.check());
    }

    void journalOutcome(ResultEntry e, long startedNanos) {
        if (journal == null || e.changeId() == null) {
            return;
        }
        journalLater(outcomeOf(e, startedNanos));
    }

    ChangeOutcome outcomeOf(ResultEntry e, long startedNanos) {
        return new ChangeOutcome(e.changeId(), clock.instant(), e.outcome().name(), e.message(),
                e.environments().stream().map(r -> new JournalEnvironment(r.environment(), r.success(), r.message()))
                        .toList(), e.details(), e.requestId(), (System.nanoTime() - startedNanos) / 1_000_000);
    }

    /**
     * Hands the record to the journal's writer (in order with every other record) without anyone waiting
     * for it: a bulk run collects these and looks at them once, at its end.
     */
    java.util.concurrent.Future<?> journalQuietly(JournalRecord record) {
        return journalWriter.submit(record);
    }

    /**
     * Writes the record in order with every other, and waits until it is on disk (a bulk item's intent,
     * which must be durable before its call goes out; intents waiting together share one flush).
     * Blocking: off the FX thread.
     */
    void journalNow(JournalRecord record) throws java.io.IOException {
        try {
            journalWriter.submit(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while writing the journal");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof java.io.IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new java.io.IOException(e.getCause());
        }
    }

    /** Written by one thread in the order given; a failure is said in the banner (the change itself is done). */
    void journalLater(JournalRecord record) {
        if (journal == null) {
            return;
        }
        java.util.concurrent.Future<?> written = journalWriter.submit(record);
        BackgroundTask.of(() -> written.get())
                .onFailure(e -> failures.notice("The journal could not record the outcome of a change ("
                        + (e.getCause() == null ? e : e.getCause()).getMessage() + "); the results panel shows it."))
                .executeWith(workspace.executor());
    }

    /** Who the change was made as: the username, or how the connection signs in. */
    static String user(ConnectionProfile p) {
        return p.username() != null && !p.username().isBlank() ? p.username() : p.method().toString().toLowerCase(java.util.Locale.ROOT);
    }

    void reloadIfShown(Connection connection) {
        if (workspace.isCurrent(connection)) {
            workspace.reload();
        }
    }
}
