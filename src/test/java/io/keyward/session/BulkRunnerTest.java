package io.keyward.session;

import io.keyward.gateway.Authentication;
import io.keyward.gateway.BackendKind;
import io.keyward.gateway.ConnectionSettings;
import io.keyward.gateway.SignInMethod;
import io.keyward.gateway.apinizer.ApinizerClient;
import io.keyward.journal.ChangeHistory;
import io.keyward.journal.CheckTarget;
import io.keyward.journal.Journal;
import io.keyward.model.Jwk;
import io.keyward.model.Project;
import io.keyward.model.Secret;
import io.keyward.sandbox.SandboxOptions;
import io.keyward.sandbox.SandboxServer;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bulk runner over real HTTP: against the sandbox (deployment failures, a lost answer, cancelling,
 * another connection mid-run) and against a MockWebServer that counts the calls it holds at once and
 * turns to 403 part way. Its callbacks run on one "UI" thread, as in the application.
 */
class BulkRunnerTest {

    static SandboxServer sandbox;
    static ApinizerClient admin;
    static Project scale;
    /** The scale project's JWK names, handed out a slice per test (the sandbox is shared and deletions stick). */
    static List<String> jwks;
    static int handedOut;

    @TempDir
    Path dir;

    final ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));
    final TestClients.RecordingFailures handler = new TestClients.RecordingFailures();
    ThreadPoolTaskExecutor executor;
    Workspace workspace;
    ResultLog log;
    MutationRunner runner;
    Journal journal;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withScale(60));
        admin = new ApinizerClient(ConnectionSettings.of(sandbox.baseUrl(),
                new Authentication.PersonalToken(Secret.of(sandbox.adminToken()))));
        scale = admin.listProjects().stream().filter(p -> p.name().equals("scale-60")).findFirst().orElseThrow();
        jwks = admin.listJwks(scale).stream().map(Jwk::name).sorted().toList();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @AfterEach
    void tearDown() {
        sandbox.faults().reset();
        executor.close();
        ui.shutdownNow();
    }

    void setUp() {
        executor = new ThreadPoolTaskExecutor(4, ui, handler.failures::add);
        Clock clock = Clock.systemUTC();
        workspace = new Workspace(executor, handler, clock);
        log = new ResultLog(clock);
        journal = new Journal(dir.resolve("journal"), clock);
        runner = new MutationRunner(workspace, log, handler, journal, clock);
    }

    static synchronized List<String> take(int n) {
        List<String> slice = jwks.subList(handedOut, handedOut + n);
        handedOut += n;
        return List.copyOf(slice);
    }

    <T> T onUi(Callable<T> work) throws Exception {
        return ui.submit(work).get(20, TimeUnit.SECONDS);
    }

    Connection connect(URI url, String token) throws Exception {
        ConnectionProfile p = new ConnectionProfile("Bulk lab", BackendKind.APINIZER, url, SignInMethod.PERSONAL_TOKEN,
                null, Secret.of(token), false);
        Connection c = new Connection(p, new ApinizerClient(ConnectionSettings.of(url,
                new Authentication.PersonalToken(Secret.of(token)))));
        onUi(() -> {
            workspace.connect(c);
            return null;
        });
        return c;
    }

    /** Deleting the JWK as the JWKs tab does: journalled with its target, checked by listing the JWKs. */
    static BulkRunner.Item deletion(Connection c, Project p, String name) {
        var api = c.client().jwks().orElseThrow();
        return new BulkRunner.Item(Change.of("Delete JWK", p.name() + " / " + name)
                .checking(new CheckTarget("jwk", p.name(), p.id(), name, null, true, false, Map.of(), Map.of())),
                () -> api.deleteJwk(p, name),
                () -> OutcomeCheck.deletion(api.listJwks(p).stream().anyMatch(j -> j.name().equals(name)),
                        "JWK \u201C" + name + "\u201D"));
    }

    BulkRunner.Plan plan(Connection c, Project p, List<String> names) {
        return BulkRunner.Plan.of(c, p, "Delete " + names.size() + " JWKs", p.name() + " / " + names.size() + " JWKs",
                "Deleting JWKs", "Delete JWK", names.stream().map(n -> deletion(c, p, n)).toList());
    }

    CompletableFuture<BulkRunner.Summary> start(BulkRunner.Plan plan) throws Exception {
        CompletableFuture<BulkRunner.Summary> done = new CompletableFuture<>();
        assertTrue(onUi(() -> runner.bulk().start(plan, done::complete)), "the run started: " + handler.notices);
        return done;
    }

    void waitUntil(String what, BooleanSupplier condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!onUi(condition::getAsBoolean)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(10);
        }
    }

    List<ResultEntry> items(String bulkId) throws Exception {
        return onUi(() -> log.bulkItems(bulkId));
    }

    /** The journal once the run's own outcome is written (the last record a run writes). */
    List<ChangeHistory> journalled(String bulkId) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            List<ChangeHistory> h = journal.history();
            if (h.stream().anyMatch(x -> x.intent().changeId().equals(bulkId) && x.outcome() != null)) {
                return h;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the run's outcome was not journalled");
    }

    static Map<ResultEntry.Outcome, Long> byOutcome(List<ResultEntry> items) {
        return items.stream().collect(Collectors.groupingBy(ResultEntry::outcome, Collectors.counting()));
    }

    Set<String> stillOnServer(List<String> names) {
        Set<String> now = admin.listJwks(scale).stream().map(Jwk::name).collect(Collectors.toSet());
        return names.stream().filter(now::contains).collect(Collectors.toSet());
    }

    // ------------------------------------------------------------------ tests

    @Test
    void atMostFourCallsAreInFlightAtTheServerAndFourReallyAre() throws Exception {
        setUp();
        AtomicInteger now = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        AtomicInteger received = new AtomicInteger();
        AtomicInteger reads = new AtomicInteger();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                    if ("GET".equals(request.getMethod())) { // the open project's lists
                        reads.incrementAndGet();
                        return new MockResponse().setHeader("Content-Type", "application/json")
                                .setBody("{\"success\": true, \"resultList\": [], \"resultCount\": 0}");
                    }
                    received.incrementAndGet();
                    max.accumulateAndGet(now.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(150); // a slow server: the calls overlap if they can
                    } finally {
                        now.decrementAndGet();
                    }
                    return new MockResponse().setHeader("Content-Type", "application/json").setBody(DEPLOYED);
                }
            });
            server.start();
            Connection c = connect(server.url("/").uri(), "tok-bulk");
            onUi(() -> {
                workspace.open(Project.named("p"));
                return null;
            });
            waitUntil("the project's lists are loaded", () -> !workspace.loadingProperty().get());
            int lists = reads.get();
            assertEquals(4, lists, "environments, keys, JWKs, credentials");
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= 12; i++) {
                names.add("jwk-" + i);
            }
            BulkRunner.Summary s = start(plan(c, Project.named("p"), names)).get(30, TimeUnit.SECONDS);
            waitUntil("the lists are loaded again", () -> !workspace.loadingProperty().get());

            assertEquals(2 * lists, reads.get(), "the lists were read again once, not once per item");
            assertEquals(4, max.get(), "the server held this many calls at once");
            assertEquals(12, received.get());
            assertEquals(12, s.succeeded());
            assertEquals(BulkRun.State.FINISHED, s.state());
            assertEquals(12, items(s.bulkId()).size());
            assertFalse(onUi(runner::isRunning));
            assertEquals(13, journalled(s.bulkId()).size(), "the plan and the twelve items");
        }
    }

    @Test
    void aFailingEnvironmentAndALostAnswerEndAsDeploymentFailuresAndUnknownThenChecked() throws Exception {
        setUp();
        List<String> names = take(8);
        Connection c = connect(sandbox.baseUrl(), sandbox.adminToken());
        sandbox.faults().setLatencyMillis(30).setFailingEnvironment("staging").setCommitThenDropNext(1);

        BulkRunner.Summary s = start(plan(c, scale, names)).get(30, TimeUnit.SECONDS);

        assertEquals(7, s.deploymentFailures(), s.toString());
        assertEquals(1, s.unknown(), s.toString());
        assertEquals(8, s.total());
        assertEquals(Set.of(), stillOnServer(names), "every deletion happened");
        List<ResultEntry> items = items(s.bulkId());
        assertEquals(8, items.size());
        ResultEntry partial = items.stream().filter(e -> e.outcome()
                == ResultEntry.Outcome.COMPLETED_WITH_DEPLOYMENT_FAILURES).findFirst().orElseThrow();
        assertTrue(partial.environments().stream().anyMatch(r -> r.environment().equals("staging") && !r.success()),
                partial.environments().toString());
        waitUntil("the lost answer was checked", () -> log.bulkItems(s.bulkId()).stream()
                .anyMatch(e -> e.isUnknown() && !e.checked().isEmpty()));
        ResultEntry unknown = items(s.bulkId()).stream().filter(ResultEntry::isUnknown).findFirst().orElseThrow();
        assertEquals(ResultEntry.Outcome.UNKNOWN, unknown.outcome(), "unknown stays unknown, with what was found");
        assertEquals("it happened", unknown.checked());
        assertEquals("7 completed with deployment failures, 1 unknown", onUi(() -> log.bulkSummary(s.bulkId())));

        // The journal: the plan, and one intent and one outcome per item, each carrying the run's id.
        List<ChangeHistory> h = journalled(s.bulkId());
        List<ChangeHistory> itemsJournalled = h.stream().filter(x -> s.bulkId().equals(x.intent().parameters()
                .get(BulkRunner.BULK)) && !BulkRunner.isPlan(x.intent())).toList();
        assertEquals(8, itemsJournalled.size());
        itemsJournalled.forEach(x -> assertNotNull(x.outcome(), x.intent().target() + " has no outcome"));
        assertEquals(Set.of("1", "2", "3", "4", "5", "6", "7", "8"), itemsJournalled.stream()
                .map(x -> x.intent().parameters().get(BulkRunner.ITEM)).collect(Collectors.toSet()));
        waitUntil("the check is journalled", () -> {
            try {
                return journal.history().stream().anyMatch(x -> !x.checks().isEmpty());
            } catch (Exception e) {
                return false;
            }
        });
        ChangeHistory plan = h.stream().filter(x -> BulkRunner.isPlan(x.intent())).findFirst().orElseThrow();
        assertEquals("FINISHED", plan.outcome().outcome());
        assertTrue(journal.verify().ok(), journal.verify().summary());
    }

    @Test
    void cancellingSendsNothingMoreAndTheRestEndsNotSentInThePanelAndAfterARestart() throws Exception {
        setUp();
        List<String> names = take(12);
        Connection c = connect(sandbox.baseUrl(), sandbox.adminToken());
        sandbox.faults().setLatencyMillis(250);
        CompletableFuture<BulkRunner.Summary> done = start(plan(c, scale, names));
        assertTrue(onUi(() -> runner.bulk().progressProperty().get().startsWith("Deleting JWKs: ")));
        // While it runs, no other change and no second run.
        assertFalse(onUi(() -> runner.run(c, scale, "Delete JWK", "x", () -> {
            throw new AssertionError("sent alongside a bulk run");
        }, OutcomeCheck.unchecked(), r -> { }, e -> { })));
        assertFalse(onUi(() -> runner.bulk().start(plan(c, scale, List.of("jwk-x")))));

        waitUntil("the first items have ended", () -> log.bulkItems(log.bulks().keySet().iterator().next()).size() >= 1);
        onUi(() -> {
            runner.bulk().cancel();
            return null;
        });
        BulkRunner.Summary s = done.get(30, TimeUnit.SECONDS);

        assertEquals(BulkRun.State.CANCELLED, s.state());
        int sent = s.succeeded() + s.deploymentFailures() + s.failed() + s.unknown();
        assertEquals(12, sent + s.notSent(), "every item ends exactly once: " + s);
        assertTrue(s.notSent() >= 1 && sent >= 1, s.toString());
        assertEquals(s.notSent(), stillOnServer(names).size(), "what was not sent is still there; the rest is gone");
        List<ResultEntry> items = items(s.bulkId());
        assertEquals(12, items.size());
        assertEquals((long) s.notSent(), byOutcome(items).get(ResultEntry.Outcome.NOT_SENT));
        items.stream().filter(e -> e.outcome() == ResultEntry.Outcome.NOT_SENT).forEach(e -> {
            assertTrue(stillOnServer(names).contains(e.target().substring(e.target().lastIndexOf(" / ") + 3)), e.target());
            assertTrue(e.message().startsWith("Not sent: the run was cancelled"), e.message());
            assertNull(e.changeId(), "a not-sent item has no change of its own in the journal");
        });
        assertEquals(BulkRun.State.CANCELLED, onUi(() -> log.bulk(s.bulkId()).orElseThrow().state()));

        // Journalled: one intent and one outcome per sent item, none for the others, and the run's end names them.
        List<ChangeHistory> h = journalled(s.bulkId());
        List<ChangeHistory> sentItems = h.stream().filter(x -> s.bulkId().equals(x.intent().parameters()
                .get(BulkRunner.BULK)) && !BulkRunner.isPlan(x.intent())).toList();
        assertEquals(sent, sentItems.size());
        sentItems.forEach(x -> assertNotNull(x.outcome()));
        ChangeHistory plan = h.stream().filter(x -> BulkRunner.isPlan(x.intent())).findFirst().orElseThrow();
        assertEquals("CANCELLED", plan.outcome().outcome());
        assertEquals(s.notSent(), plan.outcome().serverMessages().size(), plan.outcome().serverMessages().toString());

        // After a restart the group comes back whole, the items never sent included.
        ResultLog restored = new ResultLog(Clock.systemUTC());
        restored.restore(journal.history());
        List<ResultEntry> again = restored.bulkItems(s.bulkId());
        assertEquals(12, again.size());
        assertEquals(byOutcome(items), byOutcome(again));
        assertEquals(BulkRun.State.CANCELLED, restored.bulk(s.bulkId()).orElseThrow().state());
        assertEquals("Delete 12 JWKs", restored.bulk(s.bulkId()).orElseThrow().action());
    }

    @Test
    void aForbiddenAnswerMidRunStopsTheRestAndTheConnectionTurnsReadOnly() throws Exception {
        setUp();
        AtomicInteger received = new AtomicInteger();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                    int n = received.incrementAndGet();
                    Thread.sleep(40);
                    if (n <= 3) {
                        return new MockResponse().setHeader("Content-Type", "application/json").setBody(DEPLOYED);
                    }
                    // The admin's rights were taken away part way through.
                    return new MockResponse().setResponseCode(403).setHeader("Content-Type", "application/json")
                            .setBody("{\"error\":\"forbidden\",\"error_description\":\"You do not have permission to "
                                    + "perform this action\"}");
                }
            });
            server.start();
            Connection c = connect(server.url("/").uri(), "tok-bulk");
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= 16; i++) {
                names.add("jwk-" + i);
            }
            BulkRunner.Summary s = start(plan(c, Project.named("p"), names)).get(30, TimeUnit.SECONDS);

            assertEquals(BulkRun.State.STOPPED, s.state());
            assertEquals(3, s.succeeded());
            assertEquals(received.get(), s.succeeded() + s.failed(), "every call the server saw is recorded");
            assertTrue(s.failed() >= 1 && s.failed() <= 4, "only calls already in flight got the 403 too: " + s);
            assertEquals(16 - received.get(), s.notSent(), s.toString());
            assertTrue(s.notSent() >= 16 - 3 - 4, s.toString());
            assertTrue(onUi(workspace::isReadOnly), "the connection is read-only now");
            assertTrue(items(s.bulkId()).stream().filter(e -> e.outcome() == ResultEntry.Outcome.NOT_SENT)
                    .allMatch(e -> e.message().contains("HTTP 403")));
            assertTrue(s.note().contains("HTTP 403"), s.note());
            assertEquals(1 + received.get(), journalled(s.bulkId()).size(), "the plan and each item sent");
        }
    }

    @Test
    void anotherConnectionMidRunSendsNothingMoreThroughTheOldOne() throws Exception {
        setUp();
        List<String> names = take(10);
        Connection c = connect(sandbox.baseUrl(), sandbox.adminToken());
        sandbox.faults().setLatencyMillis(200);
        CompletableFuture<BulkRunner.Summary> done = start(plan(c, scale, names));
        Thread.sleep(50); // the first four are on their way
        connect(sandbox.baseUrl(), sandbox.adminToken()); // the admin reconnects meanwhile
        BulkRunner.Summary s = done.get(30, TimeUnit.SECONDS);

        assertEquals(BulkRun.State.STOPPED, s.state());
        assertEquals(4, s.succeeded(), "the calls in flight finished: " + s);
        assertEquals(6, s.notSent());
        assertEquals(6, stillOnServer(names).size());
        assertTrue(s.note().startsWith("the console was connected to"), s.note());
        journalled(s.bulkId());
    }

    @Test
    void killedMidRunTheItemsNeverSentComeBackAsNotSent() throws Exception {
        setUp();
        // What the journal holds when Keyward is killed after sending two of five items, one still unanswered.
        Connection c = connect(URI.create("https://lab.example"), "tok");
        BulkRunner.Plan plan = plan(c, Project.named("p"), List.of("a", "b", "c", "d", "e"))
                .skipping(List.of(new BulkRunner.Skipped("p / f", "It no longer existed on the server.")));
        String id = Journal.newChangeId();
        journal.append(runner.intent(id, c, plan.project(), BulkRunner.planChange(plan, id)));
        for (int i = 0; i < 2; i++) {
            String changeId = Journal.newChangeId();
            journal.append(runner.intent(changeId, c, plan.project(), plan.items().get(i).change()
                    .withParameter(BulkRunner.BULK, id).withParameter(BulkRunner.ITEM, String.valueOf(i + 1))));
            if (i == 0) {
                journal.append(new io.keyward.journal.ChangeOutcome(changeId, null, "SUCCEEDED", "", List.of(),
                        List.of(), null, 20));
            }
        }
        ResultLog restored = new ResultLog(Clock.systemUTC());
        restored.restore(journal.history());

        List<ResultEntry> items = restored.bulkItems(id);
        assertEquals(6, items.size(), items.toString());
        Map<ResultEntry.Outcome, Long> counts = byOutcome(items);
        assertEquals(1, counts.get(ResultEntry.Outcome.SUCCEEDED));
        assertEquals(1, counts.get(ResultEntry.Outcome.INTERRUPTED), "sent, answer never came: unknown");
        assertEquals(4, counts.get(ResultEntry.Outcome.NOT_SENT));
        assertEquals(Set.of("p / c", "p / d", "p / e", "p / f"), items.stream()
                .filter(e -> e.outcome() == ResultEntry.Outcome.NOT_SENT).map(ResultEntry::target).collect(Collectors.toSet()));
        assertTrue(items.stream().filter(e -> e.target().equals("p / f")).allMatch(e -> e.message()
                .equals("It no longer existed on the server.")));
        assertEquals(BulkRun.State.INTERRUPTED, restored.bulk(id).orElseThrow().state());
        assertEquals("1 succeeded, 1 unknown, 4 not sent", restored.bulkSummary(id));
    }

    static final String DEPLOYED = """
            {"success": true, "deploymentResult": {"success": true, "message": "Undeployment completed successfully",
              "environmentResults": [
                {"environmentName": "production", "success": true, "message": "Undeployed"},
                {"environmentName": "staging", "success": true, "message": "Undeployed"}]}}""";
}
