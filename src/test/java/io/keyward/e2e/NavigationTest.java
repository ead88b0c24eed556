package io.keyward.e2e;

import io.keyward.model.Project;
import io.keyward.gateway.apinizer.ApinizerClient;
import io.keyward.model.Credential;
import io.keyward.model.CryptoKey;
import io.keyward.model.Jwk;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Filtering, keyboard navigation and switching projects while a load is slow. */
class NavigationTest extends ConsoleTest {

    @Start
    void start(Stage stage) {
        launch(stage);
    }

    @Test
    void filterAsYouTypeNarrowsTheTableAndCountsTheRows() {
        ui.waitUntilLoaded();
        int all = ui.<CryptoKey>column("#keys-table", CryptoKey::name).size();
        assertEquals(all + " keys", ui.text("#keys-count"));

        TextField filter = ui.node("#keys-filter", TextField.class);
        ui.typeInto(filter, "ED25519"); // case-insensitive
        assertEquals(List.of("webhook-ed25519"), ui.<CryptoKey>column("#keys-table", CryptoKey::name));
        assertEquals("1 of " + all + " keys", ui.text("#keys-count"));

        ui.typeInto(filter, "staging"); // matches the Environments column too
        List<String> staging = ui.<CryptoKey>column("#keys-table", CryptoKey::name);
        assertEquals(Set.of("api-signing-2026", "token-encryption-ec", "webhook-ed25519"), Set.copyOf(staging));
        assertEquals("3 of " + all + " keys", ui.text("#keys-count"));

        ui.typeInto(filter, "no such key");
        assertTrue(ui.<CryptoKey>column("#keys-table", CryptoKey::name).isEmpty());
        assertEquals("0 of " + all + " keys", ui.text("#keys-count"));

        ui.typeInto(filter, "");
        assertEquals(all, ui.<CryptoKey>column("#keys-table", CryptoKey::name).size());
        assertEquals(all + " keys", ui.text("#keys-count"));
    }

    @Test
    void ctrlFFocusesTheCurrentTabsFilter() {
        ui.waitUntilLoaded();
        int keys = ui.<CryptoKey>column("#keys-table", CryptoKey::name).size();
        record TabCase(String tab, String table, String filter) { }
        for (TabCase c : List.of(new TabCase("#jwks-tab", "#jwks-table", "#jwks-filter"),
                new TabCase("#credentials-tab", "#credentials-table", "#credentials-filter"),
                new TabCase("#keys-tab", "#keys-table", "#keys-filter"))) {
            ui.selectTab(c.tab());
            ui.click(c.table()); // focus somewhere else first
            TextField filter = ui.node(c.filter(), TextField.class);
            assertFalse(ConsoleDriver.fx(filter::isFocused), c.filter() + " focused before Ctrl+F");
            ui.robot.push(KeyCode.CONTROL, KeyCode.F);
            ui.waitUntil(c.filter() + " has the focus", () -> filter.getScene().getFocusOwner() == filter);
        }
        // What is typed next goes into the filter.
        ui.type("legacy");
        assertEquals("1 of " + keys + " keys", ui.text("#keys-count"));
        assertSame(ui.node("#keys-filter", TextField.class), ConsoleDriver.fx(() -> ui.stage.getScene().getFocusOwner()));
    }

    @Test
    void clickingAColumnHeaderSortsTheFilteredRowsAndAThirdClickRestoresTheServersOrder() {
        ui.waitUntilLoaded();
        List<String> asSent = ui.<CryptoKey>column("#keys-table", CryptoKey::name);
        javafx.scene.Node nameHeader = ConsoleDriver.fx(() -> ui.table("#keys-table").lookupAll(".column-header")
                .stream().filter(n -> n instanceof javafx.scene.control.skin.TableColumnHeader h
                        && h.getTableColumn() != null && "Name".equals(h.getTableColumn().getText())).findFirst().orElseThrow());
        List<String> ascending = new ArrayList<>(asSent);
        ascending.sort(null);
        List<String> descending = new ArrayList<>(ascending);
        Collections.reverse(descending);
        assertFalse(asSent.equals(ascending) && asSent.equals(descending), "the demo keys must not already be sorted");

        ui.click(nameHeader);
        assertEquals(ascending, ui.<CryptoKey>column("#keys-table", CryptoKey::name));
        TextField filter = ui.node("#keys-filter", TextField.class);
        ui.typeInto(filter, "e"); // filtering keeps the sort
        assertEquals(ascending.stream().filter(n -> ui.context.main().workspace().keys().stream()
                        .filter(k -> k.name().equals(n)).findFirst().map(k -> matchesE(k)).orElse(false)).toList(),
                ui.<CryptoKey>column("#keys-table", CryptoKey::name));
        ui.typeInto(filter, "");

        ui.click(nameHeader);
        assertEquals(descending, ui.<CryptoKey>column("#keys-table", CryptoKey::name));
        ui.click(nameHeader);
        assertEquals(asSent, ui.<CryptoKey>column("#keys-table", CryptoKey::name), "unsorted: the server's order");
    }

    private static boolean matchesE(CryptoKey k) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(k.name(), k.description(), k.keyType()),
                        k.environmentNames().stream())
                .anyMatch(s -> s != null && s.toLowerCase(java.util.Locale.ROOT).contains("e"));
    }

    @Test
    void switchingProjectDuringASlowLoadShowsOnlyTheSecondProject() {
        ui.waitUntilLoaded();
        String first = "Partner Gateway";
        String second = "m\u00fc\u015fteri-portal\u0131";
        ApinizerClient server = ui.directClient();

        // Every row that lands in a table from now on, to catch stale rows that show only briefly.
        List<String> shown = Collections.synchronizedList(new ArrayList<>());
        record Watch<T>(String table, Function<T, String> name) { }
        for (Watch<?> w : List.of(new Watch<>("#keys-table", (CryptoKey k) -> k.name()),
                new Watch<>("#jwks-table", (Jwk j) -> j.name()),
                new Watch<>("#credentials-table", (Credential c) -> c.username()))) {
            watch(w.table(), w.name(), shown);
        }

        ui.context.sandbox().faults().setLatencyMillis(1500);
        ui.clickProject(first);
        ui.waitUntil("the first project's load is under way", () -> ui.context.main().workspace().loadingProperty().get()
                && first.equals(ui.openProjectName()));
        ui.clickProject(second);
        ui.waitUntil("the second project is open", () -> second.equals(ui.openProjectName()));
        ui.waitUntil("the second project's keys are shown", () ->
                !ui.context.main().workspace().loadingProperty().get()
                        && ui.<CryptoKey>table("#keys-table").getItems().stream().anyMatch(k -> k.name().equals("portal-imza")));
        ui.context.sandbox().faults().setLatencyMillis(0);
        ui.waitUntilIdle();

        assertEquals("Project: " + second, ui.text("#project-title"));
        Set<String> keys = names(server.listKeys(Project.named(second)), CryptoKey::name);
        Set<String> jwks = names(server.listJwks(Project.named(second)), Jwk::name);
        Set<String> credentials = names(server.listCredentials(Project.named(second)), Credential::username);
        assertEquals(keys, Set.copyOf(ui.<CryptoKey>column("#keys-table", CryptoKey::name)));
        assertEquals(jwks, Set.copyOf(ui.<Jwk>column("#jwks-table", Jwk::name)));
        assertEquals(credentials, Set.copyOf(ui.<Credential>column("#credentials-table", Credential::username)));

        Set<String> fromFirst = names(server.listKeys(Project.named(first)), CryptoKey::name);
        fromFirst.addAll(names(server.listJwks(Project.named(first)), Jwk::name));
        fromFirst.addAll(names(server.listCredentials(Project.named(first)), Credential::username));
        List<String> stale;
        synchronized (shown) {
            stale = shown.stream().filter(fromFirst::contains).toList();
        }
        assertTrue(stale.isEmpty(), "rows of " + first + " were shown: " + stale);
        assertFalse(shown.isEmpty(), "the watch saw the second project arrive");
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
        return items.stream().map(name).collect(Collectors.toCollection(java.util.HashSet::new));
    }
}
