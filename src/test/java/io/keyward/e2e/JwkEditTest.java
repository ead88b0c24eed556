package io.keyward.e2e;

import io.keyward.model.Project;
import io.keyward.gateway.apinizer.ApinizerClient;
import io.keyward.model.Jwk;
import io.keyward.model.JwkUpdate;
import io.keyward.session.ResultEntry;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Renaming a JWK: a name the server rejects is shown under the field and the dialog stays open. */
class JwkEditTest extends ConsoleTest {

    @Start
    void start(Stage stage) {
        launch(stage);
    }

    @Test
    void renamingToANameTakenOnTheServerShowsItsErrorInlineAndKeepsTheDialogOpen() {
        ui.waitUntilLoaded();
        String jwk = "ops/rotation 2026";
        ui.selectTab("#jwks-tab");
        ui.clickRow("#jwks-table", Jwk::name, jwk);
        ui.click("#edit-jwk");
        DialogPane dialog = ui.dialog("#edit-jwk-dialog");
        TextField name = ui.inDialog(dialog, "#jwk-name", TextField.class);
        Label error = ui.inDialog(dialog, "#name-error", Label.class);
        Button save = ui.dialogButton(dialog, "Save");

        // A name the console already lists is caught before anything is sent.
        ui.typeInto(name, "legacy-signing-v1");
        assertTrue(ConsoleDriver.fx(error::isVisible));
        assertTrue(ConsoleDriver.fx(error::getText).contains("already exists"), ConsoleDriver.fx(error::getText));
        assertTrue(ConsoleDriver.fx(save::isDisabled));

        // Meanwhile another admin takes a name the console has not seen yet.
        ApinizerClient colleague = ui.directClient();
        colleague.updateJwk(Project.named("payments"), "rollout 10% canary", new JwkUpdate("shared-hmac", null));

        ui.typeInto(name, "shared-hmac");
        assertFalse(ConsoleDriver.fx(error::isVisible), "no local objection to a name the console does not know");
        ui.click(save);
        ui.waitUntil("the server's objection is shown under the name", () -> error.isVisible()
                && error.getText().contains("already exist"));
        String text = ConsoleDriver.fx(error::getText);
        assertTrue(text.contains("shared-hmac"), text);
        assertTrue(ui.isShowing("#edit-jwk-dialog"), "the dialog stayed open");
        assertEquals("shared-hmac", ConsoleDriver.fx(name::getText), "the typed name is kept for correcting");
        assertTrue(ConsoleDriver.fx(save::isDisabled), "Save waits for a different name");
        ui.waitUntil("the failed attempt is recorded", () -> !ui.resultEntries().isEmpty());
        assertEquals(ResultEntry.Outcome.FAILED, ui.resultEntries().get(0).getValue().entry().outcome());

        ui.click(ui.dialogButton(dialog, "Cancel"));
        ui.waitUntilClosed("#edit-jwk-dialog");
        ui.waitUntilIdle();
        List<String> onServer = colleague.listJwks(Project.named("payments")).stream().map(Jwk::name).toList();
        assertTrue(onServer.contains(jwk), "the JWK kept its name: " + onServer);
        assertTrue(ui.<Jwk>column("#jwks-table", Jwk::name).containsAll(List.of(jwk, "shared-hmac")));
    }
}
