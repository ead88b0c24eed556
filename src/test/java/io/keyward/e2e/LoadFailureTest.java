package io.keyward.e2e;

import io.keyward.app.AppContext;
import io.keyward.gateway.ampersand.AmpersandClient;
import io.keyward.gateway.apinizer.ApinizerClient;
import io.keyward.model.Credential;
import io.keyward.model.CryptoKey;
import io.keyward.model.Jwk;
import io.keyward.model.JwtKey;
import io.keyward.model.Project;
import io.keyward.session.ListState;
import io.keyward.session.ResourceList;
import io.keyward.session.Workspace;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A list that fails to load is "failed", never empty: its last good rows stay, marked stale, the tab
 * title and the count say "?", the failure bar names the error and when the rows were loaded, and the
 * banner names the failure until a load succeeds. Against the sandbox's injected faults (HTTP 500s
 * and the proxy's HTML 502), on both backends.
 */
class LoadFailureTest extends ConsoleTest {

    static final String PAYMENTS = "payments";
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    @Start
    void start(Stage stage) {
        launch(stage);
    }

    Workspace workspace() {
        return ui.context.main().workspace();
    }

    ListState state(ResourceList<?> list) {
        return ConsoleDriver.fx(list::state);
    }

    /** One tab's list as the user sees it. */
    record Tab(String prefix, String tabId, String title, String plural, ResourceList<?> list) { }

    List<Tab> apinizerTabs() {
        Workspace w = workspace();
        return List.of(new Tab("keys", "#keys-tab", "Keys", "keys", w.keyList()),
                new Tab("jwks", "#jwks-tab", "JWKs", "JWKs", w.jwkList()),
                new Tab("credentials", "#credentials-tab", "Credentials", "credentials", w.credentialList()));
    }

    /** The rows a table shows, whatever their type, as text. */
    List<String> rows(String prefix) {
        TableView<Object> t = ui.table("#" + prefix + "-table");
        return ConsoleDriver.fx(() -> t.getItems().stream().map(Object::toString).toList());
    }

    String failureText(String prefix) {
        return ui.text("#" + prefix + "-failure");
    }

    /** The tab shows a list whose load failed, with the rows it had: stale, "?", the error and the time. */
    void assertStale(Tab tab, List<String> rowsBefore, Instant loadedAt, String error) {
        ui.selectTab(tab.tabId()); // what an unselected tab shows is not on screen
        assertEquals(ListState.Status.FAILED, state(tab.list()).status(), tab.title() + " state");
        assertEquals(rowsBefore, rows(tab.prefix()), tab.title() + ": the last good rows are kept");
        assertTrue(ui.hasStyle("#" + tab.prefix() + "-table", "stale"), tab.title() + " table is styled stale");
        assertEquals(tab.title() + " (?)", ui.tabTitle(tab.tabId()));
        assertEquals("? " + tab.plural() + " (" + rowsBefore.size() + " shown, stale)", ui.text("#" + tab.prefix() + "-count"));
        String failure = failureText(tab.prefix());
        assertTrue(ui.visible("#" + tab.prefix() + "-failure"), tab.title() + " failure bar is shown");
        assertTrue(ui.visible("#" + tab.prefix() + "-retry"), tab.title() + " Retry is shown");
        assertEquals("Retry", shownText("#" + tab.prefix() + "-retry"), tab.title() + ": Retry reads whole beside a long error");
        assertTrue(failure.startsWith("Could not load the " + tab.plural() + ": "), failure);
        assertTrue(failure.contains(error), "names the error " + error + ": " + failure);
        assertTrue(failure.contains("The rows below were loaded at " + TIME.format(loadedAt.atZone(ZoneId.systemDefault()))
                + " and may be out of date."), "says when the rows were loaded: " + failure);
    }

    /** What a button shows on screen: its text as the skin laid it out, "…" where it was cut. */
    String shownText(String query) {
        javafx.scene.control.Labeled button = ui.node(query, javafx.scene.control.Labeled.class);
        return ConsoleDriver.fx(() -> ((javafx.scene.text.Text) button.lookup(".text")).getText());
    }

    /** The tab shows a list that loaded: its rows are a fact, nothing stale, no failure bar. */
    void assertLoaded(Tab tab, int rows) {
        ui.selectTab(tab.tabId());
        assertEquals(ListState.Status.LOADED, state(tab.list()).status(), tab.title() + " state");
        assertFalse(ui.hasStyle("#" + tab.prefix() + "-table", "stale"), tab.title() + " table is not stale");
        assertEquals(tab.title() + " (" + rows + ")", ui.tabTitle(tab.tabId()));
        assertEquals(rows + " " + (rows == 1 ? tab.plural().substring(0, tab.plural().length() - 1) : tab.plural()),
                ui.text("#" + tab.prefix() + "-count"));
        assertEquals("", failureText(tab.prefix()));
        assertFalse(ui.visible("#" + tab.prefix() + "-failure"), tab.title() + " failure bar is hidden");
        assertFalse(ui.visible("#" + tab.prefix() + "-retry"), tab.title() + " Retry is hidden");
    }

    void waitUntilSettled(String what, java.util.concurrent.Callable<Boolean> condition) {
        ui.waitUntil(what, () -> condition.call() && !ui.context.main().busyProperty().get());
    }

    // ---------------------------------------------------------------- Apinizer

    @Test
    void aFailedRefreshKeepsEveryListsRowsStaleAndRetryBringsThemBackFresh() {
        ui.waitUntilLoaded();
        Instant started = Instant.now();
        List<Tab> tabs = apinizerTabs();
        List<List<String>> before = tabs.stream().map(t -> rows(t.prefix())).toList();
        tabs.forEach(t -> assertLoaded(t, rows(t.prefix()).size()));
        Instant loadedAt = state(workspace().keyList()).loadedAt();
        assertNotNull(loadedAt);
        List<String> projectsBefore = ConsoleDriver.fx(() -> ui.context.main().projects().projects().stream()
                .map(Project::name).toList());

        ui.context.sandbox().faults().setErrorRate(1.0);
        ui.pressF5();
        waitUntilSettled("every list's reload has failed", () -> tabs.stream().allMatch(t -> t.list().state().isFailed()));

        for (int i = 0; i < tabs.size(); i++) {
            assertStale(tabs.get(i), before.get(i), state(tabs.get(i).list()).loadedAt(), "(HTTP 500)");
            assertEquals(loadedAt, state(tabs.get(i).list()).loadedAt(), "the time of the last good load is kept");
        }
        assertTrue(ui.hasStyle("#environments", "stale"), "the environments are stale too");
        String banner = ui.text("#notification");
        assertTrue(banner.contains("HTTP 500"), "the banner names the failure: " + banner);
        assertTrue(ui.visible("#notification"), "the banner is shown");

        // The project listing failed too: its projects stay (stale) and the open project stays open.
        assertEquals(ListState.Status.FAILED, state(ui.context.main().projects().list()).status());
        assertEquals(projectsBefore, ConsoleDriver.fx(() -> ui.context.main().projects().projects().stream()
                .map(Project::name).toList()));
        assertTrue(ui.hasStyle("#projects", "stale"), "the projects list is styled stale");
        String projectsFailure = ui.text("#projects-failure");
        assertTrue(ui.visible("#projects-failure") && ui.visible("#projects-retry"), "projects failure bar and Retry");
        assertEquals("Retry", shownText("#projects-retry"), "the projects' Retry reads whole");
        assertTrue(projectsFailure.startsWith("Could not list the projects: ") && projectsFailure.contains("(HTTP 500)")
                && projectsFailure.contains("may be out of date"), projectsFailure);
        assertEquals("? projects", projectsCount());
        assertEquals(PAYMENTS, ui.openProjectName());
        assertEquals("Project: " + PAYMENTS, ui.text("#project-title"));
        ListView<?> projects = ui.robot.lookup("#projects").queryListView();
        assertEquals(PAYMENTS, ConsoleDriver.fx(() -> ((Project) projects.getSelectionModel().getSelectedItem()).name()),
                "the open project stays highlighted");

        // The server recovers; Retry on the failure bar loads the lists again.
        ui.context.sandbox().faults().reset();
        ui.selectTab("#keys-tab");
        ui.click("#keys-retry");
        waitUntilSettled("every list has loaded again", () -> tabs.stream().allMatch(t -> t.list().state().status()
                == ListState.Status.LOADED));
        ApinizerClient server = ui.directClient();
        Project payments = Project.named(PAYMENTS);
        assertEquals(names(server.listKeys(payments), CryptoKey::name), Set.copyOf(ui.<CryptoKey>column("#keys-table", CryptoKey::name)));
        assertEquals(names(server.listJwks(payments), Jwk::name), Set.copyOf(ui.<Jwk>column("#jwks-table", Jwk::name)));
        assertEquals(names(server.listCredentials(payments), Credential::username),
                Set.copyOf(ui.<Credential>column("#credentials-table", Credential::username)));
        for (Tab t : tabs) {
            assertLoaded(t, rows(t.prefix()).size());
            Instant fresh = state(t.list()).loadedAt();
            assertTrue(fresh.isAfter(loadedAt) && !fresh.isBefore(started), t.title() + " rows are fresh: " + fresh);
        }
        assertFalse(ui.hasStyle("#environments", "stale"));
        assertEquals("", ui.text("#notification"), "the banner of the failed load is gone");
        assertFalse(ui.visible("#notification"));

        // The projects' own Retry brings their list back too.
        ui.click("#projects-retry");
        waitUntilSettled("the projects are listed again", () -> ui.context.main().projects().list().state().status()
                == ListState.Status.LOADED);
        assertFalse(ui.hasStyle("#projects", "stale"));
        assertFalse(ui.visible("#projects-failure"));
        assertFalse(ui.visible("#projects-retry"));
        assertEquals(projectsBefore.size() + " projects", projectsCount());
        assertEquals(PAYMENTS, ui.openProjectName());
    }

    String projectsCount() {
        Label count = ConsoleDriver.fx(() -> (Label) ui.node("#projects", ListView.class).getParent()
                .lookupAll(".count").iterator().next());
        return ConsoleDriver.fx(count::getText);
    }

    @Test
    void switchingProjectWhileLoadsFailNeverShowsTheFirstProjectsRows() {
        ui.waitUntilLoaded();
        String second = "Partner Gateway";
        ApinizerClient server = ui.directClient();
        Set<String> fromFirst = new HashSet<>();
        fromFirst.addAll(names(server.listKeys(Project.named(PAYMENTS)), CryptoKey::name));
        fromFirst.addAll(names(server.listJwks(Project.named(PAYMENTS)), Jwk::name));
        fromFirst.addAll(names(server.listCredentials(Project.named(PAYMENTS)), Credential::username));

        // Every row that lands in a table from now on, to catch the first project's rows showing briefly.
        List<String> shown = Collections.synchronizedList(new ArrayList<>());
        watch("#keys-table", (CryptoKey k) -> k.name(), shown);
        watch("#jwks-table", (Jwk j) -> j.name(), shown);
        watch("#credentials-table", (Credential c) -> c.username(), shown);

        ui.context.sandbox().faults().setErrorRate(1.0);
        ui.clickProject(second);
        waitUntilSettled("the second project's lists have failed", () -> second.equals(ui.openProjectName())
                && apinizerTabs().stream().allMatch(t -> t.list().state().isFailed()));

        assertEquals("Project: " + second, ui.text("#project-title"));
        for (Tab t : apinizerTabs()) {
            assertTrue(rows(t.prefix()).isEmpty(), t.title() + " shows rows under " + second + ": " + rows(t.prefix()));
            assertEquals(t.title() + " (?)", ui.tabTitle(t.tabId()));
            assertEquals("? " + t.plural(), ui.text("#" + t.prefix() + "-count"));
            String failure = failureText(t.prefix());
            assertTrue(failure.startsWith("Could not load the " + t.plural() + ": ") && failure.contains("(HTTP 500)"),
                    failure);
            assertFalse(failure.contains("rows below"), "no rows were ever loaded for " + second + ": " + failure);
            assertTrue(failure.contains(second), "the error names the project asked for: " + failure);
            assertEquals("The " + t.plural() + " could not be loaded (see above).", placeholder(t.prefix()));
        }
        ListView<?> environments = ui.robot.lookup("#environments").queryListView();
        assertTrue(ConsoleDriver.fx(() -> environments.getItems().isEmpty()), "no environments of " + PAYMENTS
                + " under " + second);
        synchronized (shown) {
            List<String> stale = shown.stream().filter(fromFirst::contains).toList();
            assertTrue(stale.isEmpty(), "rows of " + PAYMENTS + " were shown under " + second + ": " + stale);
        }

        // Once the server answers, the second project's rows arrive, and only they.
        ui.context.sandbox().faults().reset();
        ui.click("#keys-retry");
        waitUntilSettled("the second project's lists have loaded", () -> apinizerTabs().stream()
                .allMatch(t -> t.list().state().status() == ListState.Status.LOADED));
        assertEquals(names(server.listKeys(Project.named(second)), CryptoKey::name),
                Set.copyOf(ui.<CryptoKey>column("#keys-table", CryptoKey::name)));
        synchronized (shown) {
            assertTrue(shown.stream().noneMatch(fromFirst::contains), "rows of " + PAYMENTS + " were shown: " + shown);
        }
    }

    @Test
    void oneListFailingMarksOnlyThatListFailed() {
        ui.waitUntilLoaded();
        List<Tab> tabs = apinizerTabs();
        List<String> keysBefore = rows("keys");
        Instant loadedAt = state(workspace().keyList()).loadedAt();

        // Only the keys' calls fail, with a 500 (which no client retries); the other lists load.
        ui.context.sandbox().faults().setFailingPath("/keys/");
        ui.pressF5();
        waitUntilSettled("the reload has finished", () -> workspace().keyList().state().isFailed()
                && tabs.stream().filter(t -> !t.prefix().equals("keys"))
                .allMatch(t -> t.list().state().status() == ListState.Status.LOADED));
        ui.context.sandbox().faults().reset();

        assertStale(tabs.get(0), keysBefore, loadedAt, "HTTP 500");
        assertLoaded(tabs.get(1), rows("jwks").size());
        assertLoaded(tabs.get(2), rows("credentials").size());
        assertEquals(ListState.Status.LOADED, state(workspace().environmentList()).status());
        assertFalse(ui.hasStyle("#environments", "stale"));
        assertEquals(ListState.Status.LOADED, state(ui.context.main().projects().list()).status());
        assertFalse(ui.visible("#projects-failure"));
        String banner = ui.text("#notification");
        assertTrue(banner.contains("Loading keys of project") && banner.contains("HTTP 500"), banner);

        ui.selectTab("#keys-tab");
        ui.click("#keys-retry");
        waitUntilSettled("the keys have loaded", () -> workspace().keyList().state().status() == ListState.Status.LOADED);
        tabs.forEach(t -> assertLoaded(t, rows(t.prefix()).size()));
        assertEquals("", ui.text("#notification"));
    }

    @Test
    void aProxysOccasional502IsRetriedAndEveryListLoads() {
        ui.waitUntilLoaded();
        List<Tab> tabs = apinizerTabs();
        // F5 lists the projects (call 1), then environments (2), keys (3: the proxy's HTML 502, retried as
        // call 4), JWKs (5), credentials (6: another 502, retried as 7).
        ui.context.sandbox().faults().setBadGatewayEvery(3);
        ui.pressF5();
        waitUntilSettled("the reload has finished", () -> tabs.stream()
                .allMatch(t -> t.list().state().status() == ListState.Status.LOADED));
        ui.context.sandbox().faults().reset();
        tabs.forEach(t -> assertLoaded(t, rows(t.prefix()).size()));
        assertEquals("", ui.text("#notification"), "a retried 502 is nothing to report");
    }

    // ---------------------------------------------------------------- Ampersand

    @Test
    void ampersandJwtKeysStayStaleOnAFailedRefreshAndAnEmptyProjectSaysEmpty() {
        ui.waitUntilLoaded();
        ui.connectTo(AppContext.AMPERSAND_DEMO_PROFILE);
        ResourceList<JwtKey> list = workspace().jwtKeyList();
        waitUntilSettled("the JWT keys are shown", () -> list.state().status() == ListState.Status.LOADED
                && !list.items().isEmpty());
        Tab tab = new Tab("jwtkeys", "#jwtkeys-tab", "JWT keys", "JWT keys", list);
        List<String> before = rows("jwtkeys");
        assertLoaded(tab, before.size());
        Instant loadedAt = state(list).loadedAt();

        ui.context.sandbox().faults().setErrorRate(1.0);
        ui.pressF5();
        waitUntilSettled("the JWT keys' reload has failed", () -> list.state().isFailed());
        assertStale(tab, before, loadedAt, "(HTTP 500)");
        assertTrue(ui.text("#notification").contains("HTTP 500"), ui.text("#notification"));
        assertEquals("payments-prod", ui.openProjectName(), "the open project stays open");

        ui.context.sandbox().faults().reset();
        ui.click("#jwtkeys-retry");
        waitUntilSettled("the JWT keys have loaded", () -> list.state().status() == ListState.Status.LOADED);
        AmpersandClient server = ui.ampersandClient();
        Project paymentsProd = server.listProjects().stream().filter(p -> p.name().equals("payments-prod")).findFirst()
                .orElseThrow();
        assertEquals(names(server.listJwtKeys(paymentsProd, false), JwtKey::id),
                Set.copyOf(ui.<JwtKey>column("#jwtkeys-table", JwtKey::id)));
        assertLoaded(tab, before.size());
        assertEquals("", ui.text("#notification"));

        // A project that truly has no JWT keys says so: empty is not failed.
        ui.clickProject("analytics-staging");
        waitUntilSettled("analytics-staging is loaded", () -> "analytics-staging".equals(ui.openProjectName())
                && list.state().status() == ListState.Status.LOADED);
        assertTrue(rows("jwtkeys").isEmpty());
        assertEquals("There are no JWT keys in this project.", placeholder("jwtkeys"));
        assertEquals("JWT keys (0)", ui.tabTitle("#jwtkeys-tab"));
        assertEquals("0 JWT keys", ui.text("#jwtkeys-count"));
        assertFalse(ui.hasStyle("#jwtkeys-table", "stale"));
        assertFalse(ui.visible("#jwtkeys-failure"));

        // The same empty project when its load fails is not "no keys".
        ui.context.sandbox().faults().setErrorRate(1.0);
        ui.pressF5();
        waitUntilSettled("the reload has failed", () -> list.state().isFailed());
        ui.context.sandbox().faults().reset();
        assertEquals("The JWT keys could not be loaded (see above).", placeholder("jwtkeys"));
        assertEquals("JWT keys (?)", ui.tabTitle("#jwtkeys-tab"));
        assertEquals("? JWT keys", ui.text("#jwtkeys-count"));
        assertTrue(ui.visible("#jwtkeys-failure"));
    }

    // ---------------------------------------------------------------- helpers

    String placeholder(String prefix) {
        TableView<?> t = ui.table("#" + prefix + "-table");
        return ConsoleDriver.fx(() -> ((Label) t.getPlaceholder()).getText());
    }

    <T> void watch(String tableId, Function<T, String> name, List<String> sink) {
        TableView<T> table = ui.table(tableId);
        ui.interact(() -> table.getItems().addListener((ListChangeListener<T>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(item -> sink.add(name.apply(item)));
            }
        }));
    }

    static <T> Set<String> names(List<T> items, Function<T, String> name) {
        return items.stream().map(name).collect(Collectors.toCollection(HashSet::new));
    }
}
