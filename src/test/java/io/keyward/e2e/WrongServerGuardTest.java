package io.keyward.e2e;

import io.keyward.app.AppContext;
import io.keyward.gateway.ampersand.AmpersandClient;
import io.keyward.gateway.apinizer.ApinizerClient;
import io.keyward.model.Credential;
import io.keyward.model.CryptoKey;
import io.keyward.model.Jwk;
import io.keyward.model.JwtKey;
import io.keyward.model.Project;
import io.keyward.session.ConnectionProfile;
import io.keyward.session.ResultEntry;
import io.keyward.ui.results.ResultsView;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A change goes only to the server it was confirmed for: every confirmation names "connection ·
 * project" in its header, a confirmation opened before the console switched to another connection
 * sends nothing to either server and says why, and the results panel names where each change went.
 */
class WrongServerGuardTest extends ConsoleTest {

    static final String PAYMENTS = "payments";
    static final String PAYMENTS_PROD = "payments-prod";

    @Start
    void start(Stage stage) {
        launch(stage);
    }

    /** "Demo sandbox (Apinizer, http://127.0.0.1:…) · payments", built from the sandbox's own address. */
    String apinizerWhere(String project) {
        return AppContext.DEMO_PROFILE + " (Apinizer, " + ui.context.sandbox().baseUrl() + ") \u00B7 " + project;
    }

    String ampersandWhere(String project) {
        return AppContext.AMPERSAND_DEMO_PROFILE + " (" + ui.context.sandbox().ampersandBaseUrl() + ") \u00B7 " + project;
    }

    /** The dialog's header names the connection and project, visibly, under the question. */
    void assertWhere(DialogPane pane, String expected) {
        Label where = ui.inDialog(pane, "#where", Label.class);
        assertEquals(expected, ConsoleDriver.fx(where::getText), pane.getId());
        assertTrue(ConsoleDriver.fx(() -> isInside(where, pane.getHeader())), pane.getId() + ": #where is in the header");
        ui.waitUntil(pane.getId() + " shows #where", () -> ConsoleDriver.shown(where) && where.getHeight() > 0);
    }

    static boolean isInside(Node n, Node ancestor) {
        for (Node x = n; x != null; x = x.getParent()) {
            if (x == ancestor) {
                return true;
            }
        }
        return false;
    }

    void cancel(DialogPane pane) {
        String id = "#" + pane.getId();
        ui.click(ui.dialogButton(pane, "Cancel"));
        ui.waitUntilClosed(id);
        ui.waitUntilIdle();
    }

    ConnectionProfile profile(String name) {
        return ConsoleDriver.fx(() -> ui.context.main().profiles().stream().filter(p -> p.name().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no profile " + name)));
    }

    /**
     * Switches the console to {@code name} while a dialog is open, as a background reconnect would, and
     * waits until the new connection's first project is open.
     */
    void switchConnectionUnderTheDialog(String name) {
        ConnectionProfile p = profile(name);
        ui.interact(() -> ui.context.main().connect(p));
        ui.waitUntil("the console is connected to " + name, () -> name.equals(ui.context.main().activeProperty().get().name())
                && ui.context.main().workspace().project() != null
                && !ui.context.main().busyProperty().get());
    }

    static Project project(AmpersandClient server, String name) {
        return server.listProjects().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    // ---------------------------------------------------------------- where

    /** Clicks {@code button}, checks the dialog it opens names {@code where} in its header, cancels it. */
    private void assertHeaderNames(String button, String dialogId, String where) {
        ui.click(button);
        DialogPane dialog = ui.dialog(dialogId);
        assertWhere(dialog, where);
        cancel(dialog);
    }

    @Test
    void everyConfirmationNamesTheConnectionAndProjectInItsHeader() {
        ui.waitUntilLoaded();
        String where = apinizerWhere(PAYMENTS);

        ui.clickRow("#keys-table", CryptoKey::name, "api-signing-2026");
        assertHeaderNames("#delete-key", "#delete-key-dialog", where);

        ui.selectTab("#jwks-tab");
        ui.clickRow("#jwks-table", Jwk::name, "rollout 10% canary");
        assertHeaderNames("#delete-jwk", "#delete-jwk-dialog", where);
        assertHeaderNames("#edit-jwk", "#edit-jwk-dialog", where);

        ui.selectTab("#credentials-tab");
        ui.clickRow("#credentials-table", Credential::username, "checkout-service");
        ui.click("#validation-menu");
        assertHeaderNames("#remove-validation", "#remove-credential-jwk-dialog", where);
        ui.click("#encryption-menu");
        assertHeaderNames("#set-encryption", "#set-credential-jwk-dialog", where);

        // Another project: the header follows it.
        ui.clickProject("Partner Gateway");
        ui.waitUntil("Partner Gateway is open", () -> "Partner Gateway".equals(ui.openProjectName())
                && !ui.context.main().workspace().keys().isEmpty());
        ui.waitUntilIdle();
        ui.selectTab("#keys-tab");
        ui.clickRow("#keys-table", CryptoKey::name, "edge-ed25519");
        assertHeaderNames("#delete-key", "#delete-key-dialog", apinizerWhere("Partner Gateway"));

        // Ampersand.
        ui.connectTo(AppContext.AMPERSAND_DEMO_PROFILE);
        ui.waitUntil("the JWT keys are shown", () -> !ui.context.main().workspace().jwtKeys().isEmpty());
        ui.waitUntilIdle();
        String ampersand = ampersandWhere(PAYMENTS_PROD);
        ui.clickRow("#jwtkeys-table", JwtKey::label, "checkout-signing-2025");
        assertHeaderNames("#delete-jwt-key", "#delete-jwt-key-dialog", ampersand);
        assertHeaderNames("#toggle-jwt-key", "#deactivate-jwt-key-dialog", ampersand);
        assertHeaderNames("#rename-jwt-key", "#rename-jwt-key-dialog", ampersand);
        assertHeaderNames("#create-jwt-key", "#create-jwt-key-dialog", ampersand);

        assertTrue(ui.resultEntries().isEmpty(), "nothing was changed");
    }

    // ---------------------------------------------------------------- the guard

    @Test
    void aDeleteConfirmedAfterTheConsoleSwitchedConnectionSendsNothingAnywhere() {
        ui.waitUntilLoaded();
        String key = "api-signing-2026";
        ApinizerClient apinizer = ui.directClient();
        AmpersandClient ampersand = ui.ampersandClient();
        Set<String> keysBefore = names(apinizer.listKeys(Project.named(PAYMENTS)), CryptoKey::name);
        Set<String> jwksBefore = names(apinizer.listJwks(Project.named(PAYMENTS)), Jwk::name);
        Set<String> jwtKeysBefore = names(ampersand.listJwtKeys(project(ampersand, PAYMENTS_PROD), false), JwtKey::id);

        // The confirmation comes from a fresh load of connection A (the Apinizer demo).
        ui.clickRow("#keys-table", CryptoKey::name, key);
        ui.click("#delete-key");
        DialogPane dialog = ui.dialog("#delete-key-dialog");
        assertWhere(dialog, apinizerWhere(PAYMENTS));
        ui.click(ui.inDialog(dialog, "#action-delete", javafx.scene.control.RadioButton.class));
        ui.typeInto(ui.inDialog(dialog, "#confirm-name", TextField.class), key);

        // Meanwhile the console is switched to connection B (the Ampersand demo), the dialog still open.
        switchConnectionUnderTheDialog(AppContext.AMPERSAND_DEMO_PROFILE);
        assertTrue(ui.isShowing("#delete-key-dialog"), "the confirmation is still open");

        ui.click(ui.dialogButton(dialog, "Delete key"));
        ui.waitUntilClosed("#delete-key-dialog");
        ui.waitUntil("the console explains", () -> !ui.context.main().notificationProperty().get().isEmpty());
        ui.waitUntilIdle();

        String notice = ui.text("#notification");
        assertTrue(notice.startsWith("Nothing was sent: "), notice);
        assertTrue(notice.contains("Delete key (delete derived JWKs)"), "names the change: " + notice);
        assertTrue(notice.contains("confirmed for " + AppContext.DEMO_PROFILE + " (Apinizer, " + ui.context.sandbox().baseUrl()
                + ")"), "names where it was confirmed for: " + notice);
        assertTrue(notice.contains("now connected to " + AppContext.AMPERSAND_DEMO_PROFILE), "names the connection now: " + notice);
        assertTrue(ui.visible("#notification"));
        assertFalse(ConsoleDriver.fx(() -> ui.context.main().mutations().isRunning()));
        assertTrue(ui.resultEntries().isEmpty(), "no result claims a change: " + ui.resultEntries());

        assertEquals(keysBefore, names(apinizer.listKeys(Project.named(PAYMENTS)), CryptoKey::name), "Apinizer keys");
        assertEquals(jwksBefore, names(apinizer.listJwks(Project.named(PAYMENTS)), Jwk::name), "Apinizer JWKs");
        assertEquals(jwtKeysBefore, names(ampersand.listJwtKeys(project(ampersand, PAYMENTS_PROD), false), JwtKey::id),
                "Ampersand JWT keys");
    }

    @Test
    void anAmpersandDeleteConfirmedAfterSwitchingToApinizerSendsNothingAnywhere() {
        ui.waitUntilLoaded();
        ui.connectTo(AppContext.AMPERSAND_DEMO_PROFILE);
        ui.waitUntil("the JWT keys are shown", () -> !ui.context.main().workspace().jwtKeys().isEmpty());
        ui.waitUntilIdle();
        ApinizerClient apinizer = ui.directClient();
        AmpersandClient ampersand = ui.ampersandClient();
        Set<String> keysBefore = names(apinizer.listKeys(Project.named(PAYMENTS)), CryptoKey::name);
        List<JwtKey> jwtKeysBefore = ampersand.listJwtKeys(project(ampersand, PAYMENTS_PROD), false);
        String label = "checkout-signing-2025";

        ui.clickRow("#jwtkeys-table", JwtKey::label, label);
        ui.click("#delete-jwt-key");
        DialogPane dialog = ui.dialog("#delete-jwt-key-dialog");
        assertWhere(dialog, ampersandWhere(PAYMENTS_PROD));
        ui.typeInto(ui.inDialog(dialog, "#confirm-name", TextField.class), label);

        switchConnectionUnderTheDialog(AppContext.DEMO_PROFILE);
        ui.click(ui.dialogButton(dialog, "Delete key"));
        ui.waitUntilClosed("#delete-jwt-key-dialog");
        ui.waitUntil("the console explains", () -> ui.context.main().notificationProperty().get().startsWith("Nothing was sent"));
        ui.waitUntilIdle();

        String notice = ui.text("#notification");
        assertTrue(notice.contains("Delete JWT key") && notice.contains("now connected to " + AppContext.DEMO_PROFILE + " (Apinizer"),
                notice);
        assertTrue(ui.resultEntries().isEmpty(), "no result claims a change");
        assertEquals(jwtKeysBefore, ampersand.listJwtKeys(project(ampersand, PAYMENTS_PROD), false), "Ampersand JWT keys");
        assertEquals(keysBefore, names(apinizer.listKeys(Project.named(PAYMENTS)), CryptoKey::name), "Apinizer keys");
    }

    // ---------------------------------------------------------------- results

    @Test
    void theResultsPanelNamesTheConnectionEachChangeWentTo() {
        ui.waitUntilLoaded();
        String jwk = "rollout 10% canary";
        ui.selectTab("#jwks-tab");
        ui.clickRow("#jwks-table", Jwk::name, jwk);
        ui.click("#delete-jwk");
        DialogPane deleteJwk = ui.dialog("#delete-jwk-dialog");
        ui.typeInto(ui.inDialog(deleteJwk, "#confirm-name", TextField.class), jwk);
        ui.click(ui.dialogButton(deleteJwk, "Delete JWK"));
        ui.waitUntilClosed("#delete-jwk-dialog");
        ui.waitUntil("the deletion is recorded", () -> ui.resultEntries().size() == 1);
        ui.waitUntilIdle();

        ui.connectTo(AppContext.AMPERSAND_DEMO_PROFILE);
        ui.waitUntil("the JWT keys are shown", () -> !ui.context.main().workspace().jwtKeys().isEmpty());
        ui.waitUntilIdle();
        ui.clickRow("#jwtkeys-table", JwtKey::label, "checkout-signing-2025");
        ui.click("#toggle-jwt-key");
        DialogPane deactivate = ui.dialog("#deactivate-jwt-key-dialog");
        ui.click(ui.dialogButton(deactivate, "Deactivate"));
        ui.waitUntilClosed("#deactivate-jwt-key-dialog");
        ui.waitUntil("the deactivation is recorded", () -> ui.resultEntries().size() == 2);
        ui.waitUntilIdle();

        List<TreeItem<ResultsView.Row>> entries = ui.resultEntries();
        ResultEntry ampersandEntry = entries.get(0).getValue().entry();
        ResultEntry apinizerEntry = entries.get(1).getValue().entry();
        assertEquals("Deactivate JWT key", ampersandEntry.action());
        assertEquals("Delete JWK", apinizerEntry.action());
        assertEquals(AppContext.AMPERSAND_DEMO_PROFILE + " (" + ui.context.sandbox().ampersandBaseUrl() + ")",
                ampersandEntry.connection());
        assertEquals(AppContext.DEMO_PROFILE + " (Apinizer, " + ui.context.sandbox().baseUrl() + ")",
                apinizerEntry.connection());

        // On screen: the Connection column names each entry's connection; the row's tooltip adds the server.
        TreeTableView<ResultsView.Row> tree = ui.results();
        ui.waitUntil("both entries are rendered", () -> connectionCell(tree, "Delete JWK") != null
                && connectionCell(tree, "Deactivate JWT key") != null);
        assertEquals(AppContext.DEMO_PROFILE, ConsoleDriver.fx(() -> connectionCell(tree, "Delete JWK").getText()));
        assertEquals(AppContext.AMPERSAND_DEMO_PROFILE, ConsoleDriver.fx(() -> connectionCell(tree, "Deactivate JWT key").getText()));
        // Shown whole, not cut to "…" by a narrow column.
        assertEquals(AppContext.DEMO_PROFILE, renderedText(connectionCell(tree, "Delete JWK")));
        assertEquals(AppContext.AMPERSAND_DEMO_PROFILE, renderedText(connectionCell(tree, "Deactivate JWT key")));
        Tooltip apinizerTip = ConsoleDriver.fx(() -> ((TreeTableRow<?>) connectionCell(tree, "Delete JWK").getTableRow()).getTooltip());
        assertNotNull(apinizerTip, "the entry row has a tooltip");
        String tip = ConsoleDriver.fx(apinizerTip::getText);
        assertTrue(tip.contains(ui.context.sandbox().baseUrl().toString()), "the tooltip names the server: " + tip);
        assertTrue(tip.contains("personal_token") || tip.contains("as "), "and who was signed in: " + tip);
        Tooltip ampersandTip = ConsoleDriver.fx(() -> ((TreeTableRow<?>) connectionCell(tree, "Deactivate JWT key")
                .getTableRow()).getTooltip());
        assertTrue(ConsoleDriver.fx(ampersandTip::getText).contains(ui.context.sandbox().ampersandBaseUrl().toString()),
                ConsoleDriver.fx(ampersandTip::getText));
    }

    /** The rendered Connection cell of the entry row whose Action is {@code action}. */
    static TreeTableCell<?, ?> connectionCell(TreeTableView<ResultsView.Row> tree, String action) {
        TreeTableColumn<ResultsView.Row, ?> column = tree.getColumns().stream()
                .filter(c -> "Connection".equals(c.getText())).findFirst()
                .orElseThrow(() -> new AssertionError("no Connection column"));
        for (Node n : tree.lookupAll(".tree-table-cell")) {
            if (n instanceof TreeTableCell<?, ?> cell && cell.getTableColumn() == column && !cell.isEmpty()
                    && cell.getTableRow() != null && cell.getTableRow().getItem() instanceof ResultsView.Row r
                    && r.isEntry() && action.equals(r.entry().action())) {
                return cell;
            }
        }
        return null;
    }

    /** What the cell really draws (a Labeled cuts its text to fit, with "…"). */
    static String renderedText(TreeTableCell<?, ?> cell) {
        return ConsoleDriver.fx(() -> {
            javafx.scene.text.Text t = (javafx.scene.text.Text) cell.lookup(".text");
            return t == null ? "(nothing)" : t.getText();
        });
    }

    static <T> Set<String> names(List<T> items, java.util.function.Function<T, String> name) {
        return items.stream().map(name).collect(Collectors.toSet());
    }
}
