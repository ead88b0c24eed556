package io.keyward.e2e;

import io.keyward.app.AppContext;
import io.keyward.gateway.ampersand.AmpersandClient;
import io.keyward.model.JwtKey;
import io.keyward.model.Project;
import io.keyward.session.ResultEntry;
import io.keyward.ui.results.ResultsView;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JWT keys tab (Ampersand) on the real window against the embedded sandbox: connecting through
 * Connections, the table and its "active only" filter, creating from a pasted PEM, deactivating,
 * deleting (the last active key, a key gone meanwhile, keys sharing a label) and renaming. Every
 * change is checked against what the server holds, through a client of the test's own.
 */
class JwtKeysTest extends ConsoleTest {

    static final String PAYMENTS = "payments-prod";
    static final String PARTNER_SSO = "partner-sso";
    static final List<String> DEMO_PROJECTS = List.of(PAYMENTS, "Kundenportal Z\u00fcrich", PARTNER_SSO,
            "analytics-staging");

    @Start
    void start(Stage stage) {
        launch(stage);
    }

    // ---------------------------------------------------------------- 1. connecting

    @Test
    void connectingToTheAmpersandProfileShowsOnlyJwtKeysWithTheirThumbprints() {
        ui.waitUntilLoaded();
        assertEquals(List.of("#keys-tab", "#jwks-tab", "#credentials-tab"), tabIds(), "Apinizer's tabs at start");

        ui.connectTo(AppContext.AMPERSAND_DEMO_PROFILE);
        waitForJwtKeys(PAYMENTS);

        assertEquals(AppContext.AMPERSAND_DEMO_PROFILE, ui.text("#connection-name"));
        assertEquals(List.of("#jwtkeys-tab"), tabIds(), "only the JWT keys tab");
        TabPane tabs = ConsoleDriver.fx(() -> (TabPane) ui.stage.getScene().getRoot().lookup(".tab-pane"));
        assertEquals("jwtkeys-tab", ConsoleDriver.fx(() -> tabs.getSelectionModel().getSelectedItem().getId()));
        assertEquals("JWT keys (5)", ConsoleDriver.fx(() -> tabs.getSelectionModel().getSelectedItem().getText()));
        Node environments = ui.node("#environments", Node.class);
        assertFalse(ConsoleDriver.fx(() -> environments.isVisible() || environments.isManaged()),
                "no environments list under the projects");

        // The projects, as the server lists them, and shown in the list.
        AmpersandClient server = ui.ampersandClient();
        List<String> serverProjects = server.listProjects().stream().map(Project::name).toList();
        assertEquals(DEMO_PROJECTS, serverProjects);
        ListView<?> projects = ui.robot.lookup("#projects").queryListView();
        assertEquals(serverProjects, ConsoleDriver.fx(() -> projects.getItems().stream().map(p -> ((Project) p).name()).toList()));
        Set<String> renderedProjects = ConsoleDriver.fx(() -> projects.lookupAll(".list-cell").stream()
                .map(n -> ((Labeled) n).getText()).filter(t -> t != null && !t.isEmpty()).collect(Collectors.toSet()));
        assertEquals(Set.copyOf(serverProjects), renderedProjects, "every project has a rendered cell");
        assertEquals("Project: " + PAYMENTS, ui.text("#project-title"));

        // The first project's keys: label, active, id and thumbprint as the server has them.
        TableView<JwtKey> table = ui.table("#jwtkeys-table");
        assertEquals(List.of("Label", "Active", "Alg.", "Created", "Updated", "Thumbprint", "Id"),
                ConsoleDriver.fx(() -> table.getColumns().stream().map(TableColumn::getText).toList()));
        List<JwtKey> onServer = server.listJwtKeys(project(server, PAYMENTS), false);
        assertEquals(5, onServer.size());
        assertEquals(ids(onServer), Set.copyOf(ui.<JwtKey>column("#jwtkeys-table", JwtKey::id)));
        for (JwtKey k : onServer) {
            assertEquals(k.label(), cell("Label", k.id()), "label of " + k.id());
            assertEquals(k.isActive() ? "yes" : "no", cell("Active", k.id()), "active of " + k.id());
            assertEquals(k.id(), cell("Id", k.id()));
            assertEquals(thumbprint(rsa(k.publicKeyPem())), cell("Thumbprint", k.id()),
                    "thumbprint of " + k.label());
        }
        assertEquals("5 JWT keys", ui.text("#jwtkeys-count"));
        assertEquals(1, onServer.stream().filter(k -> !k.isActive()).count());
        // Rendered, not only held by the table: a cell per key in the Label column.
        Set<String> renderedLabels = ConsoleDriver.fx(() -> table.lookupAll(".table-cell").stream()
                .filter(n -> n instanceof javafx.scene.control.TableCell<?, ?> c && !c.isEmpty()
                        && c.getTableColumn() == table.getColumns().get(0))
                .map(n -> ((Labeled) n).getText()).collect(Collectors.toSet()));
        assertEquals(onServer.stream().map(JwtKey::label).collect(Collectors.toSet()), renderedLabels);

        // "Active only" hides the inactive key and the count says so.
        ui.click("#jwtkeys-active-only");
        assertTrue(ConsoleDriver.fx(ui.node("#jwtkeys-active-only", CheckBox.class)::isSelected));
        List<JwtKey> activeOnServer = server.listJwtKeys(project(server, PAYMENTS), true);
        assertEquals(4, activeOnServer.size());
        assertEquals(ids(activeOnServer), Set.copyOf(ui.<JwtKey>column("#jwtkeys-table", JwtKey::id)));
        assertEquals("4 of 5 JWT keys", ui.text("#jwtkeys-count"));
        for (String shownId : ui.<JwtKey>column("#jwtkeys-table", JwtKey::id)) {
            assertEquals("yes", cell("Active", shownId), "active-only shows " + shownId);
        }

        ui.click("#jwtkeys-active-only");
        assertEquals(5, ui.<JwtKey>column("#jwtkeys-table", JwtKey::id).size());
        assertEquals("5 JWT keys", ui.text("#jwtkeys-count"));
    }

    // ---------------------------------------------------------------- 2. create

    @Test
    void createFromAPastedPemAddsAnActiveKeyTheServerHolds() throws Exception {
        connectToAmpersand();
        KeyPair pair = rsaKeyPair();
        RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
        String pem = pem("PUBLIC KEY", publicKey.getEncoded());
        String label = "e2e-pasted-2048";

        ui.click("#create-jwt-key");
        DialogPane dialog = ui.dialog("#create-jwt-key-dialog");
        Button create = ui.dialogButton(dialog, "Create key");
        assertTrue(ConsoleDriver.fx(create::isDisabled), "nothing to create yet");
        ui.typeInto(ui.inDialog(dialog, "#jwt-key-label", TextField.class), label);
        paste(ui.inDialog(dialog, "#jwt-key-pem", TextArea.class), pem);

        Label summary = ui.inDialog(dialog, "#key-summary", Label.class);
        ui.waitUntil("the key's size and thumbprint are shown", () -> summary.isVisible() && !summary.getText().isEmpty());
        String summaryText = ConsoleDriver.fx(summary::getText);
        assertTrue(summaryText.contains("2048 bits"), summaryText);
        assertTrue(summaryText.contains(thumbprint(publicKey)), summaryText + " / expected " + thumbprint(publicKey));
        assertFalse(ConsoleDriver.fx(() -> ui.inDialog(dialog, "#key-error", Label.class).isVisible()));
        assertFalse(ConsoleDriver.fx(create::isDisabled), "Create key is enabled for a valid label and key");
        assertCaptionsReadable(dialog);

        ui.click(create);
        ui.waitUntilClosed("#create-jwt-key-dialog");
        ui.waitUntil("the creation is recorded", () -> !ui.resultEntries().isEmpty());
        ui.waitUntilIdle();

        // The server has it, with the same modulus, active.
        AmpersandClient server = ui.ampersandClient();
        List<JwtKey> created = server.listJwtKeys(project(server, PAYMENTS), false).stream()
                .filter(k -> k.label().equals(label)).toList();
        assertEquals(1, created.size(), "exactly one key labelled " + label);
        JwtKey k = created.get(0);
        assertEquals(publicKey.getModulus(), rsa(k.publicKeyPem()).getModulus());
        assertEquals(publicKey.getPublicExponent(), rsa(k.publicKeyPem()).getPublicExponent());
        assertTrue(k.isActive(), "a new key starts active");

        // The table shows it, active.
        ui.waitUntil("the new key is listed", () -> ui.<JwtKey>table("#jwtkeys-table").getItems().stream()
                .anyMatch(x -> x.id().equals(k.id())));
        assertEquals(label, cell("Label", k.id()));
        assertEquals("yes", cell("Active", k.id()));
        assertEquals(thumbprint(publicKey), cell("Thumbprint", k.id()));
        assertEquals("6 JWT keys", ui.text("#jwtkeys-count"));

        ResultEntry entry = assertOnlyEntry("Create JWT key", ResultEntry.Outcome.SUCCEEDED);
        assertEquals(PAYMENTS + " / " + label, entry.target());
        assertTrue(entry.message().contains(k.id()), entry.message());
        assertProjectRow(ui.resultEntries().get(0), PAYMENTS, true);
    }

    @Test
    void aPastedPrivateKeyIsRefusedInlineAndNothingIsSent() throws Exception {
        connectToAmpersand();
        KeyPair pair = rsaKeyPair();
        String privatePem = pem("PRIVATE KEY", pair.getPrivate().getEncoded());
        int before = ui.ampersandClient().listJwtKeys(project(ui.ampersandClient(), PAYMENTS), false).size();

        ui.click("#create-jwt-key");
        DialogPane dialog = ui.dialog("#create-jwt-key-dialog");
        Button create = ui.dialogButton(dialog, "Create key");
        // A label another key has is only a warning; the private key is what blocks.
        ui.typeInto(ui.inDialog(dialog, "#jwt-key-label", TextField.class), "partner-webhooks");
        paste(ui.inDialog(dialog, "#jwt-key-pem", TextArea.class), privatePem);

        Label error = ui.inDialog(dialog, "#key-error", Label.class);
        ui.waitUntil("the private key is refused inline", () -> error.isVisible() && !error.getText().isEmpty());
        String errorText = ConsoleDriver.fx(error::getText);
        assertTrue(errorText.contains("private key"), errorText);
        assertFalse(ConsoleDriver.fx(() -> ui.inDialog(dialog, "#key-summary", Label.class).isVisible()), "no summary");
        assertTrue(ConsoleDriver.fx(create::isDisabled), "Create key stays disabled");
        assertTrue(dialogText(dialog).contains("Another key of this project is labelled"), dialogText(dialog));
        assertCaptionsReadable(dialog);
        // Clicking the disabled button does nothing either.
        ui.robot.clickOn(create);
        assertTrue(ui.isShowing("#create-jwt-key-dialog"));

        ui.click(ui.dialogButton(dialog, "Cancel"));
        ui.waitUntilClosed("#create-jwt-key-dialog");
        ui.waitUntilIdle();
        assertEquals(before, ui.ampersandClient().listJwtKeys(project(ui.ampersandClient(), PAYMENTS), false).size());
        assertTrue(ui.resultEntries().isEmpty(), "nothing was run");
    }

    // ---------------------------------------------------------------- 3. deactivate

    @Test
    void deactivatingOneOfSeveralActiveKeysNeedsNoTyping() {
        connectToAmpersand();
        String label = "checkout-signing-2025";
        String id = "13d92d15-4642-41aa-9fd2-783ae2cc85ba";
        ui.clickRow("#jwtkeys-table", JwtKey::label, label);
        assertEquals("Deactivate\u2026", ui.text("#toggle-jwt-key"));

        ui.click("#toggle-jwt-key");
        DialogPane dialog = ui.dialog("#deactivate-jwt-key-dialog");
        String text = dialogText(dialog);
        assertTrue(text.contains("Tokens signed with this key's private key stop verifying"), text);
        assertTrue(text.contains("3 other keys are active."), text);
        assertTrue(text.contains(id), "names the key's id: " + text);
        assertTrue(ConsoleDriver.fx(dialog::getHeaderText).contains(label));
        assertNull(ConsoleDriver.fx(() -> dialog.lookup("#confirm-name")), "no type-to-confirm");
        assertNull(ConsoleDriver.fx(() -> dialog.lookup("#last-active-warning")), "no last-key warning");
        Button deactivate = ui.dialogButton(dialog, "Deactivate");
        Button cancel = ui.dialogButton(dialog, "Cancel");
        assertTrue(ConsoleDriver.fx(cancel::isDefaultButton), "Cancel is the default button");
        assertFalse(ConsoleDriver.fx(deactivate::isDefaultButton));
        assertFalse(ConsoleDriver.fx(deactivate::isDisabled), "confirmable at once");

        ui.click(deactivate);
        ui.waitUntilClosed("#deactivate-jwt-key-dialog");
        ui.waitUntil("the change is recorded", () -> !ui.resultEntries().isEmpty());
        ui.waitUntilIdle();

        assertEquals("no", cell("Active", id));
        assertEquals("Activate\u2026", ui.text("#toggle-jwt-key"), "the selection follows the reloaded row");
        AmpersandClient server = ui.ampersandClient();
        assertFalse(server.getJwtKey(project(server, PAYMENTS), id).isActive(), "the server has it inactive");
        ResultEntry entry = assertOnlyEntry("Deactivate JWT key", ResultEntry.Outcome.SUCCEEDED);
        assertTrue(entry.target().contains(id), entry.target());
        assertEquals("The server reports it inactive.", entry.message());
        assertProjectRow(ui.resultEntries().get(0), PAYMENTS, true);

        // And back: activating needs no typing either.
        ui.click("#toggle-jwt-key");
        DialogPane activateDialog = ui.dialog("#activate-jwt-key-dialog");
        assertTrue(dialogText(activateDialog).contains("will verify again"), dialogText(activateDialog));
        assertNull(ConsoleDriver.fx(() -> activateDialog.lookup("#confirm-name")));
        ui.click(ui.dialogButton(activateDialog, "Activate"));
        ui.waitUntilClosed("#activate-jwt-key-dialog");
        ui.waitUntil("the activation is recorded", () -> ui.resultEntries().size() == 2);
        ui.waitUntilIdle();
        assertEquals("yes", cell("Active", id));
        assertTrue(server.getJwtKey(project(server, PAYMENTS), id).isActive(), "the server has it active again");
        assertEquals("Activate JWT key", ui.resultEntries().get(0).getValue().entry().action());
    }

    // ---------------------------------------------------------------- 4. the last active key

    @Test
    void theLastActiveKeyWarnsStronglyAndNeedsItsLabelTypedToDeactivateOrDelete() {
        connectToAmpersand();
        AmpersandClient server = ui.ampersandClient();
        Project partnerSso = project(server, PARTNER_SSO);
        List<JwtKey> active = server.listJwtKeys(partnerSso, true);
        assertEquals(1, active.size(), "partner-sso has exactly one active key");
        JwtKey last = active.get(0);

        ui.clickProject(PARTNER_SSO);
        waitForJwtKeys(PARTNER_SSO);
        ui.clickRow("#jwtkeys-table", JwtKey::label, last.label());

        // Deactivating it: the strong warning, and the label must be typed.
        ui.click("#toggle-jwt-key");
        DialogPane deactivateDialog = ui.dialog("#deactivate-jwt-key-dialog");
        Label warning = ui.inDialog(deactivateDialog, "#last-active-warning", Label.class);
        String warningText = ConsoleDriver.fx(warning::getText);
        assertTrue(warningText.contains("last active key"), warningText);
        assertTrue(ConsoleDriver.fx(warning::isVisible));
        Button deactivate = ui.dialogButton(deactivateDialog, "Deactivate");
        TextField deactivateField = ui.inDialog(deactivateDialog, "#confirm-name", TextField.class);
        assertTrue(ConsoleDriver.fx(deactivate::isDisabled), "disabled until the label is typed");
        assertTrue(ConsoleDriver.fx(() -> ui.dialogButton(deactivateDialog, "Cancel").isDefaultButton()));
        assertFalse(enabledAfterTyping(deactivateField, deactivate, last.label().toUpperCase()));
        assertTrue(enabledAfterTyping(deactivateField, deactivate, last.label()));
        ui.robot.type(KeyCode.ESCAPE);
        ui.waitUntilClosed("#deactivate-jwt-key-dialog");
        ui.waitUntilIdle();
        assertTrue(server.getJwtKey(partnerSso, last.id()).isActive(), "Esc deactivated nothing");
        assertTrue(ui.resultEntries().isEmpty());

        // Deleting it: the LAST-active note, and the exact label opens the gate.
        ui.click("#delete-jwt-key");
        DialogPane dialog = ui.dialog("#delete-jwt-key-dialog");
        Label note = ui.inDialog(dialog, "#active-note", Label.class);
        String noteText = ConsoleDriver.fx(note::getText);
        assertTrue(noteText.contains("LAST active key"), noteText);
        assertTrue(ConsoleDriver.fx(() -> note.getStyleClass().contains("danger-text")), "shown as a danger");
        Button delete = ui.dialogButton(dialog, "Delete key");
        TextField field = ui.inDialog(dialog, "#confirm-name", TextField.class);
        assertTrue(ConsoleDriver.fx(delete::isDisabled), "disabled while nothing is typed");
        assertTrue(dialogText(dialog).contains("To confirm, type the key label exactly: " + last.label()),
                dialogText(dialog));
        assertTrue(ConsoleDriver.fx(() -> ui.dialogButton(dialog, "Cancel").isDefaultButton()), "Cancel is the default button");
        assertFalse(enabledAfterTyping(field, delete, "SSO-SIGNING"), "wrong case");
        assertFalse(enabledAfterTyping(field, delete, "sso-sign"), "a prefix");
        assertFalse(enabledAfterTyping(field, delete, "sso-signing "), "a trailing space");
        assertTrue(enabledAfterTyping(field, delete, last.label()), "the exact label");

        ui.click(delete);
        ui.waitUntilClosed("#delete-jwt-key-dialog");
        ui.waitUntil("the deletion is recorded", () -> !ui.resultEntries().isEmpty());
        ui.waitUntilIdle();

        assertFalse(ui.<JwtKey>column("#jwtkeys-table", JwtKey::id).contains(last.id()), "gone from the table");
        assertFalse(ids(server.listJwtKeys(partnerSso, false)).contains(last.id()), "gone from the server");
        assertTrue(server.listJwtKeys(partnerSso, true).isEmpty(), "no active key left");
        ResultEntry entry = assertOnlyEntry("Delete JWT key", ResultEntry.Outcome.SUCCEEDED);
        assertEquals(PARTNER_SSO + " / " + last.label() + " (" + last.id() + ")", entry.target());
        assertProjectRow(ui.resultEntries().get(0), PARTNER_SSO, true);
    }

    // ---------------------------------------------------------------- 5. a 404 problem

    @Test
    void aKeyDeletedMeanwhileReportsTheProblemWithRemedyAndRequestIdAndCopiesIt() {
        connectToAmpersand();
        String label = "mobile-app-legacy";
        String id = "8b30645b-fbbb-4b20-be55-f99954317ce0";
        ui.clickRow("#jwtkeys-table", JwtKey::label, label);
        ui.click("#delete-jwt-key");
        DialogPane dialog = ui.dialog("#delete-jwt-key-dialog");

        // Someone else deletes it while the dialog is open.
        AmpersandClient server = ui.ampersandClient();
        server.deleteJwtKey(project(server, PAYMENTS), id);

        ui.typeInto(ui.inDialog(dialog, "#confirm-name", TextField.class), label);
        ui.click(ui.dialogButton(dialog, "Delete key"));
        ui.waitUntilClosed("#delete-jwt-key-dialog");
        ui.waitUntil("the failure is recorded", () -> !ui.resultEntries().isEmpty());
        ui.waitUntilIdle();

        ResultEntry entry = assertOnlyEntry("Delete JWT key", ResultEntry.Outcome.FAILED);
        assertEquals("Failed", entry.outcome().label());
        assertTrue(entry.message().contains("JWT key not found"), "the server's detail: " + entry.message());
        assertTrue(entry.message().contains("404"), entry.message());
        String requestId = entry.requestId();
        assertNotNull(requestId, "the server's request id is kept");
        assertFalse(requestId.isBlank());

        TreeItem<ResultsView.Row> item = ui.resultEntries().get(0);
        assertTrue(ConsoleDriver.fx(item::isExpanded), "a failure opens by default");
        assertProjectRow(item, PAYMENTS, false);
        List<String> details = ConsoleDriver.fx(() -> item.getChildren().stream().map(c -> c.getValue().detail())
                .filter(d -> d != null).toList());
        assertTrue(details.stream().anyMatch(d -> d.startsWith("Remedy: ") && d.contains("check the key ID")), "" + details);
        assertTrue(details.contains("Request id: " + requestId), "" + details);
        // And they are on screen, in the Message column.
        TreeTableView<ResultsView.Row> tree = ui.results();
        ui.waitUntil("the remedy and request id rows are rendered", () -> renderedTexts(tree)
                .containsAll(List.of("Request id: " + requestId)) && renderedTexts(tree).stream()
                .anyMatch(t -> t.startsWith("Remedy: ")));

        String notification = ui.text("#notification");
        assertTrue(notification.contains("JWT key not found"), notification);
        assertTrue(ConsoleDriver.fx(() -> ui.node("#notification", Node.class).getParent().isVisible()), "the bar is shown");
        assertFalse(ui.<JwtKey>column("#jwtkeys-table", JwtKey::id).contains(id), "the list shows the server's state");

        // "Copy details" on the selected entry.
        setClipboard("nothing yet");
        clickResultCell(tree, "Delete JWT key");
        ui.click("#copy-results");
        String copied = clipboard();
        assertTrue(copied.contains("Request id: " + requestId), copied);
        assertTrue(copied.contains("Delete JWT key") && copied.contains("Failed"), copied);

        // Ctrl+C on the focused panel copies the same.
        setClipboard("nothing yet");
        clickResultCell(tree, "Delete JWT key");
        ui.robot.push(KeyCode.SHORTCUT, KeyCode.C);
        ui.waitUntil("Ctrl+C copied the entry", () -> clipboard().contains("Request id: " + requestId));
    }

    // ---------------------------------------------------------------- 6. labels that repeat

    @Test
    void aKeyWhoseLabelRepeatsIsConfirmedByItsIdAndOnlyThatKeyGoes() {
        connectToAmpersand();
        String shared = "partner-webhooks";
        String target = "9c7d2d03-3b62-4196-87cb-6587530f78c8";
        String other = "ce887cc5-7a32-4697-bfc0-94d8ff9fa8ae";
        assertEquals(2, ui.<JwtKey>column("#jwtkeys-table", JwtKey::label).stream().filter(shared::equals).count());
        ui.clickRowWhere("#jwtkeys-table", target, (JwtKey k) -> k.id().equals(target));

        ui.click("#delete-jwt-key");
        DialogPane dialog = ui.dialog("#delete-jwt-key-dialog");
        String text = dialogText(dialog);
        assertTrue(text.contains("1 other key has the same label"), text);
        assertTrue(text.contains("To confirm, type the key id exactly: " + target), "asks for the id: " + text);
        assertFalse(text.contains("id name"), "an id is not a name: " + text);
        TextField field = ui.inDialog(dialog, "#confirm-name", TextField.class);
        assertEquals(target, ConsoleDriver.fx(field::getPromptText));
        Button delete = ui.dialogButton(dialog, "Delete key");
        assertFalse(enabledAfterTyping(field, delete, shared), "the shared label does not open the gate");
        assertFalse(enabledAfterTyping(field, delete, other), "the other key's id does not either");
        assertTrue(enabledAfterTyping(field, delete, target), "the key's id does");
        assertTrue(dialogText(dialog).contains("Key id matches."), dialogText(dialog));

        ui.click(delete);
        ui.waitUntilClosed("#delete-jwt-key-dialog");
        ui.waitUntil("the deletion is recorded", () -> !ui.resultEntries().isEmpty());
        ui.waitUntilIdle();

        assertOnlyEntry("Delete JWT key", ResultEntry.Outcome.SUCCEEDED);
        AmpersandClient server = ui.ampersandClient();
        Set<String> left = ids(server.listJwtKeys(project(server, PAYMENTS), false));
        assertFalse(left.contains(target), "the chosen key is gone");
        assertTrue(left.contains(other), "the other key with that label is kept");
        List<String> shown = ui.<JwtKey>column("#jwtkeys-table", JwtKey::id);
        assertFalse(shown.contains(target));
        assertTrue(shown.contains(other));
    }

    // ---------------------------------------------------------------- 7. rename

    @Test
    void renameClosesOnlyAfterTheServerAcceptedTheNewLabel() {
        connectToAmpersand();
        AmpersandClient server = ui.ampersandClient();
        Project payments = project(server, PAYMENTS);

        // A rename the server refuses (the key was deleted meanwhile) keeps the dialog open, saying why.
        String goneId = "8b30645b-fbbb-4b20-be55-f99954317ce0";
        ui.clickRow("#jwtkeys-table", JwtKey::label, "mobile-app-legacy");
        ui.click("#rename-jwt-key");
        DialogPane failing = ui.dialog("#rename-jwt-key-dialog");
        server.deleteJwtKey(payments, goneId);
        ui.typeInto(ui.inDialog(failing, "#jwt-key-label", TextField.class), "mobile-app-legacy-old");
        ui.click(ui.dialogButton(failing, "Rename"));
        Label error = ui.inDialog(failing, "#general-error", Label.class);
        ui.waitUntil("the refusal is shown in the dialog", () -> error.isVisible() && error.getText().contains("not found"));
        // Not waitUntilIdle(): the console counts as loading for as long as a dialog opened from a fresh read is open.
        ui.waitUntil("the failed rename has finished and the list was reloaded", () ->
                !ui.context.main().mutations().isRunning()
                        && ui.context.main().workspace().jwtKeys().stream().noneMatch(k -> k.id().equals(goneId)));
        assertTrue(ui.isShowing("#rename-jwt-key-dialog"), "still open after the failure");
        String failingText = dialogText(failing);
        assertTrue(failingText.contains("Remedy: "), failingText);
        assertTrue(failingText.contains("Request id: "), failingText);
        assertEquals(ResultEntry.Outcome.FAILED, ui.resultEntries().get(0).getValue().entry().outcome());
        ui.click(ui.dialogButton(failing, "Cancel"));
        ui.waitUntilClosed("#rename-jwt-key-dialog");
        ui.waitUntilIdle();

        // A rename that succeeds: open while the server takes its time, closed once it answered.
        String id = "8c75b684-c245-4d32-a69f-586acbf323bf";
        String renamed = "checkout-signing-2026 (rotated \u00e9)";
        ui.clickRow("#jwtkeys-table", JwtKey::label, "checkout-signing-2026");
        ui.click("#rename-jwt-key");
        DialogPane dialog = ui.dialog("#rename-jwt-key-dialog");
        TextField label = ui.inDialog(dialog, "#jwt-key-label", TextField.class);
        Button rename = ui.dialogButton(dialog, "Rename");
        assertEquals("checkout-signing-2026", ConsoleDriver.fx(label::getText), "starts with the current label");
        assertTrue(ConsoleDriver.fx(rename::isDisabled), "nothing to rename yet");
        ui.typeInto(label, "partner-webhooks");
        assertTrue(dialogText(dialog).contains("Another key of this project is labelled"), dialogText(dialog));
        assertCaptionsReadable(dialog);
        ui.typeInto(label, renamed);
        assertFalse(ConsoleDriver.fx(rename::isDisabled));

        ui.context.sandbox().faults().setLatencyMillis(2500);
        try {
            ui.click(rename);
            assertTrue(ConsoleDriver.fx(() -> ui.context.main().mutations().isRunning()), "the rename is under way");
            assertTrue(ui.isShowing("#rename-jwt-key-dialog"), "open while the server has not answered");
            assertTrue(ConsoleDriver.fx(rename::isDisabled), "no second click while it runs");
            ui.waitUntilClosed("#rename-jwt-key-dialog");
        } finally {
            ui.context.sandbox().faults().setLatencyMillis(0);
        }
        ui.waitUntil("the rename is recorded", () -> ui.resultEntries().size() == 2);
        ui.waitUntilIdle();

        assertEquals(renamed, server.getJwtKey(payments, id).label(), "the server has the new label");
        assertEquals(renamed, cell("Label", id), "the table shows it");
        ResultEntry entry = ui.resultEntries().get(0).getValue().entry();
        assertEquals("Rename JWT key", entry.action());
        assertEquals(ResultEntry.Outcome.SUCCEEDED, entry.outcome());
        assertTrue(entry.message().contains(renamed), entry.message());
    }

    // ---------------------------------------------------------------- helpers

    void connectToAmpersand() {
        ui.waitUntilLoaded();
        ui.connectTo(AppContext.AMPERSAND_DEMO_PROFILE);
        waitForJwtKeys(PAYMENTS);
    }

    void waitForJwtKeys(String projectName) {
        ui.waitUntil("the JWT keys of " + projectName + " are shown", () -> projectName.equals(ui.openProjectName())
                && !ui.context.main().workspace().loadingProperty().get()
                && !ui.context.main().workspace().jwtKeys().isEmpty());
        ui.waitUntilIdle();
    }

    List<String> tabIds() {
        TabPane tabs = ConsoleDriver.fx(() -> (TabPane) ui.stage.getScene().getRoot().lookup(".tab-pane"));
        return ConsoleDriver.fx(() -> tabs.getTabs().stream().map(Tab::getId).map(i -> "#" + i).toList());
    }

    static Project project(AmpersandClient server, String name) {
        return server.listProjects().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    static Set<String> ids(List<JwtKey> keys) {
        return keys.stream().map(JwtKey::id).collect(Collectors.toSet());
    }

    /** What the table's column shows for the key with that id. */
    String cell(String columnTitle, String id) {
        TableView<JwtKey> table = ui.table("#jwtkeys-table");
        return ConsoleDriver.fx(() -> {
            TableColumn<JwtKey, ?> column = table.getColumns().stream().filter(c -> columnTitle.equals(c.getText()))
                    .findFirst().orElseThrow(() -> new AssertionError("no column " + columnTitle));
            JwtKey row = table.getItems().stream().filter(k -> k.id().equals(id)).findFirst()
                    .orElseThrow(() -> new AssertionError("no row with id " + id));
            return String.valueOf(column.getCellData(row));
        });
    }

    boolean enabledAfterTyping(TextField field, Button confirm, String typed) {
        ui.typeInto(field, typed);
        return !ConsoleDriver.fx(confirm::isDisabled);
    }

    /** The header and every label's text in the dialog, one per line. */
    String dialogText(DialogPane pane) {
        return ConsoleDriver.fx(() -> {
            StringBuilder sb = new StringBuilder(pane.getHeaderText() == null ? "" : pane.getHeaderText());
            pane.getContent().lookupAll(".label").forEach(n -> {
                if (n instanceof Labeled l && l.isVisible() && l.getText() != null && !l.getText().isEmpty()) {
                    sb.append('\n').append(l.getText());
                }
            });
            return sb.toString();
        });
    }

    /** The form's field captions ("Label", "Public key") are shown whole, not cut to "...". */
    void assertCaptionsReadable(DialogPane dialog) {
        List<String> shown = ConsoleDriver.fx(() -> grids(dialog.getContent()).stream()
                .flatMap(g -> g.getChildren().stream())
                .filter(n -> n instanceof Label l && !l.isWrapText() && l.getText() != null && !l.getText().isEmpty()
                        && (javafx.scene.layout.GridPane.getColumnIndex(n) == null
                        || javafx.scene.layout.GridPane.getColumnIndex(n) == 0))
                .map(n -> {
                    javafx.scene.text.Text text = (javafx.scene.text.Text) n.lookup(".text");
                    return ((Label) n).getText() + " -> " + (text == null ? "(nothing)" : text.getText());
                }).toList());
        assertFalse(shown.isEmpty(), "the form has captions");
        shown.forEach(s -> {
            String[] parts = s.split(" -> ");
            assertEquals(parts[0], parts.length > 1 ? parts[1] : "", "caption cut: " + shown);
        });
    }

    static List<javafx.scene.layout.GridPane> grids(Node node) {
        List<javafx.scene.layout.GridPane> found = new java.util.ArrayList<>();
        if (node instanceof javafx.scene.layout.GridPane g) {
            found.add(g);
        }
        if (node instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> found.addAll(grids(c)));
        }
        return found;
    }

    /** Puts {@code text} on the clipboard and pastes it into the field with Shortcut+V, as an admin would. */
    void paste(TextArea field, String text) {
        setClipboard(text);
        ui.click(field);
        ui.robot.push(KeyCode.SHORTCUT, KeyCode.V);
        ui.waitUntil("the PEM is pasted", () -> text.equals(field.getText()));
    }

    void setClipboard(String text) {
        ui.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        });
    }

    String clipboard() {
        return ConsoleDriver.fx(() -> {
            String s = Clipboard.getSystemClipboard().getString();
            return s == null ? "" : s;
        });
    }

    ResultEntry assertOnlyEntry(String action, ResultEntry.Outcome outcome) {
        List<TreeItem<ResultsView.Row>> entries = ui.resultEntries();
        assertEquals(1, entries.size(), "one entry in the results panel");
        ResultEntry entry = entries.get(0).getValue().entry();
        assertEquals(action, entry.action());
        assertEquals(outcome, entry.outcome(), entry.message());
        assertTrue(entry.connection().contains("Ampersand"), "names the connection: " + entry.connection());
        return entry;
    }

    /** The entry has exactly one row for the project (Ampersand has no environments). */
    void assertProjectRow(TreeItem<ResultsView.Row> entry, String projectName, boolean success) {
        List<ResultEntry.EnvironmentRow> rows = ConsoleDriver.fx(() -> entry.getChildren().stream()
                .map(c -> c.getValue().environment()).filter(r -> r != null).toList());
        assertEquals(1, rows.size(), "one row for the project: " + rows);
        assertEquals("Project " + projectName, rows.get(0).environment());
        assertEquals(success, rows.get(0).success(), rows.get(0).message());
    }

    static List<String> renderedTexts(TreeTableView<ResultsView.Row> tree) {
        return tree.lookupAll(".tree-table-cell").stream()
                .filter(n -> n instanceof TreeTableCell<?, ?> c && !c.isEmpty() && c.getText() != null)
                .map(n -> ((TreeTableCell<?, ?>) n).getText()).toList();
    }

    void clickResultCell(TreeTableView<ResultsView.Row> tree, String text) {
        Node cell = ConsoleDriver.fx(() -> tree.lookupAll(".tree-table-cell").stream()
                .filter(n -> n instanceof TreeTableCell<?, ?> c && !c.isEmpty() && text.equals(c.getText()))
                .findFirst().orElseThrow(() -> new AssertionError("no cell " + text + " in the results")));
        ui.click(cell);
        ui.waitUntil("the entry is selected", () -> tree.getSelectionModel().getSelectedItem() != null
                && tree.getSelectionModel().getSelectedItem().getValue().environment() == null
                && tree.getSelectionModel().getSelectedItem().getValue().detail() == null);
    }

    // ---------------------------------------------------------------- keys, independently of the console

    static KeyPair rsaKeyPair() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    static RSAPublicKey rsa(String pem) {
        try {
            String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (Exception e) {
            throw new AssertionError("not an SPKI RSA public key PEM: " + pem, e);
        }
    }

    /** RFC 7638 thumbprint, computed here from the key's numbers rather than by the console's code. */
    static String thumbprint(RSAPublicKey key) {
        Function<BigInteger, String> b64 = n -> {
            byte[] b = n.toByteArray();
            if (b.length > 1 && b[0] == 0) {
                b = Arrays.copyOfRange(b, 1, b.length);
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        };
        String json = "{\"e\":\"" + b64.apply(key.getPublicExponent()) + "\",\"kty\":\"RSA\",\"n\":\""
                + b64.apply(key.getModulus()) + "\"}";
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
