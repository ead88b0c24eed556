package io.keyward.e2e;

import io.keyward.model.Project;
import io.keyward.model.CryptoKey;
import io.keyward.model.Jwk;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The type-to-confirm gate of destructive dialogs: the confirming button opens only for the exact
 * name, Cancel is the default button, and Enter or Esc close the dialog without deleting anything.
 */
class ConfirmationGateTest extends ConsoleTest {

    @Start
    void start(Stage stage) {
        launch(stage);
    }

    /** Types into the gate field and reports whether the confirming button is enabled. */
    boolean enabledAfterTyping(TextField field, Button confirm, String typed) {
        ui.typeInto(field, typed);
        return !ConsoleDriver.fx(confirm::isDisabled);
    }

    @Test
    void deleteKeyStaysDisabledUntilTheExactNameEnterExplainsOrMovesOnAndEscCancels() {
        ui.waitUntilLoaded();
        String key = "webhook-ed25519";
        ui.clickRow("#keys-table", CryptoKey::name, key);
        ui.click("#delete-key");
        DialogPane dialog = ui.dialog("#delete-key-dialog");
        TextField field = ui.inDialog(dialog, "#confirm-name", TextField.class);
        Button delete = ui.dialogButton(dialog, "Delete key");
        Button cancel = ui.dialogButton(dialog, "Cancel");

        assertTrue(ConsoleDriver.fx(delete::isDisabled), "disabled while the name is empty");
        assertTrue(ConsoleDriver.fx(cancel::isDefaultButton), "Cancel is the default button");
        assertFalse(ConsoleDriver.fx(delete::isDefaultButton), "Delete key is not the default button");
        Label hint = ui.inDialog(dialog, "#confirm-hint", Label.class);
        assertFalse(enabledAfterTyping(field, delete, "webhook"), "a prefix does not open the gate");
        // Enter never cancels silently: with a mismatch it says what differs, and the dialog stays.
        ui.robot.type(KeyCode.ENTER);
        ui.waitUntil("the hint says what is missing", () -> ConsoleDriver.fx(hint::getText).startsWith("Not complete"));
        assertTrue(ui.isShowing("#delete-key-dialog"));
        assertFalse(enabledAfterTyping(field, delete, "WEBHOOK-ED25519"), "a name differing in case does not open it");
        ui.robot.type(KeyCode.ENTER);
        ui.waitUntil("the hint names the case", () -> ConsoleDriver.fx(hint::getText).contains("case"));
        assertFalse(enabledAfterTyping(field, delete, key + " "), "a trailing space does not open it");
        ui.robot.type(KeyCode.ENTER);
        ui.waitUntil("the hint names the extra space", () -> ConsoleDriver.fx(hint::getText).contains("spaces count"));
        assertTrue(enabledAfterTyping(field, delete, key), "the exact name opens the gate");

        // With a match, Enter moves to the confirming button without pressing it; Esc still cancels.
        ui.robot.type(KeyCode.ENTER);
        ui.waitUntil("the Delete key button has the focus", () -> ConsoleDriver.fx(delete::isFocused));
        assertTrue(ui.isShowing("#delete-key-dialog"), "Enter did not delete");
        assertTrue(ConsoleDriver.fx(delete::isDefaultButton), "now Enter would press what has the focus");
        ui.robot.type(KeyCode.ESCAPE);
        ui.waitUntilClosed("#delete-key-dialog");
        ui.waitUntilIdle();
        assertKeyStillThere(key);

        // Esc cancels too.
        ui.click("#delete-key");
        dialog = ui.dialog("#delete-key-dialog");
        field = ui.inDialog(dialog, "#confirm-name", TextField.class);
        ui.typeInto(field, key);
        ui.robot.type(KeyCode.ESCAPE);
        ui.waitUntilClosed("#delete-key-dialog");
        ui.waitUntilIdle();
        assertKeyStillThere(key);
        assertTrue(ui.resultEntries().isEmpty(), "nothing was run");
    }

    void assertKeyStillThere(String key) {
        assertTrue(ui.<CryptoKey>column("#keys-table", CryptoKey::name).contains(key), "key gone from the table");
        assertTrue(ui.directClient().listKeys(Project.named("payments")).stream().anyMatch(k -> k.name().equals(key)),
                "key gone from the sandbox");
    }

    @Test
    void deleteJwkGateAndTheDeleteKeyOnAFocusedRow() {
        ui.waitUntilLoaded();
        String jwk = "rollout 10% canary";
        ui.selectTab("#jwks-tab");
        ui.clickRow("#jwks-table", Jwk::name, jwk);
        // The Delete key on the focused table opens the same confirmation as the button.
        ui.robot.type(KeyCode.DELETE);
        DialogPane dialog = ui.dialog("#delete-jwk-dialog");
        TextField field = ui.inDialog(dialog, "#confirm-name", TextField.class);
        Button delete = ui.dialogButton(dialog, "Delete JWK");

        assertTrue(ConsoleDriver.fx(delete::isDisabled), "disabled while the name is empty");
        assertTrue(ConsoleDriver.fx(() -> ui.dialogButton(dialog, "Cancel").isDefaultButton()));
        assertFalse(enabledAfterTyping(field, delete, "Rollout 10% Canary"), "case differs");
        assertFalse(enabledAfterTyping(field, delete, "rollout 10%"), "prefix");
        assertTrue(enabledAfterTyping(field, delete, jwk), "exact name");
        assertFalse(enabledAfterTyping(field, delete, jwk + "x"), "closes again when the name stops matching");

        ui.robot.type(KeyCode.ESCAPE);
        ui.waitUntilClosed("#delete-jwk-dialog");
        ui.waitUntilIdle();
        assertTrue(ui.<Jwk>column("#jwks-table", Jwk::name).contains(jwk));
        assertTrue(ui.directClient().listJwks(Project.named("payments")).stream().anyMatch(j -> j.name().equals(jwk)));

        // And on the Keys tab.
        ui.selectTab("#keys-tab");
        ui.clickRow("#keys-table", CryptoKey::name, "token-encryption-ec");
        ui.robot.type(KeyCode.DELETE);
        DialogPane keyDialog = ui.dialog("#delete-key-dialog");
        assertTrue(ConsoleDriver.fx(keyDialog::getHeaderText).contains("token-encryption-ec"));
        ui.robot.type(KeyCode.ESCAPE);
        ui.waitUntilClosed("#delete-key-dialog");
        assertTrue(ui.resultEntries().isEmpty(), "nothing was run");
    }
}
