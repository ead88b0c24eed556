package io.keyward.session;

import io.keyward.model.Jwk;
import io.keyward.model.Project;

import io.keyward.ui.ManualTaskExecutor;
import io.keyward.ui.SandboxFixture;
import io.keyward.ui.main.MainViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loads that are overtaken by a newer one must never land; the busy state must not stick. */
class WorkspaceTest {

    SandboxFixture fx;
    ManualTaskExecutor runner;
    final List<Throwable> failures = new ArrayList<>();
    Workspace ws;
    List<Project> projects;

    @BeforeEach
    void start() throws Exception {
        runner = new ManualTaskExecutor();
        fx = SandboxFixture.start(runner);
        ws = new Workspace(runner, (e, source) -> failures.add(e), java.time.Clock.systemUTC());
        ws.connect(new Connection(fx.profile(fx.sandbox.adminToken()), fx.admin()));
        projects = fx.admin().listProjects();
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    static List<String> names(List<Jwk> jwks) {
        return jwks.stream().map(Jwk::name).toList();
    }

    @Test
    void switchingProjectCancelsTheLoadStillUnderWay() {
        Project a = projects.get(0);
        Project b = projects.get(1);

        ws.open(a);
        ManualTaskExecutor.Task<?> loadA = runner.newest();
        assertTrue(ws.loadingProperty().get());
        ws.open(b);
        ManualTaskExecutor.Task<?> loadB = runner.newest();

        assertTrue(loadA.isCancelled(), "the old project's load is cancelled");
        assertFalse(loadB.isCancelled());
        assertTrue(ws.loadingProperty().get(), "still loading b");

        loadB.complete();
        assertFalse(ws.loadingProperty().get());
        assertEquals(names(fx.admin().listJwks(b)), names(ws.jwks()));

        loadA.complete(); // the slow answer for a arrives late
        assertEquals(0, loadA.callbacksFired());
        assertEquals(b, ws.project());
        assertEquals(names(fx.admin().listJwks(b)), names(ws.jwks()), "a's answer never lands");
        assertFalse(ws.loadingProperty().get());
        assertTrue(failures.isEmpty());
    }

    @Test
    void aStaleAnswerForTheSameProjectNeverOverwritesANewerOne() {
        Project a = projects.get(0);
        ws.open(a);
        ManualTaskExecutor.Task<?> first = runner.newest().fetch(); // answered, but not yet delivered
        String victim = fx.admin().listJwks(a).get(0).name();
        fx.admin().deleteJwk(a, victim);

        ws.reload();
        ManualTaskExecutor.Task<?> second = runner.newest();
        second.complete();
        assertFalse(names(ws.jwks()).contains(victim));

        first.deliver(); // it still names project a, so only cancellation keeps it out
        assertEquals(0, first.callbacksFired());
        assertFalse(names(ws.jwks()).contains(victim), "the stale snapshot must not bring the deleted JWK back");
        assertFalse(ws.loadingProperty().get());
    }

    @Test
    void aCancelledLoadThatFailsReportsNothing() {
        Project a = projects.get(0);
        Project b = projects.get(1);
        fx.faults().setErrorRate(1.0);
        ws.open(a);
        ManualTaskExecutor.Task<?> loadA = runner.newest().fetch();
        fx.faults().reset();

        ws.open(b);
        loadA.deliver();
        runner.newest().complete();

        assertTrue(failures.isEmpty(), "the failure belonged to a project no longer shown");
        assertEquals(names(fx.admin().listJwks(b)), names(ws.jwks()));
    }

    @Test
    void aFailingLoadKeepsTheLastGoodRowsMarkedStaleAndReportsOnce() {
        ws.open(projects.get(0));
        runner.runAll();
        List<String> keys = ws.keys().stream().map(k -> k.name()).toList();
        assertFalse(keys.isEmpty());
        ListState loaded = ws.keyList().state();
        assertEquals(ListState.Status.LOADED, loaded.status());

        fx.faults().setErrorRate(1.0);
        ws.reload();
        assertTrue(ws.keyList().state().isLoading());
        assertEquals(keys, ws.keys().stream().map(k -> k.name()).toList(), "a refresh does not empty the table");
        runner.runAll();

        assertEquals(1, failures.size(), "one banner for the load, however many lists failed");
        assertEquals(keys, ws.keys().stream().map(k -> k.name()).toList(), "never shown as empty");
        for (ResourceList<?> list : List.of(ws.environmentList(), ws.keyList(), ws.jwkList(), ws.credentialList())) {
            assertEquals(ListState.Status.FAILED, list.state().status());
            assertTrue(list.state().isStale());
            assertEquals(loaded.loadedAt(), list.state().loadedAt(), "says when the rows shown were loaded");
            assertTrue(list.state().error().contains("(HTTP 500)"), list.state().error());
        }
        assertFalse(ws.loadingProperty().get());

        fx.faults().reset();
        ws.reload();
        runner.runAll();
        assertEquals(ListState.Status.LOADED, ws.keyList().state().status());
    }

    @Test
    void closingTheProjectWhileLoadingClearsAndStopsLoading() {
        ws.open(projects.get(0));
        runner.runAll();
        ws.open(projects.get(1));
        ManualTaskExecutor.Task<?> pending = runner.newest();

        ws.open(null);

        assertTrue(pending.isCancelled());
        assertFalse(ws.loadingProperty().get());
        assertTrue(ws.keys().isEmpty() && ws.jwks().isEmpty());
        pending.complete();
        assertTrue(ws.keys().isEmpty(), "the cancelled load does not refill the tables");
    }

    @Test
    void switchingInTheProjectsListCancelsTheOldLoadAndTheWindowStopsBeingBusy() {
        fx.connect();
        runner.oldest().complete(); // the project list
        MainViewModel main = fx.main;
        Workspace live = main.workspace();
        Project first = main.projects().projects().get(0);
        assertEquals(first, live.project());
        ManualTaskExecutor.Task<?> slow = runner.newest();
        assertTrue(main.busyProperty().get());

        Project other = main.projects().projects().get(2);
        main.projects().selectedProperty().set(other);
        assertTrue(slow.isCancelled());
        runner.newest().complete();
        slow.complete();

        assertEquals(other, live.project());
        assertEquals(names(fx.admin().listJwks(other)), names(live.jwks()));
        assertFalse(live.loadingProperty().get());
        assertFalse(main.busyProperty().get());
        assertTrue(runner.pending().isEmpty());
    }

    @Test
    void switchingProjectEmptiesTheTablesAtOnceButARefreshKeepsThem() {
        Project a = projects.get(0);
        Project b = projects.get(1);
        ws.open(a);
        runner.newest().complete();
        assertFalse(ws.jwks().isEmpty());

        ws.reload(); // same project: the rows stay while the refresh runs (no flicker)
        assertFalse(ws.jwks().isEmpty());
        runner.newest().complete();

        ws.open(b); // another project: a's rows must not stand under b's title while b loads
        assertTrue(ws.loadingProperty().get());
        assertTrue(ws.keys().isEmpty() && ws.jwks().isEmpty() && ws.credentials().isEmpty()
                && ws.environments().isEmpty(), "a's rows are gone before b's answer arrives");
        runner.newest().complete();
        assertEquals(names(fx.admin().listJwks(b)), names(ws.jwks()));
    }
}
