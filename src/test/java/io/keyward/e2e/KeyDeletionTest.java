package io.keyward.e2e;

import io.keyward.model.Project;
import io.keyward.gateway.apinizer.ApinizerClient;
import io.keyward.model.Credential;
import io.keyward.model.CredentialSlot;
import io.keyward.model.CryptoKey;
import io.keyward.model.Jwk;
import io.keyward.session.ResultEntry;
import io.keyward.ui.results.ResultsView;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deleting a key through its confirmation dialog, with DELETE and NULLIFY, against the sandbox. */
class KeyDeletionTest extends ConsoleTest {

    static final String PROJECT = "payments";
    static final List<String> ENVIRONMENTS = List.of("production", "staging", "test");

    @Start
    void start(Stage stage) {
        launch(stage);
    }

    /** Selects the key, opens its dialog, picks the action, types the name and confirms. */
    void deleteKey(String key, String actionId) {
        ui.clickRow("#keys-table", CryptoKey::name, key);
        ui.click("#delete-key");
        DialogPane dialog = ui.dialog("#delete-key-dialog");
        ui.click(ui.inDialog(dialog, actionId, RadioButton.class));
        ui.typeInto(ui.inDialog(dialog, "#confirm-name", TextField.class), key);
        ui.click(ui.dialogButton(dialog, "Delete key"));
        ui.waitUntilClosed("#delete-key-dialog");
        ui.waitUntil("the deletion is recorded in the results panel", () -> !ui.resultEntries().isEmpty());
        ui.waitUntilIdle();
    }

    static Map<String, ResultEntry.EnvironmentRow> environmentRows(TreeItem<ResultsView.Row> entry) {
        return ConsoleDriver.fx(() -> entry.getChildren().stream().map(i -> i.getValue().environment())
                .collect(Collectors.toMap(ResultEntry.EnvironmentRow::environment, Function.identity())));
    }

    @Test
    void deleteRemovesTheDerivedJwksAndReportsEveryEnvironment() {
        ui.waitUntilLoaded();
        List<String> derived = List.of("api-signing-2026-private", "api-signing-2026-public");
        assertTrue(ui.<Jwk>column("#jwks-table", Jwk::name).containsAll(derived), "derived JWKs listed before");

        deleteKey("api-signing-2026", "#action-delete");

        List<String> jwks = ui.<Jwk>column("#jwks-table", Jwk::name);
        derived.forEach(j -> assertFalse(jwks.contains(j), j + " is still listed: " + jwks));
        assertFalse(ui.<CryptoKey>column("#keys-table", CryptoKey::name).contains("api-signing-2026"));
        ApinizerClient server = ui.directClient();
        assertTrue(server.listJwks(Project.named(PROJECT)).stream().map(Jwk::name).noneMatch(derived::contains),
                "the sandbox still has a derived JWK");
        // DELETE also empties the credential slots that held the private JWK.
        Credential checkout = server.listCredentials(Project.named(PROJECT)).stream()
                .filter(c -> c.username().equals("checkout-service")).findFirst().orElseThrow();
        assertNull(checkout.jwks().nameIn(CredentialSlot.VALIDATION));

        List<TreeItem<ResultsView.Row>> entries = ui.resultEntries();
        assertEquals(1, entries.size());
        ResultEntry entry = entries.get(0).getValue().entry();
        assertEquals("Delete key (delete derived JWKs)", entry.action());
        assertEquals(PROJECT + " / api-signing-2026", entry.target());
        assertEquals(ResultEntry.Outcome.SUCCEEDED, entry.outcome());
        assertEquals("Succeeded", entry.outcome().label());
        Map<String, ResultEntry.EnvironmentRow> rows = environmentRows(entries.get(0));
        assertEquals(ENVIRONMENTS, entries.get(0).getChildren().stream()
                .map(i -> i.getValue().environment().environment()).toList(), "one row per environment");
        rows.values().forEach(r -> assertTrue(r.success(), r.environment() + " failed: " + r.message()));
    }

    @Test
    void aFailingEnvironmentIsReportedAsADeploymentFailureOnItsOwnRow() {
        ui.waitUntilLoaded();
        ui.context.sandbox().faults().setFailingEnvironment("staging");

        deleteKey("webhook-ed25519", "#action-delete");

        List<TreeItem<ResultsView.Row>> entries = ui.resultEntries();
        ResultEntry entry = entries.get(0).getValue().entry();
        assertEquals(ResultEntry.Outcome.COMPLETED_WITH_DEPLOYMENT_FAILURES, entry.outcome());
        assertEquals("Completed with deployment failures", entry.outcome().label());
        assertTrue(entry.message().contains("staging"), entry.message());
        Map<String, ResultEntry.EnvironmentRow> rows = environmentRows(entries.get(0));
        assertEquals(ENVIRONMENTS.size(), rows.size());
        ResultEntry.EnvironmentRow staging = rows.get("staging");
        assertFalse(staging.success());
        assertTrue(staging.message().contains("Undeployment failed on staging"), staging.message());
        assertTrue(rows.get("production").success());
        assertTrue(rows.get("test").success());
        // The mutation itself happened: the key is gone from the table and the server.
        assertFalse(ui.<CryptoKey>column("#keys-table", CryptoKey::name).contains("webhook-ed25519"));

        // The failing environment's row is highlighted, the others are not.
        TreeTableView<ResultsView.Row> tree = ui.results();
        ui.waitUntil("the staging row is rendered", () -> rowFor(tree, "staging") != null);
        TreeTableRow<?> stagingRow = ConsoleDriver.fx(() -> rowFor(tree, "staging"));
        assertTrue(ConsoleDriver.fx(() -> stagingRow.getStyleClass().contains("env-failed")),
                "staging row style: " + stagingRow.getStyleClass());
        TreeTableRow<?> productionRow = ConsoleDriver.fx(() -> rowFor(tree, "production"));
        assertFalse(ConsoleDriver.fx(() -> productionRow.getStyleClass().contains("env-failed")));
        TreeTableRow<?> entryRow = ConsoleDriver.fx(() -> rowFor(tree, null));
        assertTrue(ConsoleDriver.fx(() -> entryRow.getStyleClass().contains("result-partial")),
                "entry row style: " + entryRow.getStyleClass());
    }

    /** The rendered row showing an environment's outcome (null: the entry itself). */
    static TreeTableRow<?> rowFor(TreeTableView<ResultsView.Row> tree, String environment) {
        for (Node n : tree.lookupAll(".tree-table-row-cell")) {
            if (n instanceof TreeTableRow<?> row && row.getItem() instanceof ResultsView.Row r && !row.isEmpty()) {
                if (r.isDay()) {
                    continue;
                }
                String env = r.environment() == null ? null : r.environment().environment();
                if (java.util.Objects.equals(env, environment)) {
                    return row;
                }
            }
        }
        return null;
    }

    @Test
    void nullifyKeepsTheDerivedJwksAndClearsTheirLink() {
        ui.waitUntilLoaded();
        String key = "legacy signing+v1";
        String jwk = "legacy-signing-v1";
        ui.selectTab("#jwks-tab");
        ui.clickRow("#jwks-table", Jwk::name, jwk);
        String sourceBefore = sourceColumn(jwk);
        assertEquals("PUBLIC_KEY", sourceBefore);
        assertTrue(ui.text("#jwks-details").contains("Derived from the public part of key \u201C" + key + "\u201D"),
                ui.text("#jwks-details"));

        ui.selectTab("#keys-tab");
        deleteKey(key, "#action-keep");

        assertEquals("Delete key (keep derived JWKs)", ui.resultEntries().get(0).getValue().entry().action());
        assertFalse(ui.<CryptoKey>column("#keys-table", CryptoKey::name).contains(key));
        assertTrue(ui.<Jwk>column("#jwks-table", Jwk::name).contains(jwk), "the derived JWK was kept");
        assertEquals(sourceBefore, sourceColumn(jwk), "Source column");
        ui.selectTab("#jwks-tab");
        ui.clickRow("#jwks-table", Jwk::name, jwk);
        String details = ui.text("#jwks-details");
        assertTrue(details.contains("its link to that key has been cleared"), details);
        assertFalse(details.contains(key), details);
        // The credential holding it keeps it.
        assertTrue(details.contains("mobile-app (validation)"), details);
    }

    String sourceColumn(String jwkName) {
        var table = ui.<Jwk>table("#jwks-table");
        return ConsoleDriver.fx(() -> {
            var column = table.getColumns().stream().filter(c -> "Source".equals(c.getText())).findFirst().orElseThrow();
            Jwk row = table.getItems().stream().filter(j -> j.name().equals(jwkName)).findFirst().orElseThrow();
            return String.valueOf(column.getCellData(row));
        });
    }
}
