package io.keyward.e2e;

import io.keyward.app.AppContext;
import io.keyward.gateway.SignInMethod;
import io.keyward.gateway.ampersand.AmpersandClient;
import io.keyward.model.Credential;
import io.keyward.model.CryptoKey;
import io.keyward.model.Jwk;
import io.keyward.model.JwtKey;
import io.keyward.model.Project;
import io.keyward.ui.common.DialogFrames;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToolBar;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every dialog the console has, opened through the UI in its fullest state, keeps its buttons inside
 * its window and visible at its default size and at its minimum size, and opens centred on the main
 * window and on the screen; the main window keeps its toolbar buttons inside it at its minimum size.
 */
class DialogLayoutTest extends ConsoleTest {

    /** How far from the main window's centre line a dialog may sit and still count as centred. */
    static final double CENTRE_TOLERANCE = 16;

    /** Monocle has no window manager: the time a dialog spends being mapped is kept short here. */
    @org.junit.jupiter.api.BeforeAll
    static void shortSettling() {
        System.setProperty("keyward.dialogSettleMs", "300");
    }

    @org.junit.jupiter.api.AfterAll
    static void defaultSettling() {
        System.clearProperty("keyward.dialogSettleMs");
    }

    @Start
    void start(Stage stage) {
        launch(stage);
    }

    // ---------------------------------------------------------------- the checks

    /** Waits until the window has kept its size and place for a few pulses (dialogs fit their content). */
    void settle(Window w) {
        double[] last = {-1, -1, -1, -1};
        int[] stable = {0};
        ui.waitUntil("the window has settled", () -> {
            double[] now = {w.getX(), w.getY(), w.getWidth(), w.getHeight()};
            boolean same = java.util.Arrays.equals(now, last);
            System.arraycopy(now, 0, last, 0, 4);
            stable[0] = same ? stable[0] + 1 : 0;
            return stable[0] >= 3;
        });
    }

    /**
     * The dialog's buttons are inside its window and visible, at its default size (where it opens centred
     * on the main window and on the screen) and at its minimum size.
     */
    void assertLayout(DialogPane pane) {
        Stage dialog = ConsoleDriver.fx(() -> (Stage) pane.getScene().getWindow());
        String id = pane.getId();
        settle(dialog);
        assertButtonsInside(pane, id + " at its default size");
        assertCentredOnMainWindow(dialog, id);
        assertOnScreen(dialog, id + " at its default size");

        double[] before = ConsoleDriver.fx(() -> new double[]{dialog.getWidth(), dialog.getHeight()});
        double minWidth = ConsoleDriver.fx(dialog::getMinWidth);
        double minHeight = ConsoleDriver.fx(dialog::getMinHeight);
        assertTrue(minWidth > 0 && minHeight > 0, id + " has a minimum size: " + minWidth + " x " + minHeight);
        waitUntilSettled(pane); // from now on a new size is the user's
        ui.interact(() -> {
            dialog.setWidth(minWidth);
            dialog.setHeight(minHeight);
        });
        settle(dialog);
        String where = id + " at its minimum size " + minWidth + " x " + minHeight;
        assertEquals(minWidth, ConsoleDriver.fx(dialog::getWidth), 1, where + ": the window keeps the width it was given");
        assertEquals(minHeight, ConsoleDriver.fx(dialog::getHeight), 1, where + ": the window keeps the height it was given");
        assertButtonsInside(pane, where);
        assertOnScreen(dialog, where);
        // A confirmation's "connection · project" stays readable too.
        Node place = ConsoleDriver.fx(() -> pane.lookup("#where"));
        if (place != null) {
            Bounds b = ConsoleDriver.fx(() -> place.localToScene(place.getBoundsInLocal()));
            double sceneHeight = ConsoleDriver.fx(() -> pane.getScene().getHeight());
            assertTrue(ConsoleDriver.fx(() -> ConsoleDriver.shown(place)) && b.getMinY() >= 0 && b.getMaxY() <= sceneHeight
                    && b.getHeight() > 0, where + ": #where at " + b);
        }

        // Back to the size it had, as a user would drag it, so the test can go on working in it.
        ui.interact(() -> {
            dialog.setWidth(before[0]);
            dialog.setHeight(before[1]);
        });
        settle(dialog);
        assertButtonsInside(pane, id + " made bigger again");
    }

    /** Waits out the time in which the dialog takes a size the window system gives it as not the user's. */
    void waitUntilSettled(DialogPane pane) {
        ui.waitUntil("the dialog is no longer being mapped", () -> ConsoleDriver.fx(() ->
                pane.getProperties().get(DialogFrames.SETTLING_UNTIL) instanceof Long until && System.nanoTime() > until));
    }

    void assertButtonsInside(DialogPane pane, String where) {
        List<String> problems = ConsoleDriver.fx(() -> {
            List<String> found = new ArrayList<>();
            double w = pane.getScene().getWidth();
            double h = pane.getScene().getHeight();
            for (ButtonType type : pane.getButtonTypes()) {
                Node b = pane.lookupButton(type);
                String name = type.getText();
                if (b == null || !ConsoleDriver.shown(b)) {
                    found.add(name + " is not shown");
                    continue;
                }
                Bounds s = b.localToScene(b.getBoundsInLocal());
                if (s.getWidth() < 1 || s.getHeight() < 1 || s.getMinX() < 0 || s.getMinY() < 0
                        || s.getMaxX() > w + 0.5 || s.getMaxY() > h + 0.5) {
                    found.add(name + " at " + s + " is not inside the scene " + w + " x " + h);
                }
                if (b instanceof Labeled l && l.lookup(".text") instanceof javafx.scene.text.Text t
                        && !l.getText().equals(t.getText())) {
                    found.add(name + " reads \u201C" + t.getText() + "\u201D");
                }
            }
            return found;
        });
        assertTrue(problems.isEmpty(), where + ": " + problems);
    }

    /** Horizontally centred on the main window; vertically its centre in the main window's middle third. */
    void assertCentredOnMainWindow(Stage dialog, String id) {
        Stage main = ui.stage;
        double[] d = ConsoleDriver.fx(() -> new double[]{dialog.getX(), dialog.getY(), dialog.getWidth(), dialog.getHeight()});
        double[] m = ConsoleDriver.fx(() -> new double[]{main.getX(), main.getY(), main.getWidth(), main.getHeight()});
        String where = id + " at " + java.util.Arrays.toString(d) + " over the main window at " + java.util.Arrays.toString(m);
        double dx = d[0] + d[2] / 2;
        double mx = m[0] + m[2] / 2;
        assertEquals(mx, dx, CENTRE_TOLERANCE, where + ": horizontally centred");
        double dy = d[1] + d[3] / 2;
        assertTrue(dy >= m[1] + m[3] / 3 - CENTRE_TOLERANCE && dy <= m[1] + 2 * m[3] / 3 + CENTRE_TOLERANCE,
                where + ": vertically centred");
    }

    void assertOnScreen(Window w, String where) {
        double[] d = ConsoleDriver.fx(() -> new double[]{w.getX(), w.getY(), w.getWidth(), w.getHeight()});
        Rectangle2D screen = ConsoleDriver.fx(() -> Screen.getPrimary().getVisualBounds());
        assertTrue(d[0] >= screen.getMinX() && d[1] >= screen.getMinY() && d[0] + d[2] <= screen.getMaxX() + 0.5
                && d[1] + d[3] <= screen.getMaxY() + 0.5, where + ": " + java.util.Arrays.toString(d)
                + " is on the screen " + screen);
    }

    void cancel(DialogPane pane) {
        ButtonType cancel = ConsoleDriver.fx(() -> pane.getButtonTypes().stream()
                .filter(t -> t.getButtonData() == ButtonBar.ButtonData.CANCEL_CLOSE).findFirst().orElseThrow());
        ui.click(ConsoleDriver.fx(() -> (Button) pane.lookupButton(cancel)));
        ui.waitUntilClosed("#" + pane.getId());
        ui.waitUntilIdle();
    }

    /** A label in the dialog's content showing text that contains {@code part}. */
    boolean showsText(DialogPane pane, String part) {
        return ConsoleDriver.fx(() -> pane.lookupAll(".label").stream().anyMatch(n -> n instanceof Label l
                && ConsoleDriver.shown(l) && l.getText() != null && l.getText().contains(part)));
    }

    // ---------------------------------------------------------------- Apinizer

    @Test
    void apinizerDialogsKeepTheirButtonsInsideAtDefaultAndMinimumSize() {
        ui.waitUntilLoaded();
        // The main window off the screen's centre and smaller, so "centred on it" is not "centred on the screen".
        ui.interact(() -> {
            ui.stage.setX(170);
            ui.stage.setY(40);
            ui.stage.setWidth(1060);
            ui.stage.setHeight(740);
        });
        settle(ui.stage);

        // Delete key, with DELETE chosen: it lists the credentials that lose a JWK.
        ui.clickRow("#keys-table", CryptoKey::name, "api-signing-2026");
        ui.click("#delete-key");
        DialogPane deleteKey = ui.dialog("#delete-key-dialog");
        ui.click(ui.inDialog(deleteKey, "#action-delete", RadioButton.class));
        VBox losses = ui.inDialog(deleteKey, "#credential-losses", VBox.class);
        ui.waitUntil("the credential losses are listed", () -> !losses.getChildren().isEmpty() && ConsoleDriver.shown(losses));
        assertLayout(deleteKey);
        cancel(deleteKey);

        // Delete JWK (one held by a credential).
        ui.selectTab("#jwks-tab");
        ui.clickRow("#jwks-table", Jwk::name, "api-signing-2026-private");
        ui.click("#delete-jwk");
        DialogPane deleteJwk = ui.dialog("#delete-jwk-dialog");
        assertLayout(deleteJwk);
        cancel(deleteJwk);

        // Edit JWK, with the server's error shown.
        ui.clickRow("#jwks-table", Jwk::name, "ops/rotation 2026");
        ui.click("#edit-jwk");
        DialogPane editJwk = ui.dialog("#edit-jwk-dialog");
        ui.typeInto(ui.inDialog(editJwk, "#jwk-description", TextArea.class), "Rotated by the ops team, see the runbook");
        ui.context.sandbox().faults().setErrorRate(1.0);
        ui.click(ui.dialogButton(editJwk, "Save"));
        ui.waitUntil("the server's error is shown", () -> showsText(editJwk, "HTTP 500"));
        ui.waitUntil("the failed save has finished", () -> !ui.context.main().mutations().isRunning());
        ui.context.sandbox().faults().reset();
        assertLayout(editJwk);
        cancel(editJwk);

        // Remove slot and set slot.
        ui.selectTab("#credentials-tab");
        ui.clickRow("#credentials-table", Credential::username, "checkout-service");
        ui.click("#validation-menu");
        ui.click("#remove-validation");
        DialogPane removeSlot = ui.dialog("#remove-credential-jwk-dialog");
        assertLayout(removeSlot);
        cancel(removeSlot);
        ui.click("#encryption-menu");
        ui.click("#set-encryption");
        DialogPane setSlot = ui.dialog("#set-credential-jwk-dialog");
        assertLayout(setSlot);
        cancel(setSlot);

        // Clear results (the failed save is a result).
        ui.waitUntil("a result is listed", () -> !ui.resultEntries().isEmpty());
        ui.click("#clear-results");
        DialogPane clear = ui.dialog("#clear-results-dialog");
        assertLayout(clear);
        cancel(clear);
        assertFalse(ui.resultEntries().isEmpty(), "Cancel cleared nothing");
    }

    // ---------------------------------------------------------------- Connections and the reconnect offer

    @Test
    void connectionsAndTheReconnectOfferKeepTheirButtonsInside() {
        ui.waitUntilLoaded();
        DialogPane connections = ui.newConnection();
        ui.typeInto(ui.inDialog(connections, "#profile-name", TextField.class), "Lab gateway (signed in as a person)");
        ui.typeInto(ui.inDialog(connections, "#profile-url", TextField.class), ui.context.sandbox().baseUrl().toString());
        // Username and password, chosen in the list as a user would.
        ComboBox<?> method = ui.inDialog(connections, "#profile-method", ComboBox.class);
        ui.click(method);
        Node passwordItem = ConsoleDriver.fx(() -> Window.getWindows().stream().filter(Window::isShowing)
                .flatMap(w -> w.getScene().getRoot().lookupAll(".list-cell").stream())
                .filter(n -> n instanceof ListCell<?> c && c.getItem() == SignInMethod.USERNAME_PASSWORD)
                .findFirst().orElseThrow(() -> new AssertionError("no username/password choice")));
        ui.click(passwordItem);
        ui.waitUntil("username and password are asked for", () -> method.getValue() == SignInMethod.USERNAME_PASSWORD
                && ConsoleDriver.shown(connections.lookup("#profile-username")));
        ui.typeInto(ui.inDialog(connections, "#profile-username", TextField.class), "auditor");
        ui.typeInto(ui.inDialog(connections, "#profile-secret", PasswordField.class), "not-the-password");
        ui.click(ui.inDialog(connections, "#test-connection", Button.class));
        Label result = ui.inDialog(connections, "#test-result", Label.class);
        ui.waitUntil("the test has failed", () -> !result.getText().isEmpty() && !result.getText().startsWith("Testing")
                && !result.getText().startsWith("Connected"));
        TitledPane limits = ui.inDialog(connections, "#profile-advanced", TitledPane.class);
        ui.click(ConsoleDriver.fx(() -> limits.lookup(".title")));
        ui.waitUntil("Timeouts and limits is expanded", () -> limits.isExpanded()
                && ConsoleDriver.shown(connections.lookup("#profile-max-response")));
        assertLayout(connections);
        // Network and trust open too: the tallest the form gets.
        TitledPane network = ui.inDialog(connections, "#profile-network", TitledPane.class);
        ui.click(ConsoleDriver.fx(() -> network.lookup(".title")));
        ui.waitUntil("Network and trust is expanded", () -> network.isExpanded()
                && ConsoleDriver.shown(connections.lookup("#profile-allow-http")));
        assertLayout(connections);

        // A plain-HTTP address to another host: the warning is shown.
        ui.typeInto(ui.inDialog(connections, "#profile-url", TextField.class), "http://keys-gateway.example.com:8080/");
        ui.waitUntil("the plain-HTTP warning is shown", () -> showsText(connections, "Plain HTTP"));
        assertLayout(connections);
        cancel(connections);

        // The reconnect offer after a 401.
        ui.context.sandbox().faults().setRejectTokens(true);
        ui.pressF5();
        DialogPane offer = ui.dialog("#reconnect-dialog");
        assertLayout(offer);
        ui.context.sandbox().faults().reset();
        cancel(offer);
    }

    /**
     * Under openbox, GTK's glass maps a small dialog at 200×200 and drops the size it was opened with
     * (seen with the reconnect offer and the clear-results question: text and buttons cut off). A size the
     * window system gives while the dialog is being mapped is replaced by the one that fits its content;
     * here the test plays the window system.
     */
    @Test
    void aSizeTheWindowSystemImposesWhileMappingIsReplacedByTheFittedOne() {
        ui.waitUntilLoaded();
        String before = System.getProperty("keyward.dialogSettleMs");
        System.setProperty("keyward.dialogSettleMs", "60000"); // however slow this machine, still mapping
        try {
            ui.context.sandbox().faults().setRejectTokens(true);
            ui.pressF5();
            DialogPane offer = ui.dialog("#reconnect-dialog");
            Stage dialog = ConsoleDriver.fx(() -> (Stage) offer.getScene().getWindow());
            ui.waitUntil("the dialog has its size", () -> ConsoleDriver.fx(() ->
                    offer.getProperties().get(DialogFrames.SETTLING_UNTIL) != null));
            double[] fitted = ConsoleDriver.fx(() -> new double[]{dialog.getWidth(), dialog.getHeight()});
            assertTrue(fitted[0] > 400, "the offer opens wider than 400: " + fitted[0]);
            ui.interact(() -> {
                dialog.setWidth(200);
                dialog.setHeight(200);
            });
            settle(dialog);
            assertEquals(fitted[0], ConsoleDriver.fx(dialog::getWidth), 1, "the width it was opened with is back");
            assertEquals(fitted[1], ConsoleDriver.fx(dialog::getHeight), 1, "the height it was opened with is back");
            assertButtonsInside(offer, "reconnect-dialog after the window system's 200 x 200");
            assertCentredOnMainWindow(dialog, "reconnect-dialog");
            ui.context.sandbox().faults().reset();
            cancel(offer);
        } finally {
            if (before == null) {
                System.clearProperty("keyward.dialogSettleMs");
            } else {
                System.setProperty("keyward.dialogSettleMs", before);
            }
        }
    }

    // ---------------------------------------------------------------- Ampersand

    @Test
    void ampersandDialogsKeepTheirButtonsInside() throws Exception {
        ui.waitUntilLoaded();
        ui.connectTo(AppContext.AMPERSAND_DEMO_PROFILE);
        ui.waitUntil("the JWT keys are shown", () -> !ui.context.main().workspace().jwtKeys().isEmpty());
        ui.waitUntilIdle();

        // Create, with a pasted key and its summary shown.
        ui.click("#create-jwt-key");
        DialogPane create = ui.dialog("#create-jwt-key-dialog");
        ui.typeInto(ui.inDialog(create, "#jwt-key-label", TextField.class), "layout-check-2048");
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(g.generateKeyPair().getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        ui.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(pem);
            Clipboard.getSystemClipboard().setContent(content);
        });
        TextArea pemField = ui.inDialog(create, "#jwt-key-pem", TextArea.class);
        ui.click(pemField);
        ui.robot.push(KeyCode.SHORTCUT, KeyCode.V);
        Label summary = ui.inDialog(create, "#key-summary", Label.class);
        ui.waitUntil("the key's summary is shown", () -> ConsoleDriver.shown(summary) && !summary.getText().isEmpty());
        assertLayout(create);
        cancel(create);

        // Delete and rename, on payments-prod.
        ui.clickRow("#jwtkeys-table", JwtKey::label, "checkout-signing-2025");
        ui.click("#delete-jwt-key");
        DialogPane delete = ui.dialog("#delete-jwt-key-dialog");
        assertLayout(delete);
        cancel(delete);
        ui.click("#rename-jwt-key");
        DialogPane rename = ui.dialog("#rename-jwt-key-dialog");
        ui.typeInto(ui.inDialog(rename, "#jwt-key-label", TextField.class), "partner-webhooks"); // another key's label: a warning
        assertLayout(rename);
        cancel(rename);

        // Activating an inactive key.
        ui.clickRowWhere("#jwtkeys-table", "an inactive key", (JwtKey k) -> !k.isActive());
        ui.click("#toggle-jwt-key");
        DialogPane activate = ui.dialog("#activate-jwt-key-dialog");
        assertLayout(activate);
        cancel(activate);

        // Deactivating the last active key of partner-sso: the strong warning and the typed label.
        AmpersandClient server = ui.ampersandClient();
        Project partnerSso = server.listProjects().stream().filter(p -> p.name().equals("partner-sso")).findFirst()
                .orElseThrow();
        JwtKey last = server.listJwtKeys(partnerSso, true).get(0);
        ui.clickProject("partner-sso");
        ui.waitUntil("partner-sso is shown", () -> "partner-sso".equals(ui.openProjectName())
                && ui.context.main().workspace().jwtKeys().stream().anyMatch(k -> k.id().equals(last.id())));
        ui.waitUntilIdle();
        ui.clickRow("#jwtkeys-table", JwtKey::label, last.label());
        ui.click("#toggle-jwt-key");
        DialogPane deactivate = ui.dialog("#deactivate-jwt-key-dialog");
        assertTrue(ConsoleDriver.fx(() -> deactivate.lookup("#last-active-warning") != null));
        assertLayout(deactivate);
        cancel(deactivate);
        assertTrue(ui.resultEntries().isEmpty(), "nothing was changed");
    }

    // ---------------------------------------------------------------- the main window

    @Test
    void theMainWindowAtItsMinimumSizeKeepsItsToolbarButtonsInside() {
        ui.waitUntilLoaded();
        double minWidth = ConsoleDriver.fx(ui.stage::getMinWidth);
        double minHeight = ConsoleDriver.fx(ui.stage::getMinHeight);
        ui.interact(() -> {
            ui.stage.setWidth(minWidth);
            ui.stage.setHeight(minHeight);
        });
        settle(ui.stage);
        assertEquals(minWidth, ConsoleDriver.fx(ui.stage::getWidth), 1);
        assertEquals(minHeight, ConsoleDriver.fx(ui.stage::getHeight), 1);
        assertToolbarInside("Apinizer");
        for (String tab : List.of("#keys-tab", "#jwks-tab", "#credentials-tab")) {
            ui.selectTab(tab);
            assertTabActionsInside(tab);
        }

        // The Ampersand demo: a longer connection name in the toolbar, and its own tab actions.
        ui.connectTo(AppContext.AMPERSAND_DEMO_PROFILE);
        ui.waitUntil("the JWT keys are shown", () -> !ui.context.main().workspace().jwtKeys().isEmpty());
        ui.waitUntilIdle();
        assertToolbarInside("Ampersand");
        assertTabActionsInside("#jwtkeys-tab");
    }

    void assertToolbarInside(String where) {
        ToolBar toolbar = ConsoleDriver.fx(() -> (ToolBar) ((VBox) ((BorderPane) ui.stage.getScene().getRoot()).getTop())
                .getChildren().get(0));
        List<String> buttons = ConsoleDriver.fx(() -> toolbar.getItems().stream().filter(n -> n instanceof Button)
                .map(n -> ((Button) n).getText()).toList());
        assertEquals(List.of("Connections\u2026", "Refresh (F5)"), buttons, "the toolbar's buttons");
        List<String> problems = outside(ConsoleDriver.fx(() -> toolbar.getItems().stream()
                .filter(n -> n instanceof Button).toList()));
        assertTrue(problems.isEmpty(), where + " toolbar at the minimum size: " + problems);
        // The dismiss button of the banner, too.
        ui.interact(() -> ui.context.main().workspace().notice("A long notice " + "that wraps ".repeat(30)));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> dismiss = outside(List.of(ui.node("#dismiss-notification", Node.class)));
        assertTrue(dismiss.isEmpty(), where + " banner at the minimum size: " + dismiss);
        ui.click("#dismiss-notification");
    }

    void assertTabActionsInside(String tab) {
        Parent content = ConsoleDriver.fx(() -> (Parent) ((javafx.scene.control.TabPane) ui.stage.getScene().getRoot()
                .lookup(".tab-pane")).getSelectionModel().getSelectedItem().getContent());
        List<Node> actions = ConsoleDriver.fx(() -> new ArrayList<>(content.lookupAll(".action-wrapper")));
        assertFalse(actions.isEmpty(), tab + " has actions");
        List<String> problems = outside(actions);
        assertTrue(problems.isEmpty(), tab + " actions at the minimum size: " + problems);
        double filter = ConsoleDriver.fx(() -> ((javafx.scene.layout.Region) content.lookup(".text-field")).getWidth());
        assertTrue(filter >= 60, tab + ": the filter gave way but stays usable: " + filter + " px");
    }

    /** The nodes that are not shown whole inside the main window's scene, or whose text is cut. */
    List<String> outside(List<? extends Node> nodes) {
        WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return ConsoleDriver.fx(() -> {
            List<String> found = new ArrayList<>();
            double w = ui.stage.getScene().getWidth();
            double h = ui.stage.getScene().getHeight();
            for (Node n : nodes) {
                String name = n.getId() != null ? n.getId() : n.toString();
                if (!ConsoleDriver.shown(n)) {
                    found.add(name + " is not shown");
                    continue;
                }
                Bounds s = n.localToScene(n.getBoundsInLocal());
                if (s.getWidth() < 1 || s.getMinX() < 0 || s.getMinY() < 0 || s.getMaxX() > w + 0.5 || s.getMaxY() > h + 0.5) {
                    found.add(name + " at " + s + " is not inside the scene " + w + " x " + h);
                }
                for (Node l : n instanceof Parent p ? p.lookupAll(".button") : List.<Node>of()) {
                    if (l instanceof Labeled b && b.lookup(".text") instanceof javafx.scene.text.Text t
                            && b.getText() != null && !b.getText().equals(t.getText())) {
                        found.add("\u201C" + b.getText() + "\u201D reads \u201C" + t.getText() + "\u201D");
                    }
                }
            }
            return found;
        });
    }
}
