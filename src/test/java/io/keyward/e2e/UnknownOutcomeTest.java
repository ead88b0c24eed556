package io.keyward.e2e;

import io.keyward.gateway.ampersand.AmpersandClient;
import io.keyward.model.Jwk;
import io.keyward.model.JwtKey;
import io.keyward.model.Project;
import io.keyward.session.ResultEntry;
import io.keyward.ui.results.ResultsView;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A change the server carried out but whose answer was lost (the sandbox commits, then drops the
 * connection): the console records "Unknown — check", never "Failed", reads the target again at once
 * and records what it found; "Check again" asks once more.
 */
class UnknownOutcomeTest extends ConsoleTest {

    @Start
    void start(Stage stage) {
        launch(stage);
    }

    TreeItem<ResultsView.Row> newest() {
        return ui.resultEntries().get(0);
    }

    ResultEntry newestEntry() {
        return ConsoleDriver.fx(() -> newest().getValue().entry());
    }

    List<String> details(TreeItem<ResultsView.Row> item) {
        return ConsoleDriver.fx(() -> item.getChildren().stream().map(c -> c.getValue().detail())
                .filter(d -> d != null).toList());
    }

    @Test
    void aDeletionWhoseAnswerWasLostIsUnknownThenFoundToHaveHappened() {
        ui.waitUntilLoaded();
        String jwk = "rollout 10% canary";
        ui.selectTab("#jwks-tab");
        ui.clickRow("#jwks-table", Jwk::name, jwk);
        ui.context.sandbox().faults().setCommitThenDropNext(1);

        ui.click("#delete-jwk");
        DialogPane dialog = ui.dialog("#delete-jwk-dialog");
        ui.typeInto(ui.inDialog(dialog, "#confirm-name", TextField.class), jwk);
        ui.click(ui.dialogButton(dialog, "Delete JWK"));
        ui.waitUntilClosed("#delete-jwk-dialog");
        ui.waitUntil("the deletion is recorded", () -> !ui.resultEntries().isEmpty());
        ui.waitUntil("the check has found something", () -> !details(newest()).isEmpty());
        ui.waitUntilIdle();

        ResultEntry e = newestEntry();
        assertEquals(ResultEntry.Outcome.UNKNOWN, e.outcome(), "a lost answer is never 'Failed'");
        assertEquals("Unknown \u2014 checked: it happened", ConsoleDriver.fx(() -> ui.results().getColumns().stream()
                .filter(c -> c.getText().equals("Outcome")).findFirst().orElseThrow()
                .getCellObservableValue(newest()).getValue()));
        assertTrue(e.message().contains("unknown whether it happened"), e.message());
        String finding = details(newest()).get(0);
        assertEquals("Keyward checked", ConsoleDriver.fx(() -> {
            TreeItem<ResultsView.Row> row = newest().getChildren().stream().filter(c -> c.getValue().detail() != null)
                    .findFirst().orElseThrow();
            return ui.results().getColumns().stream().filter(c -> c.getText().equals("Action")).findFirst()
                    .orElseThrow().getCellObservableValue(row).getValue();
        }), "the finding is Keyward's, not the server's");
        assertTrue(finding.matches("Checked at \\d\\d:\\d\\d:\\d\\d: JWK \u201Crollout 10% canary\u201D is gone\\. "
                + "So it happened\\."), finding);
        assertTrue(ui.text("#notification").startsWith("No answer came for \u201CDelete JWK\u201D"),
                ui.text("#notification"));
        assertFalse(ui.directClient().listJwks(Project.named("payments")).stream().anyMatch(j -> j.name().equals(jwk)),
                "the server did delete it");
        assertFalse(ui.<Jwk>column("#jwks-table", Jwk::name).contains(jwk), "and the table shows that");

        // Later the admin asks again: one more finding on the same entry.
        ui.interact(() -> ui.results().getSelectionModel().select(newest()));
        ui.click("#check-results");
        ui.waitUntil("a second finding", () -> details(newest()).size() == 2);
        assertEquals(1, ui.resultEntries().size(), "the same change, not a new one");
        assertTrue(details(newest()).get(1).endsWith("is gone. So it happened."), details(newest()).toString());
    }

    @Test
    void anAmpersandDeactivationWhoseAnswerWasLostIsCheckedOnTheKey() {
        ui.waitUntilLoaded();
        ui.connectTo("Demo sandbox (Ampersand)");
        AmpersandClient server = ui.ampersandClient();
        Project payments = server.listProjects().stream().filter(p -> p.name().equals("payments-prod")).findFirst()
                .orElseThrow();
        JwtKey key = server.listJwtKeys(payments, true).get(0);
        ui.clickRowWhere("#jwtkeys-table", "the key " + key.id(), (JwtKey k) -> k.id().equals(key.id()));
        ui.context.sandbox().faults().setCommitThenDropNext(1);

        ui.click("#toggle-jwt-key");
        DialogPane dialog = ui.dialog("#deactivate-jwt-key-dialog");
        ui.click(ui.dialogButton(dialog, "Deactivate"));
        ui.waitUntilClosed("#deactivate-jwt-key-dialog");
        ui.waitUntil("the check has found something", () -> !ui.resultEntries().isEmpty()
                && !details(newest()).isEmpty());
        ui.waitUntilIdle();

        assertEquals(ResultEntry.Outcome.UNKNOWN, newestEntry().outcome());
        assertTrue(details(newest()).get(0).endsWith("The key is inactive. So it happened."), details(newest()).toString());
        assertEquals(Boolean.FALSE, server.getJwtKey(payments, key.id()).active());
    }

    @Test
    void aChangeThatNeverReachedTheServerIsFailedNotUnknown() {
        ui.waitUntilLoaded();
        String jwk = "rollout 10% canary";
        ui.selectTab("#jwks-tab");
        ui.clickRow("#jwks-table", Jwk::name, jwk);
        // A proxy answering its own 502 page: the request never reached the manager.
        ui.click("#delete-jwk");
        DialogPane dialog = ui.dialog("#delete-jwk-dialog");
        ui.typeInto(ui.inDialog(dialog, "#confirm-name", TextField.class), jwk);
        ui.context.sandbox().faults().setBadGatewayRate(1.0);
        ui.click(ui.dialogButton(dialog, "Delete JWK"));
        ui.waitUntilClosed("#delete-jwk-dialog");
        ui.waitUntil("the deletion is recorded", () -> !ui.resultEntries().isEmpty());
        ui.context.sandbox().faults().reset();
        ui.waitUntilIdle();

        assertEquals(ResultEntry.Outcome.FAILED, newestEntry().outcome(), "an answer came: it is a failure");
        assertTrue(ui.directClient().listJwks(Project.named("payments")).stream().anyMatch(j -> j.name().equals(jwk)));
    }
}
