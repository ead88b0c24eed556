package io.keyward.ui.projects;

import io.keyward.model.CryptoKey;
import io.keyward.model.Environment;
import io.keyward.model.Jwk;
import io.keyward.model.Project;
import io.keyward.ui.ManualTaskExecutor;
import io.keyward.ui.SandboxFixture;
import io.keyward.session.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProjectListViewModelTest {

    SandboxFixture fx;
    ProjectListViewModel vm;
    Workspace ws;

    @BeforeEach
    void start() throws Exception {
        fx = SandboxFixture.start();
        vm = fx.main.projects();
        ws = fx.workspace();
        fx.connect();
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    static List<String> names(List<?> items) {
        return items.stream().map(o -> o instanceof Project p ? p.name() : o instanceof CryptoKey k ? k.name()
                : ((Jwk) o).name()).toList();
    }

    @Test
    void loadListsTheProjectsAndOpensTheFirst() {
        List<String> names = names(vm.projects());
        assertTrue(names.size() >= 3, names.toString());
        assertTrue(names.containsAll(List.of("payments", "Partner Gateway", "müşteri-portalı")), names.toString());
        assertEquals(names(fx.admin().listProjects()), names, "the server's order");

        Project first = vm.projects().get(0);
        assertEquals(first, vm.selectedProperty().get());
        assertEquals(first.name(), ws.project().name());
        assertEquals(names(fx.admin().listKeys(Project.named(first.name()))), names(ws.keys()));
        assertEquals(names(fx.admin().listJwks(Project.named(first.name()))), names(ws.jwks()));
        assertEquals(fx.admin().listCredentials(Project.named(first.name())), List.copyOf(ws.credentials()));
        assertEquals(List.of("production", "staging", "test"), ws.environmentNames());
        assertFalse(vm.loadingProperty().get());
        assertFalse(ws.loadingProperty().get());
        assertFalse(fx.main.busyProperty().get());
        assertEquals(vm.projects().size() + " projects", vm.filter().countProperty().get());
    }

    @Test
    void filterAsYouTypeNarrowsTheListAndTheCount() {
        int all = vm.projects().size();

        vm.filter().textProperty().set("partner");
        assertEquals(List.of("Partner Gateway"), names(vm.filter().items()));
        assertEquals("1 of " + all + " projects", vm.filter().countProperty().get());

        vm.filter().textProperty().set("  MÜŞTERI ");
        assertEquals(List.of("müşteri-portalı"), names(vm.filter().items()),
                "non-ASCII names filter too, ignoring case and surrounding spaces");

        vm.filter().textProperty().set("checkout flow");
        assertEquals(List.of("payments"), names(vm.filter().items()), "descriptions are searched too");

        vm.filter().textProperty().set("no such project");
        assertTrue(vm.filter().items().isEmpty());
        assertEquals("0 of " + all + " projects", vm.filter().countProperty().get());

        vm.filter().textProperty().set("");
        assertEquals(all, vm.filter().items().size());
        assertEquals(all + " projects", vm.filter().countProperty().get());
    }

    @Test
    void aFilterHidingTheSelectionDoesNotCloseTheOpenProject() {
        String open = ws.project().name();
        List<String> keys = names(ws.keys());

        vm.filter().textProperty().set("müşteri");
        assertFalse(names(vm.filter().items()).contains(open));
        vm.selectedProperty().set(null); // what the table does when its selected row is filtered away

        assertEquals(open, ws.project().name());
        assertEquals(keys, names(ws.keys()));
        assertFalse(ws.jwks().isEmpty());
    }

    @Test
    void selectingAnotherProjectLoadsItsKeysJwksCredentialsAndEnvironments() {
        String before = ws.project().name();
        List<String> keysBefore = names(ws.keys());
        Project other = vm.projects().stream().filter(p -> !p.name().equals(before)).findFirst().orElseThrow();

        vm.selectedProperty().set(other);

        assertEquals(other.name(), ws.project().name());
        assertEquals(names(fx.admin().listKeys(Project.named(other.name()))), names(ws.keys()));
        assertFalse(names(ws.keys()).equals(keysBefore));
        assertEquals(names(fx.admin().listJwks(Project.named(other.name()))), names(ws.jwks()));
        assertEquals(fx.admin().listCredentials(Project.named(other.name())), List.copyOf(ws.credentials()));
        assertEquals(fx.admin().listEnvironments(Project.named(other.name())).stream().map(Environment::name).toList(),
                ws.environmentNames());
        String projectId = ws.keys().get(0).projectId();
        assertTrue(ws.keys().stream().allMatch(k -> k.projectId().equals(projectId)));
        assertTrue(ws.jwks().stream().allMatch(j -> j.projectId().equals(projectId)));
    }

    @Test
    void refreshKeepsTheOpenProject() {
        fx.open("müşteri-portalı");
        fx.main.refresh();
        assertEquals("müşteri-portalı", ws.project().name());
        assertEquals("müşteri-portalı", vm.selectedProperty().get().name());
        assertEquals(names(fx.admin().listKeys(Project.named("müşteri-portalı"))), names(ws.keys()));
    }

    @Test
    void refreshPicksUpServerChangesInTheOpenProject() {
        String project = ws.project().name();
        String victim = ws.jwks().get(0).name();
        fx.admin().deleteJwk(Project.named(project), victim);
        assertTrue(names(ws.jwks()).contains(victim), "not yet refreshed");

        fx.main.refresh();

        assertFalse(names(ws.jwks()).contains(victim));
    }

    @Test
    void aFailedListingKeepsTheProjectsMarkedStaleAndSaysWhy() {
        List<String> before = vm.projects().stream().map(Project::name).toList();
        String open = ws.project().name();
        fx.faults().setErrorRate(1.0);

        fx.main.refresh();

        assertEquals(before, vm.projects().stream().map(Project::name).toList(), "never shown as empty");
        assertTrue(vm.list().state().isStale());
        assertTrue(vm.list().state().error().endsWith("(HTTP 500)."), vm.list().state().error());
        assertEquals(open, ws.project().name(), "the open project stays open");
        assertEquals("Loading projects failed: An unexpected error occurred (HTTP 500).", vm.list().state().error());
        // The refresh still asked for the open project's lists: they fail too, keeping their rows, stale.
        assertTrue(ws.keyList().state().isStale(), "the keys are not shown as freshly loaded");
        assertFalse(ws.keys().isEmpty(), "never shown as empty");
        assertTrue(fx.main.notificationProperty().get().endsWith("failed: An unexpected error occurred (HTTP 500)."),
                fx.main.notificationProperty().get());
        assertFalse(vm.loadingProperty().get());
        assertTrue(fx.dialogs.reconnectOffers.isEmpty(), "a 500 is no reason to reconnect");

        fx.faults().reset();
        fx.main.refresh();
        assertFalse(vm.projects().isEmpty());
        assertEquals(io.keyward.session.ListState.Status.LOADED, vm.list().state().status());
        assertEquals(open, ws.project().name());
        assertEquals("", fx.main.notificationProperty().get(), "the banner cleared with the listing that succeeded");
    }

    @Test
    void aSecondLoadCancelsTheFirstAndLoadingEnds() throws Exception {
        fx.close();
        ManualTaskExecutor runner = new ManualTaskExecutor();
        fx = SandboxFixture.start(runner);
        vm = fx.main.projects();
        fx.connect();
        ManualTaskExecutor.Task<?> first = runner.newest();
        assertTrue(vm.loadingProperty().get());

        fx.main.refresh();
        ManualTaskExecutor.Task<?> second = runner.newest();
        assertTrue(first.isCancelled());
        assertTrue(vm.loadingProperty().get());

        second.complete();
        first.complete();
        assertEquals(0, first.callbacksFired());
        assertFalse(vm.loadingProperty().get());
        assertEquals(fx.admin().listProjects().size(), vm.projects().size());
        runner.runAll();
        assertEquals(vm.projects().get(0).name(), fx.workspace().project().name());
        assertFalse(fx.main.busyProperty().get());
    }
}
