package io.keyward.session;

import io.keyward.gateway.BackendKind;
import io.keyward.gateway.Failure;
import io.keyward.gateway.SignInMethod;
import io.keyward.journal.ChangeHistory;
import io.keyward.journal.ChangeIntent;
import io.keyward.journal.CheckTarget;
import io.keyward.journal.Journal;
import io.keyward.model.DeploymentResult;
import io.keyward.model.EnvironmentResult;
import io.keyward.model.MutationResult;
import io.keyward.model.Project;
import io.keyward.model.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every change is journalled: its intent on disk before the call, its outcome and checks after. */
class JournalledChangeTest {

    @TempDir
    Path dir;

    final TestClients.RecordingFailures handler = new TestClients.RecordingFailures();
    final List<Throwable> failures = handler.failures;
    final Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    final Workspace workspace = new Workspace(new DirectTaskExecutor(), handler, clock);
    final ResultLog log = new ResultLog(clock);
    final Project project = new Project("p-1", "Müşteri / prod", "");
    static final String TOKEN = "tok-SECRET-4711";

    Connection connect() {
        ConnectionProfile p = new ConnectionProfile("Lab gateway", BackendKind.APINIZER, URI.create("https://lab.example"),
                SignInMethod.PERSONAL_TOKEN, null, Secret.of(TOKEN), false);
        Connection c = new Connection(p, TestClients.empty(BackendKind.APINIZER, true));
        workspace.connect(c);
        return c;
    }

    static Change deleteKey() {
        return Change.of("Delete key (delete derived JWKs)", "Müşteri / prod / api-signing")
                .withParameter("derivedJwks", "DELETE")
                .withImpact(List.of("2 JWKs were derived from this key.", "checkout-service loses \u201Cjwk-a\u201D"))
                .checking(new CheckTarget("key", "Müşteri / prod", "p-1", "api-signing", "k-1", true, false, Map.of(), Map.of()));
    }

    List<ChangeHistory> history(Journal journal) throws Exception {
        // Outcomes are written by the journal's own thread: wait until it has caught up.
        for (int i = 0; i < 200; i++) {
            List<ChangeHistory> h = journal.history();
            if (!h.isEmpty() && h.get(0).outcome() != null) {
                return h;
            }
            Thread.sleep(10);
        }
        return journal.history();
    }

    @Test
    void theIntentIsOnDiskBeforeTheCallAndTheOutcomeAfter() throws Exception {
        Journal journal = new Journal(dir, clock);
        MutationRunner runner = new MutationRunner(workspace, log, handler, journal, clock);
        Connection c = connect();
        AtomicReference<List<ChangeHistory>> seenByTheCall = new AtomicReference<>();
        assertTrue(runner.run(c, project, deleteKey(), () -> {
            seenByTheCall.set(new Journal(dir, clock).history()); // another reader, as after a crash
            return new MutationResult(true, new DeploymentResult(false, "Deployed with errors", List.of(
                    new EnvironmentResult("production", true, "OK"), new EnvironmentResult("staging", false, "timeout"))));
        }, OutcomeCheck.unchecked(), r -> { }, e -> { }));

        List<ChangeHistory> before = seenByTheCall.get();
        assertEquals(1, before.size(), "the intent was written before the call ran");
        assertTrue(before.get(0).interrupted(), "no outcome yet while the call runs");
        ChangeIntent intent = before.get(0).intent();
        assertEquals("Lab gateway", intent.connection());
        assertEquals("Apinizer", intent.backend());
        assertEquals("https://lab.example", intent.managerUrl());
        assertEquals("Müşteri / prod", intent.project());
        assertEquals("DELETE", intent.parameters().get("derivedJwks"));
        assertEquals(2, intent.impact().size());
        assertEquals(System.getProperty("user.name"), intent.osUser());
        assertEquals("k-1", intent.check().id());

        ChangeHistory after = history(journal).get(0);
        assertNotNull(after.outcome(), "the outcome was journalled");
        assertEquals("COMPLETED_WITH_DEPLOYMENT_FAILURES", after.outcome().outcome());
        assertEquals(List.of("production", "staging"), after.outcome().environments().stream()
                .map(e -> e.environment()).toList());
        assertFalse(after.outcome().environments().get(1).success());
        assertEquals(log.entries().get(0).changeId(), intent.changeId(), "the results entry names the journal's change");
        assertTrue(journal.verify().ok(), journal.verify().summary());
        assertNoSecretIn(dir);
    }

    @Test
    void whenTheJournalCannotBeWrittenNothingIsSent() throws Exception {
        Path blocked = dir.resolve("not-a-directory");
        Files.writeString(blocked, "a file where the journal's directory should be");
        Journal journal = new Journal(blocked, clock);
        MutationRunner runner = new MutationRunner(workspace, log, handler, journal, clock);
        AtomicBoolean sent = new AtomicBoolean();
        runner.run(connect(), project, deleteKey(), () -> {
            sent.set(true);
            return MutationResult.done("deleted");
        }, OutcomeCheck.unchecked(), r -> { }, failures::add);
        assertFalse(sent.get(), "the call was not made");
        assertEquals(ResultEntry.Outcome.FAILED, log.entries().get(0).outcome());
        assertTrue(log.entries().get(0).message().startsWith("Nothing was sent: Keyward could not write the change to its journal"),
                log.entries().get(0).message());
        assertNull(log.entries().get(0).changeId());
        assertFalse(runner.isRunning());
    }

    @Test
    void anUnknownOutcomeAndWhatItsCheckFoundAreJournalled() throws Exception {
        Journal journal = new Journal(dir, clock);
        MutationRunner runner = new MutationRunner(workspace, log, handler, journal, clock);
        runner.run(connect(), project, deleteKey(), () -> {
            throw MutationRunnerTest.failure(new Failure.OutcomeUnknown(Failure.NetworkProblem.TIMEOUT));
        }, () -> new OutcomeCheck.Finding(OutcomeCheck.Verdict.HAPPENED, "Key \u201Capi-signing\u201D is gone."),
                r -> { }, e -> { });
        ChangeHistory h = null;
        for (int i = 0; i < 200 && (h == null || h.checks().isEmpty()); i++) {
            Thread.sleep(10);
            List<ChangeHistory> all = journal.history();
            h = all.isEmpty() ? null : all.get(0);
        }
        assertNotNull(h);
        assertEquals("UNKNOWN", h.outcome().outcome());
        assertEquals(1, h.checks().size());
        assertEquals("it happened", h.checks().get(0).verdict());
        assertEquals("Key \u201Capi-signing\u201D is gone.", h.checks().get(0).finding());

        // The next run lists it as unknown, checked, from the journal.
        ResultLog next = new ResultLog(clock);
        next.restore(journal.history());
        assertEquals("Unknown \u2014 checked: it happened", next.entries().get(0).outcomeText());
        assertTrue(next.entries().get(0).details().stream().anyMatch(d -> d.startsWith(ResultLog.CHECKED)),
                "" + next.entries().get(0).details());
    }

    @Test
    void anIntentWithoutOutcomeComesBackAsInterruptedAndCanBeChecked() throws Exception {
        Journal journal = new Journal(dir, clock);
        journal.append(new ChangeIntent(Journal.newChangeId(), clock.instant(), "admin", "Lab gateway", "Apinizer",
                "https://lab.example", "personal_token", "Müşteri / prod", "Delete JWK", "Müşteri / prod / jwk-a",
                Map.of(), List.of(), new CheckTarget("jwk", "Müşteri / prod", "p-1", "jwk-a", null, true, false, Map.of(),
                Map.of())));
        ResultLog next = new ResultLog(clock);
        next.restore(journal.history());
        ResultEntry e = next.entries().get(0);
        assertEquals(ResultEntry.Outcome.INTERRUPTED, e.outcome());
        assertEquals("Unknown \u2014 interrupted", e.outcomeText());
        assertEquals("Lab gateway (Apinizer, https://lab.example)", e.connection());
        assertTrue(next.canCheck(e), "an interrupted change can be checked");
        List<CheckTarget> asked = new ArrayList<>();
        next.setRestoredChecker((entry, target) -> asked.add(target));
        next.check(e);
        assertEquals("jwk-a", asked.get(0).name());
    }

    static void assertNoSecretIn(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                assertFalse(text.contains(TOKEN), f + " holds the token");
            }
        }
    }
}
