package io.keyward.session;

import io.keyward.gateway.BackendKind;
import io.keyward.gateway.Failure;
import io.keyward.gateway.GatewayClient;
import io.keyward.gateway.GatewayException;
import io.keyward.gateway.SignInMethod;
import io.keyward.model.MutationResult;
import io.keyward.model.Project;
import io.keyward.model.Secret;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The guards where changes run, the unknown outcome and its check, the read-only state. */
class MutationRunnerTest {

    /** A backend that lists no projects: enough for the runner, which only needs the connection. */
    static GatewayClient client() {
        return TestClients.empty(BackendKind.AMPERSAND, false);
    }

    final TestClients.RecordingFailures handler = new TestClients.RecordingFailures();
    final List<Throwable> failures = handler.failures;
    final List<String> notices = handler.notices;
    final Clock clock = Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC);
    final Workspace workspace = new Workspace(new DirectTaskExecutor(), handler, clock);
    final ResultLog log = new ResultLog(clock);
    final MutationRunner runner = new MutationRunner(workspace, log, handler);
    final Project project = Project.named("p");

    Connection connect(String name) {
        ConnectionProfile p = new ConnectionProfile(name, BackendKind.AMPERSAND, URI.create("https://" + name + ".example/v1"),
                SignInMethod.API_KEY, null, Secret.of("k"), false);
        Connection c = new Connection(p, client());
        workspace.connect(c);
        return c;
    }

    static GatewayException failure(Failure f) {
        return new GatewayException(f, 0, null, null, "Deleting JWT key \u201Ck\u201D: no answer came, so it is unknown "
                + "whether it happened.", null);
    }

    @Test
    void aLostAnswerIsUnknownNeverFailedAndIsCheckedAtOnceAndOnRequest() {
        Connection c = connect("lab");
        AtomicInteger checks = new AtomicInteger();
        runner.run(c, project, "Delete JWT key", "p / k", () -> {
            throw failure(new Failure.OutcomeUnknown(Failure.NetworkProblem.TIMEOUT));
        }, () -> checks.incrementAndGet() == 1
                ? OutcomeCheck.deletion(true, "JWT key \u201Ck\u201D")
                : OutcomeCheck.deletion(false, "JWT key \u201Ck\u201D"), r -> { }, e -> { });

        ResultEntry e = log.entries().get(0);
        assertEquals(ResultEntry.Outcome.UNKNOWN, e.outcome());
        assertEquals("Unknown \u2014 check", e.outcome().label());
        assertEquals(List.of("Checked at 10:00:00: JWT key \u201Ck\u201D is still there. So it did not happen."), e.details());
        assertEquals("Unknown \u2014 checked: it did not happen", e.outcomeText(), "the outcome stays unknown, with the finding");
        assertTrue(notices.get(0).startsWith("No answer came for \u201CDelete JWT key\u201D"), notices.toString());
        assertTrue(log.canCheck(e));

        log.check(e); // later, the user asks again
        ResultEntry again = log.entries().get(0);
        assertEquals(e.id(), again.id(), "the same change, with one more finding");
        assertEquals("Checked at 10:00:00: JWT key \u201Ck\u201D is gone. So it happened.", again.details().get(1));
        assertEquals(ResultEntry.Outcome.UNKNOWN, again.outcome());
        assertEquals("Unknown \u2014 checked: it happened", again.outcomeText(), "the latest finding shows");
        assertEquals(2, checks.get());
        assertFalse(workspace.isReadOnly());
    }

    @Test
    void aCheckThatCannotReachTheServerSaysSoAndCanBeRepeated() {
        Connection c = connect("lab");
        runner.run(c, project, "Delete JWT key", "p / k", () -> {
            throw failure(new Failure.OutcomeUnknown(Failure.NetworkProblem.CLOSED));
        }, () -> {
            throw failure(new Failure.Network(Failure.NetworkProblem.REFUSED));
        }, r -> { }, e -> { });
        ResultEntry e = log.entries().get(0);
        assertTrue(e.details().get(0).contains("could not find out"), e.details().toString());
        assertTrue(e.details().get(0).endsWith("Check again later."));
        assertEquals("Unknown \u2014 check", e.outcomeText(), "a check that found nothing leaves it to be checked");
        assertTrue(log.canCheck(e));
    }

    @Test
    void aChangeNeverReachesAConnectionThatIsNoLongerTheCurrentOne() {
        Connection lab = connect("lab");
        connect("prod"); // the console moved on while a confirmation for lab was open
        AtomicInteger sent = new AtomicInteger();
        boolean started = runner.run(lab, project, "Delete JWT key", "p / k", () -> {
            sent.incrementAndGet();
            return MutationResult.done("Deleted.");
        }, OutcomeCheck.unchecked(), r -> { }, e -> { });

        assertFalse(started);
        assertEquals(0, sent.get(), "nothing was sent");
        assertTrue(log.entries().isEmpty(), "no result claims a change");
        assertTrue(notices.get(0).startsWith("Nothing was sent"), notices.toString());
        assertTrue(notices.get(0).contains("lab") && notices.get(0).contains("prod"), notices.get(0));
    }

    @Test
    void a403MakesTheConnectionReadOnlyUntilRefreshOrReconnect() {
        Connection c = connect("lab");
        runner.run(c, project, "Delete JWT key", "p / k", () -> {
            throw failure(new Failure.Forbidden());
        }, OutcomeCheck.unchecked(), r -> { }, handler::failed);
        assertTrue(workspace.isReadOnly());
        assertTrue(workspace.readOnlyProperty().get().contains("HTTP 403"), workspace.readOnlyProperty().get());
        assertEquals(ResultEntry.Outcome.FAILED, log.entries().get(0).outcome());

        AtomicInteger sent = new AtomicInteger();
        assertFalse(runner.run(c, project, "Rename JWT key", "p / k", () -> {
            sent.incrementAndGet();
            return MutationResult.done("");
        }, OutcomeCheck.unchecked(), r -> { }, e -> { }), "refused where changes run, not only by disabled buttons");
        assertEquals(0, sent.get());

        workspace.clearReadOnly();
        assertFalse(workspace.isReadOnly());
        connect("lab2");
        assertFalse(workspace.isReadOnly());
    }

    @Test
    void resultsNameTheConnectionServerAndUser() {
        Connection c = connect("lab");
        runner.run(c, project, "Delete JWT key", "p / k", () -> MutationResult.done("Deleted."),
                OutcomeCheck.unchecked(), r -> { }, e -> { });
        ResultEntry e = log.entries().get(0);
        assertEquals("lab (Ampersand, https://lab.example/v1)", e.connection());
        assertEquals("api key", e.user());
        assertTrue(e.asText(ZoneOffset.UTC).contains("Connection: lab (Ampersand, https://lab.example/v1), as api key"));
    }
}
