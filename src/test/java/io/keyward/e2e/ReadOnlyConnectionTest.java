package io.keyward.e2e;

import io.keyward.app.AppContext;
import io.keyward.model.Credential;
import io.keyward.model.CryptoKey;
import io.keyward.model.Jwk;
import io.keyward.model.Project;
import io.keyward.session.ResultEntry;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Control;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A read-only connection says so: the server's 403 on a change is a readable banner, the toolbar shows
 * "read-only" with the reason, every changing action is disabled with the reason as its tooltip, and
 * nothing more is sent; Refresh or reconnecting with other credentials lifts it.
 */
class ReadOnlyConnectionTest extends ConsoleTest {

    static final String PAYMENTS = "payments";
    static final String PROFILE = "Auditor (read-only)";
    /** Where JavaFX keeps the tooltip {@link Tooltip#install} put on a node that is not a control. */
    static final String TOOLTIP_KEY = "javafx.scene.control.Tooltip";

    @Start
    void start(Stage stage) {
        launch(stage);
    }

    /** Connections → New → a profile with the sandbox's read-only token → Connect. */
    void connectReadOnly() {
        ui.click("#connections");
        DialogPane connections = ui.dialog("#connections-dialog");
        Button add = ConsoleDriver.fx(() -> connections.lookupAll(".button").stream()
                .filter(n -> n instanceof Button b && "New".equals(b.getText())).map(n -> (Button) n).findFirst()
                .orElseThrow(() -> new AssertionError("no New button")));
        ui.click(add);
        ui.typeInto(ui.inDialog(connections, "#profile-name", TextField.class), PROFILE);
        ui.typeInto(ui.inDialog(connections, "#profile-url", TextField.class), ui.context.sandbox().baseUrl().toString());
        ui.typeInto(ui.inDialog(connections, "#profile-secret", PasswordField.class), ui.context.sandbox().readOnlyToken());
        ui.click(ui.dialogButton(connections, "Connect"));
        ui.waitUntilClosed("#connections-dialog");
        ui.waitUntil("connected read-only", () -> ui.context.main().activeProperty().get() != null
                && PROFILE.equals(ui.context.main().activeProperty().get().name())
                && PAYMENTS.equals(ui.openProjectName()) && !ui.context.main().workspace().keys().isEmpty());
        ui.waitUntilIdle();
    }

    String readOnlyReason() {
        return ConsoleDriver.fx(() -> ui.context.main().workspace().readOnlyProperty().get());
    }

    /** The wrapper that carries a disabled action's tooltip (a disabled control shows none of its own). */
    Node wrapper(String actionId) {
        Node action = ui.node(actionId, Node.class);
        return ConsoleDriver.fx(action::getParent);
    }

    String wrapperTooltip(String actionId) {
        Node w = wrapper(actionId);
        return ConsoleDriver.fx(() -> w.getProperties().get(TOOLTIP_KEY) instanceof Tooltip t ? t.getText() : null);
    }

    boolean disabled(String id) {
        Node n = ui.node(id, Node.class);
        return ConsoleDriver.fx(n::isDisabled);
    }

    /**
     * Opens the selected row's context menu and returns the texts of its disabled and enabled items.
     * Headless Monocle turns neither a right-click nor Shift+F10 into a context-menu request, so the
     * request the platform would deliver is fired at the focused table.
     */
    Map<Boolean, List<String>> contextMenu(String tableId, String firstColumnText) {
        TableView<?> t = ui.table(tableId);
        ui.waitUntil(firstColumnText + " is selected and " + tableId + " has the focus", () -> t.isFocused()
                && t.getSelectionModel().getSelectedIndex() >= 0
                && firstColumnText.equals(String.valueOf(t.getColumns().get(0).getCellData(t.getSelectionModel()
                .getSelectedIndex()))));
        ui.interact(() -> {
            var b = t.localToScreen(t.getBoundsInLocal());
            javafx.event.Event.fireEvent(t, new javafx.scene.input.ContextMenuEvent(
                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, 40, 40, b.getMinX() + 40,
                    b.getMinY() + 40, true, null));
        });
        ContextMenu menu = ConsoleDriver.fx(t::getContextMenu);
        ui.waitUntil("the context menu of " + tableId + " shows", menu::isShowing);
        Map<Boolean, List<String>> items = ConsoleDriver.fx(() -> menu.getItems().stream()
                .filter(i -> i.getText() != null)
                .collect(java.util.stream.Collectors.partitioningBy(MenuItem::isDisable,
                        java.util.stream.Collectors.mapping(MenuItem::getText, java.util.stream.Collectors.toList()))));
        ui.robot.type(KeyCode.ESCAPE);
        ui.waitUntil("the context menu closed", () -> !menu.isShowing());
        return items;
    }

    /** Every action that changes something, on every tab, is disabled with the reason as its tooltip. */
    void assertEveryChangeDisabled(String reason) {
        ui.selectTab("#keys-tab");
        ui.clickRow("#keys-table", CryptoKey::name, "token-encryption-ec");
        assertDisabledWithReason("#delete-key", reason);
        assertChangingItemsDisabled("#keys-table", "token-encryption-ec", List.of("Delete key\u2026"));

        ui.selectTab("#jwks-tab");
        ui.clickRow("#jwks-table", Jwk::name, "rollout 10% canary");
        assertDisabledWithReason("#edit-jwk", reason);
        assertDisabledWithReason("#delete-jwk", reason);
        assertChangingItemsDisabled("#jwks-table", "rollout 10% canary", List.of("Rename / describe\u2026", "Delete JWK\u2026"));

        ui.selectTab("#credentials-tab");
        ui.clickRow("#credentials-table", Credential::username, "checkout-service");
        assertDisabledWithReason("#validation-menu", reason);
        assertDisabledWithReason("#encryption-menu", reason);
        assertChangingItemsDisabled("#credentials-table", "checkout-service", List.of("Set validation JWK\u2026",
                "Remove validation JWK\u2026", "Set encryption JWK\u2026", "Remove encryption JWK\u2026"));
        ui.selectTab("#keys-tab");
    }

    void assertDisabledWithReason(String actionId, String reason) {
        assertTrue(disabled(actionId), actionId + " is disabled on a read-only connection");
        assertTrue(ConsoleDriver.fx(() -> wrapper(actionId).getStyleClass().contains("action-wrapper")), actionId + " wrapper");
        assertEquals("Not available: " + reason, wrapperTooltip(actionId), actionId + " tooltip");
    }

    void assertChangingItemsDisabled(String tableId, String row, List<String> changing) {
        Map<Boolean, List<String>> items = contextMenu(tableId, row);
        for (String item : changing) {
            assertTrue(items.get(true).contains(item), tableId + " context menu: \u201C" + item + "\u201D is disabled; "
                    + "enabled: " + items.get(false));
        }
        assertTrue(items.get(false).contains("Copy row\tCtrl+C"), "copying is still possible: " + items);
    }

    void assertEveryChangeEnabled() {
        ui.selectTab("#keys-tab");
        ui.clickRow("#keys-table", CryptoKey::name, "token-encryption-ec");
        assertFalse(disabled("#delete-key"));
        assertNull(wrapperTooltip("#delete-key"), "no reason shown once changes are possible");
        ui.selectTab("#jwks-tab");
        ui.clickRow("#jwks-table", Jwk::name, "rollout 10% canary");
        assertFalse(disabled("#edit-jwk"));
        assertFalse(disabled("#delete-jwk"));
        assertNull(wrapperTooltip("#delete-jwk"));
        ui.selectTab("#credentials-tab");
        ui.clickRow("#credentials-table", Credential::username, "checkout-service");
        assertFalse(disabled("#validation-menu"));
        assertFalse(disabled("#encryption-menu"));
        assertNull(wrapperTooltip("#validation-menu"));
        ui.selectTab("#keys-tab");
    }

    void deleteKey(String key) {
        ui.selectTab("#keys-tab");
        ui.clickRow("#keys-table", CryptoKey::name, key);
        ui.click("#delete-key");
        DialogPane dialog = ui.dialog("#delete-key-dialog");
        ui.typeInto(ui.inDialog(dialog, "#confirm-name", TextField.class), key);
        ui.click(ui.dialogButton(dialog, "Delete key"));
        ui.waitUntilClosed("#delete-key-dialog");
    }

    boolean onServer(String key) {
        return ui.directClient().listKeys(Project.named(PAYMENTS)).stream().anyMatch(k -> k.name().equals(key));
    }

    @Test
    void a403MakesTheConnectionReadOnlyVisiblyAndRefreshOrReconnectingLiftsIt() {
        ui.waitUntilLoaded();
        connectReadOnly();
        assertFalse(ui.visible("#read-only"), "nothing is known to be read-only yet");
        assertEveryChangeEnabled();

        // The first change: the server refuses it with 403.
        String key = "webhook-ed25519";
        deleteKey(key);
        ui.waitUntil("the refusal is recorded", () -> !ui.resultEntries().isEmpty()
                && !ui.context.main().mutations().isRunning());
        ui.waitUntilIdle();
        ResultEntry entry = ui.resultEntries().get(0).getValue().entry();
        assertEquals(ResultEntry.Outcome.FAILED, entry.outcome());
        assertTrue(entry.message().contains("HTTP 403"), entry.message());
        assertTrue(entry.connection().startsWith(PROFILE), entry.connection());
        assertTrue(onServer(key), "the key is still there");

        // A readable banner, not only a results row.
        String banner = ui.text("#notification");
        assertTrue(ui.visible("#notification"), "the banner is shown");
        assertTrue(banner.startsWith("Deleting key \u201C" + key + "\u201D in project \u201C" + PAYMENTS + "\u201D failed: "), banner);
        assertTrue(banner.contains("(HTTP 403)"), banner);
        assertFalse(banner.contains(ui.context.sandbox().readOnlyToken()), "no token in the banner");

        // The toolbar says read-only, and its tooltip says why.
        ui.waitUntil("the toolbar says read-only", () -> ui.visible("#read-only"));
        Label readOnly = ui.node("#read-only", Label.class);
        String reason = readOnlyReason();
        assertEquals("read-only", ConsoleDriver.fx(readOnly::getText));
        Tooltip why = ConsoleDriver.fx(readOnly::getTooltip);
        assertNotNull(why, "the read-only label has a tooltip");
        assertEquals(reason, ConsoleDriver.fx(why::getText));
        assertTrue(reason.contains("refused \u201CDelete key (keep derived JWKs)\u201D (HTTP 403)"), reason);
        assertTrue(reason.contains("cannot make changes"), reason);
        assertTrue(reason.contains("refresh"), "says how to try again: " + reason);
        assertTooltipShowsOnHover(readOnly, reason);

        assertEveryChangeDisabled(reason);

        // A second attempt, the Delete key on the focused row, sends nothing: not even the fresh read a
        // confirmation starts with, and no dialog opens.
        List<Boolean> busy = watchBusy();
        int entries = ui.resultEntries().size();
        ui.clickRow("#keys-table", CryptoKey::name, key);
        ui.robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.sleep(700, TimeUnit.MILLISECONDS); // a dialog or a load would have started by now
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(ui.isShowing("#delete-key-dialog"), "no confirmation for a change the server refuses");
        assertTrue(busy.isEmpty(), "nothing was loaded or sent: " + busy);
        assertEquals(entries, ui.resultEntries().size());
        assertTrue(onServer(key));

        // Even if a path the UI missed asked for the change, the runner refuses it and says why.
        ui.interact(() -> ui.context.main().keys().deleteSelected());
        DialogPane dialog = ui.dialog("#delete-key-dialog");
        ui.typeInto(ui.inDialog(dialog, "#confirm-name", TextField.class), key);
        busy.clear();
        ui.click(ui.dialogButton(dialog, "Delete key"));
        ui.waitUntilClosed("#delete-key-dialog");
        ui.waitUntilIdle();
        assertTrue(busy.isEmpty(), "the refused change started nothing: " + busy);
        String notice = ui.text("#notification");
        assertTrue(notice.startsWith("\u201CDelete key (keep derived JWKs)\u201D was not sent: "), notice);
        assertTrue(notice.contains("HTTP 403"), notice);
        assertEquals(entries, ui.resultEntries().size(), "no result claims a change");
        assertTrue(onServer(key));

        // Refresh lifts it (the admin may have been granted rights meanwhile) ...
        ui.pressF5();
        ui.waitUntil("read-only is cleared", () -> !ui.visible("#read-only"));
        ui.waitUntilIdle();
        assertEquals("", readOnlyReason());
        assertEveryChangeEnabled();

        // ... and the next 403 sets it again.
        ui.selectTab("#jwks-tab");
        String jwk = "rollout 10% canary";
        ui.clickRow("#jwks-table", Jwk::name, jwk);
        ui.click("#delete-jwk");
        DialogPane deleteJwk = ui.dialog("#delete-jwk-dialog");
        ui.typeInto(ui.inDialog(deleteJwk, "#confirm-name", TextField.class), jwk);
        ui.click(ui.dialogButton(deleteJwk, "Delete JWK"));
        ui.waitUntilClosed("#delete-jwk-dialog");
        ui.waitUntil("read-only again", () -> ui.visible("#read-only"));
        ui.waitUntilIdle();
        assertTrue(readOnlyReason().contains("refused \u201CDelete JWK\u201D (HTTP 403)"), readOnlyReason());
        assertTrue(ui.text("#notification").contains("HTTP 403"), ui.text("#notification"));
        assertEveryChangeDisabled(readOnlyReason());

        // Reconnecting with the admin token lifts it too, and changes go through again.
        ui.connectTo(AppContext.DEMO_PROFILE);
        assertFalse(ui.visible("#read-only"));
        assertEquals("", readOnlyReason());
        assertEveryChangeEnabled();
        deleteKey(key);
        ui.waitUntil("the deletion is recorded", () -> ui.resultEntries().get(0).getValue().entry().outcome()
                == ResultEntry.Outcome.SUCCEEDED);
        ui.waitUntilIdle();
        assertFalse(onServer(key), "the admin's delete went through");
        assertFalse(ui.visible("#read-only"));
    }

    /** Records every time the console turns busy (a load or a change started) from now on. */
    List<Boolean> watchBusy() {
        List<Boolean> seen = Collections.synchronizedList(new ArrayList<>());
        ui.interact(() -> ui.context.main().busyProperty().addListener((o, was, now) -> {
            if (now) {
                seen.add(Boolean.TRUE);
            }
        }));
        return seen;
    }

    /** Hovering the control shows its tooltip with that text, as the admin would see it. */
    void assertTooltipShowsOnHover(Control control, String text) {
        ui.robot.moveTo(control);
        ui.waitUntil("the tooltip shows", () -> Window.getWindows().stream()
                .anyMatch(w -> w instanceof Tooltip t && t.isShowing() && text.equals(t.getText())));
        ui.robot.moveTo(ui.node("#project-title", Node.class));
    }
}
