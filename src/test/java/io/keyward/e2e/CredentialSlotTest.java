package io.keyward.e2e;

import io.keyward.model.Project;
import io.keyward.model.Credential;
import io.keyward.model.CredentialSlot;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Removing a JWK from a credential slot through the slot menu and its confirmation. */
class CredentialSlotTest extends ConsoleTest {

    @Start
    void start(Stage stage) {
        launch(stage);
    }

    String cell(String column, String username) {
        TableView<Credential> t = ui.table("#credentials-table");
        return ConsoleDriver.fx(() -> {
            var c = t.getColumns().stream().filter(x -> column.equals(x.getText())).findFirst().orElseThrow();
            Credential row = t.getItems().stream().filter(x -> x.username().equals(username)).findFirst().orElseThrow();
            return String.valueOf(c.getCellData(row));
        });
    }

    @Test
    void removingTheValidationJwkEmptiesTheSlotInDetailsAndTable() {
        ui.waitUntilLoaded();
        String user = "checkout-service";
        String held = "api-signing-2026-private";
        ui.selectTab("#credentials-tab");
        ui.clickRow("#credentials-table", Credential::username, user);
        assertTrue(ui.text("#credentials-details").contains("Validation JWK: " + held), ui.text("#credentials-details"));
        assertEquals(held, cell("Validation JWK", user));

        ui.click("#validation-menu");
        ui.click("#remove-validation");
        DialogPane dialog = ui.dialog("#remove-credential-jwk-dialog");
        assertTrue(ConsoleDriver.fx(() -> ui.inDialog(dialog, "#removal-jwk", javafx.scene.control.Label.class).getText())
                .contains(held));
        ui.click(ui.dialogButton(dialog, "Remove JWK"));
        ui.waitUntilClosed("#remove-credential-jwk-dialog");
        ui.waitUntil("the removal is recorded", () -> !ui.resultEntries().isEmpty());
        ui.waitUntilIdle();

        String details = ui.text("#credentials-details");
        assertFalse(details.contains(held), details);
        assertTrue(details.contains("Validation JWK: \u2014"), details);
        assertTrue(details.contains("Encryption JWK: token-encryption-ec"), "the other slot is kept: " + details);
        assertEquals("\u2014", cell("Validation JWK", user));
        assertEquals("token-encryption-ec", cell("Encryption JWK", user));
        Credential onServer = ui.directClient().listCredentials(Project.named("payments")).stream()
                .filter(c -> c.username().equals(user)).findFirst().orElseThrow();
        assertNull(onServer.jwks().nameIn(CredentialSlot.VALIDATION));
        assertEquals("Remove validation JWK", ui.resultEntries().get(0).getValue().entry().action());
    }
}
