package io.keyward.e2e;

import io.keyward.model.CryptoKey;
import io.keyward.model.Project;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A token rejected mid-session (HTTP 401) leads to the reconnect offer and back to working data. */
class ReconnectTest extends ConsoleTest {

    @Start
    void start(Stage stage) {
        launch(stage);
    }

    void assertNoToken(String where, String text) {
        String token = ui.context.sandbox().adminToken();
        assertFalse(text.contains(token), where + " shows the token");
    }

    @Test
    void a401OffersToReconnectAndReconnectingLoadsTheProjectsAgain() {
        ui.waitUntilLoaded();
        ui.context.sandbox().faults().setRejectTokens(true);

        ui.click("#project-title"); // the main window has the focus, as when the admin works in it
        ui.robot.type(KeyCode.F5);
        DialogPane offer = ui.dialog("#reconnect-dialog");
        String offerText = ConsoleDriver.fx(offer::getContentText);
        assertTrue(offerText.contains("Invalid token"), offerText);
        assertNoToken("the reconnect offer", offerText + ConsoleDriver.fx(offer::getHeaderText));
        String notification = ui.text("#notification");
        assertTrue(notification.contains("Invalid token"), notification);
        assertNoToken("the notification", notification);
        assertNoToken("the status bar", ui.text("#status"));

        ui.click(ui.dialogButton(offer, "Reconnect\u2026"));
        DialogPane connections = ui.dialog("#connections-dialog");
        assertFalse(ui.isShowing("#reconnect-dialog"));

        // Testing with the rejected token says so, inline.
        ui.click(ui.inDialog(connections, "#test-connection", javafx.scene.control.Button.class));
        Label result = ui.inDialog(connections, "#test-result", Label.class);
        ui.waitUntil("the test reports the rejection", () -> result.getText().contains("Invalid token"));
        assertNoToken("the test result", ConsoleDriver.fx(result::getText));

        // The admin gets a valid token (the sandbox accepts tokens again) and enters it.
        ui.context.sandbox().faults().setRejectTokens(false);
        ui.typeInto(ui.inDialog(connections, "#profile-secret", PasswordField.class), ui.context.sandbox().adminToken());
        ui.click(ui.inDialog(connections, "#test-connection", javafx.scene.control.Button.class));
        ui.waitUntil("the test succeeds", () -> result.getText().startsWith("Connected. 3 projects"));

        ui.click(ui.dialogButton(connections, "Connect"));
        ui.waitUntilClosed("#connections-dialog");
        ui.waitUntilLoaded();

        List<String> listed = ConsoleDriver.fx(() -> ui.context.main().projects().projects().stream()
                .map(Project::name).toList());
        assertEquals(ui.directClient().listProjects().stream().map(Project::name).toList(), listed);
        assertEquals("Project: payments", ui.text("#project-title"));
        javafx.scene.control.ListView<?> projects = ui.robot.lookup("#projects").queryListView();
        assertEquals("payments", ConsoleDriver.fx(() -> ((Project) projects.getSelectionModel().getSelectedItem()).name()),
                "the open project is the one highlighted in the list");
        Set<String> keys = ui.directClient().listKeys(Project.named("payments")).stream().map(CryptoKey::name).collect(Collectors.toSet());
        assertEquals(keys, Set.copyOf(ui.<CryptoKey>column("#keys-table", CryptoKey::name)));
        assertNoToken("the notification", ui.text("#notification"));
        assertNoToken("the status bar", ui.text("#status"));
        assertFalse(ui.isShowing("#reconnect-dialog"), "offered again after reconnecting");
    }
}
