package io.keyward.e2e;

import io.keyward.app.AppContext;
import io.keyward.gateway.ampersand.AmpersandClient;
import io.keyward.model.CredentialSlot;
import io.keyward.model.CryptoKey;
import io.keyward.model.Jwk;
import io.keyward.model.JwtKey;
import io.keyward.model.Project;
import io.keyward.session.BulkRun;
import io.keyward.session.ResultEntry;
import io.keyward.ui.common.BulkDeleteDialogViewModel;
import io.keyward.ui.results.ResultsView;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bulk deletion on the real window against the sandbox: several rows selected with Ctrl, one confirmation
 * showing the combined impact and asking for the count, the run (with a failing environment and a lost
 * answer; with the derived-JWK choice for keys; on Ampersand's JWT keys; cancelled midway), and its group
 * in the results panel. What the server holds afterwards is checked through a client of the test's own.
 */
class BulkDeletionTest extends ConsoleTest {

    static final String PROJECT = "payments";

    @Start
    void start(Stage stage) {
        launch(stage);
    }

    /** Clicks the first row, then Ctrl+clicks the others, as an admin picks several rows. */
    <T> void selectRows(String tableId, Function<T, String> firstColumn, List<String> rows) {
        ui.clickRow(tableId, firstColumn, rows.get(0));
        for (String row : rows.subList(1, rows.size())) {
            ui.robot.press(KeyCode.CONTROL);
            try {
                ui.clickRow(tableId, firstColumn, row);
            } finally {
                ui.robot.release(KeyCode.CONTROL);
            }
        }
        TableView<T> t = ui.table(tableId);
        ui.waitUntil(rows.size() + " rows are selected in " + tableId, () -> t.getSelectionModel().getSelectedItems()
                .stream().map(firstColumn).collect(Collectors.toSet()).equals(Set.copyOf(rows)));
    }

    @SuppressWarnings("unchecked")
    List<BulkDeleteDialogViewModel.Row> impactRows(DialogPane dialog) {
        TableView<BulkDeleteDialogViewModel.Row> t = ui.inDialog(dialog, "#bulk-impact", TableView.class);
        return ConsoleDriver.fx(() -> List.copyOf(t.getItems()));
    }

    String summaryText(DialogPane dialog) {
        Node box = ui.inDialog(dialog, "#bulk-summary", Node.class);
        return ConsoleDriver.fx(() -> box.lookupAll(".label").stream().map(n -> ((Label) n).getText())
                .collect(Collectors.joining("\n")));
    }

    /** Types the count and presses the confirming button. */
    void confirm(DialogPane dialog, int count, String noun) {
        Button delete = ui.dialogButton(dialog, "Delete " + count + " " + noun);
        assertTrue(ConsoleDriver.fx(delete::isDisabled), "disabled until the count is typed");
        assertTrue(ConsoleDriver.fx(() -> ui.dialogButton(dialog, "Cancel").isDefaultButton()), "Cancel is the default");
        ui.typeInto(ui.inDialog(dialog, "#confirm-name", TextField.class), String.valueOf(count + 1));
        assertTrue(ConsoleDriver.fx(delete::isDisabled), "another number does not open the gate");
        ui.typeInto(ui.inDialog(dialog, "#confirm-name", TextField.class), String.valueOf(count));
        ui.waitUntil("the button is enabled", () -> !delete.isDisabled());
        ui.click(delete);
    }

    /** The results panel's rows of the bulk run: the group row and its items. */
    TreeItem<ResultsView.Row> group() {
        ui.waitUntil("a bulk run is in the results", () -> ui.resultEntries().stream()
                .anyMatch(i -> i.getValue().isGroup()));
        return ui.resultEntries().stream().filter(i -> i.getValue().isGroup()).findFirst().orElseThrow();
    }

    void waitUntilRunEnded() {
        ui.waitUntil("the bulk run has ended", () -> !ui.context.main().mutations().bulk().isRunning()
                && ui.context.main().results().bulks().values().stream()
                .noneMatch(b -> b.state() == BulkRun.State.RUNNING));
        ui.waitUntilIdle();
    }

    /** The text the group row shows in a column ("Action", "Outcome", "Message"). */
    String groupCell(TreeItem<ResultsView.Row> group, String column) {
        return ConsoleDriver.fx(() -> ui.results().getColumns().stream().filter(c -> c.getText().equals(column))
                .findFirst().orElseThrow().getCellObservableValue(group).getValue().toString());
    }

    static List<ResultEntry> items(TreeItem<ResultsView.Row> group) {
        return ConsoleDriver.fx(() -> group.getChildren().stream().map(i -> i.getValue().entry()).toList());
    }

    @Test
    void jwksShowEveryHolderAndAFailingEnvironmentAndALostAnswerEndGroupedInTheResults() {
        ui.waitUntilLoaded();
        ui.selectTab("#jwks-tab");
        List<String> chosen = List.of("api-signing-2026-private", "token-encryption-ec", "idp-signing",
                "card-vault-mtls");
        selectRows("#jwks-table", Jwk::name, chosen);
        assertEquals("Delete 4 JWKs\u2026", ui.text("#delete-jwk"));
        assertTrue(ConsoleDriver.fx(() -> ui.node("#edit-jwk", Button.class).isDisabled()), "rename is for one JWK");

        ui.robot.type(KeyCode.DELETE);
        DialogPane dialog = ui.dialog("#bulk-delete-dialog");
        assertEquals("Delete 4 JWKs?", ConsoleDriver.fx(dialog::getHeaderText));
        assertTrue(ui.text("#where").startsWith(AppContext.DEMO_PROFILE + " (Apinizer, "), ui.text("#where"));
        assertTrue(ui.text("#where").endsWith(" \u00B7 " + PROJECT), ui.text("#where"));
        List<BulkDeleteDialogViewModel.Row> rows = impactRows(dialog);
        // Every credential slot holding each JWK, from the server's current state.
        Set<List<String>> held = rows.stream().filter(r -> r.tone() == BulkDeleteDialogViewModel.Tone.DANGER)
                .map(r -> List.of(r.cells().get(0), r.cells().get(1), r.cells().get(2).split(":")[0]))
                .collect(Collectors.toSet());
        Set<List<String>> expected = ui.directClient().listCredentials(Project.named(PROJECT)).stream()
                .filter(c -> c.jwks() != null)
                .flatMap(c -> java.util.Arrays.stream(CredentialSlot.values())
                        .filter(s -> c.jwks().nameIn(s) != null && chosen.contains(c.jwks().nameIn(s)))
                        .map(s -> List.of(c.jwks().nameIn(s), c.username(), s.label())))
                .collect(Collectors.toSet());
        assertFalse(expected.isEmpty(), "the demo data has holders");
        assertEquals(expected, held);
        Set<String> unheld = chosen.stream().filter(n -> expected.stream().noneMatch(e -> e.get(0).equals(n)))
                .collect(Collectors.toSet());
        assertFalse(unheld.isEmpty(), "the demo data has JWKs nobody holds");
        assertEquals(unheld, rows.stream().filter(r -> r.cells().get(1).equals("no credential"))
                .map(r -> r.cells().get(0)).collect(Collectors.toSet()), rows.toString());
        assertTrue(summaryText(dialog).contains(expected.size() + " credential slots hold"), summaryText(dialog));
        assertEquals("Type 4 to delete 4 JWKs.", ConsoleDriver.fx(() -> ((Label) ui.inDialog(dialog,
                "#confirm-name", Node.class).getParent().getChildrenUnmodifiable().get(0)).getText()));

        // The server misbehaves from here: staging fails to undeploy, and one answer is lost after the deletion.
        ui.context.sandbox().faults().setFailingEnvironment("staging").setCommitThenDropNext(1);
        confirm(dialog, 4, "JWKs");
        ui.waitUntilClosed("#bulk-delete-dialog");
        waitUntilRunEnded();

        TreeItem<ResultsView.Row> group = group();
        assertEquals("Delete 4 JWKs", groupCell(group, "Action"));
        assertEquals("Finished", groupCell(group, "Outcome"));
        assertEquals("3 completed with deployment failures, 1 unknown", groupCell(group, "Message"));
        List<ResultEntry> items = items(group);
        assertEquals(4, items.size());
        assertEquals(Set.copyOf(chosen.stream().map(n -> PROJECT + " / " + n).toList()),
                items.stream().map(ResultEntry::target).collect(Collectors.toSet()));
        // Each item opens to its own per-environment rows, staging failing.
        TreeItem<ResultsView.Row> partial = ConsoleDriver.fx(() -> group.getChildren().stream().filter(i ->
                i.getValue().entry().outcome() == ResultEntry.Outcome.COMPLETED_WITH_DEPLOYMENT_FAILURES).findFirst()
                .orElseThrow());
        Map<String, Boolean> environments = ConsoleDriver.fx(() -> partial.getChildren().stream()
                .filter(i -> i.getValue().environment() != null)
                .collect(Collectors.toMap(i -> i.getValue().environment().environment(),
                        i -> i.getValue().environment().success())));
        assertEquals(Map.of("production", true, "staging", false, "test", true), environments);
        ui.waitUntil("the lost answer is checked", () -> ui.context.main().results().entries().stream()
                .anyMatch(e -> e.isUnknown() && !e.checked().isEmpty()));
        assertTrue(ui.context.main().results().entries().stream().filter(ResultEntry::isUnknown)
                .allMatch(e -> e.outcomeText().equals("Unknown \u2014 checked: it happened")));
        assertTrue(ui.directClient().listJwks(Project.named(PROJECT)).stream().map(Jwk::name).noneMatch(chosen::contains),
                "every deletion happened on the server");
        List<String> listed = ui.column("#jwks-table", Jwk::name);
        chosen.forEach(n -> assertFalse(listed.contains(n), n + " still listed"));

        // The outcome filter narrows the group to its matching items; the group row stays as their heading.
        ui.interact(() -> ui.context.main().results().outcomeFilterProperty().set(ResultEntry.Outcome.UNKNOWN.label()));
        ui.waitUntil("the filter applies", () -> items(group()).size() == 1);
        assertEquals("3 completed with deployment failures, 1 unknown", groupCell(group(), "Message"),
                "the summary counts the whole run");
    }

    @Test
    void keysTakeOneDerivedJwkChoiceForAll() {
        ui.waitUntilLoaded();
        List<String> chosen = List.of("api-signing-2026", "token-encryption-ec");
        selectRows("#keys-table", CryptoKey::name, chosen);
        ui.click("#delete-key");
        // The confirmation reloads the lists; cancelling it leaves both rows selected, as they were.
        ui.dialog("#bulk-delete-dialog");
        ui.robot.type(KeyCode.ESCAPE);
        ui.waitUntilClosed("#bulk-delete-dialog");
        ui.waitUntilIdle();
        TableView<CryptoKey> keys = ui.table("#keys-table");
        assertEquals(Set.copyOf(chosen), ConsoleDriver.fx(() -> keys.getSelectionModel().getSelectedItems().stream()
                .map(CryptoKey::name).collect(Collectors.toSet())));
        assertEquals("Delete 2 keys\u2026", ui.text("#delete-key"));
        assertTrue(ui.resultEntries().isEmpty(), "nothing was run");

        ui.click("#delete-key");
        DialogPane dialog = ui.dialog("#bulk-delete-dialog");
        assertEquals("Delete 2 keys?", ConsoleDriver.fx(dialog::getHeaderText));
        // Keeping is preselected: nothing loses a JWK.
        assertTrue(ConsoleDriver.fx(() -> ui.inDialog(dialog, "#action-keep", RadioButton.class).isSelected()));
        assertTrue(summaryText(dialog).contains("No credential loses a JWK"), summaryText(dialog));
        List<String> derived = List.of("api-signing-2026-private", "api-signing-2026-public", "token-encryption-ec",
                "token-encryption-ec-public");
        assertEquals(Set.copyOf(derived), impactRows(dialog).stream().map(r -> r.cells().get(1)).collect(Collectors.toSet()));

        ui.click(ui.inDialog(dialog, "#action-delete", RadioButton.class));
        ui.waitUntil("the impact shows the credentials that lose a JWK", () -> summaryText(dialog)
                .contains("credential slots are cleared"));
        assertTrue(impactRows(dialog).stream().anyMatch(r -> r.cells().get(3).contains("checkout-service (validation)")),
                impactRows(dialog).toString());
        confirm(dialog, 2, "keys");
        ui.waitUntilClosed("#bulk-delete-dialog");
        waitUntilRunEnded();

        TreeItem<ResultsView.Row> group = group();
        assertEquals("Delete 2 keys (delete derived JWKs)", groupCell(group, "Action"));
        assertEquals("2 succeeded", groupCell(group, "Message"));
        assertTrue(items(group).stream().allMatch(e -> e.action().equals("Delete key (delete derived JWKs)")));
        var server = ui.directClient();
        assertTrue(server.listKeys(Project.named(PROJECT)).stream().map(CryptoKey::name).noneMatch(chosen::contains));
        assertTrue(server.listJwks(Project.named(PROJECT)).stream().map(Jwk::name).noneMatch(derived::contains),
                "DELETE applied to every key's derived JWKs");
        assertNull(server.listCredentials(Project.named(PROJECT)).stream().filter(c -> c.username().equals("checkout-service"))
                .findFirst().orElseThrow().jwks().nameIn(CredentialSlot.VALIDATION));
    }

    @Test
    void ampersandJwtKeysSayWhichAreActiveAndGoTogether() {
        ui.waitUntilLoaded();
        ui.connectTo(AppContext.AMPERSAND_DEMO_PROFILE);
        ui.waitUntil("JWT keys are shown", () -> !ui.context.main().workspace().jwtKeys().isEmpty());
        ui.waitUntilIdle();
        TableView<JwtKey> table = ui.table("#jwtkeys-table");
        List<JwtKey> keys = ConsoleDriver.fx(() -> List.copyOf(table.getItems().subList(0, 3)));
        ui.clickRowWhere("#jwtkeys-table", keys.get(0).id(), (Predicate<JwtKey>) k -> k.id().equals(keys.get(0).id()));
        for (JwtKey k : keys.subList(1, 3)) {
            ui.robot.press(KeyCode.CONTROL);
            try {
                ui.clickRowWhere("#jwtkeys-table", k.id(), (Predicate<JwtKey>) x -> x.id().equals(k.id()));
            } finally {
                ui.robot.release(KeyCode.CONTROL);
            }
        }
        ui.waitUntil("three keys are selected", () -> table.getSelectionModel().getSelectedItems().size() == 3);
        assertTrue(ConsoleDriver.fx(() -> ui.node("#rename-jwt-key", Button.class).isDisabled()), "rename is for one key");
        ui.click("#delete-jwt-key");
        DialogPane dialog = ui.dialog("#bulk-delete-dialog");
        assertEquals("Delete 3 JWT keys?", ConsoleDriver.fx(dialog::getHeaderText));
        List<BulkDeleteDialogViewModel.Row> rows = impactRows(dialog);
        assertEquals(keys.stream().map(JwtKey::id).collect(Collectors.toSet()),
                rows.stream().map(r -> r.cells().get(1)).collect(Collectors.toSet()));
        long active = keys.stream().filter(JwtKey::isActive).count();
        rows.forEach(r -> assertEquals(r.cells().get(2).equals("yes"), r.tone() == BulkDeleteDialogViewModel.Tone.DANGER,
                r.toString()));
        if (active > 0) {
            assertTrue(summaryText(dialog).contains(active + " of these 3 keys"), summaryText(dialog));
        }
        confirm(dialog, 3, "JWT keys");
        ui.waitUntilClosed("#bulk-delete-dialog");
        waitUntilRunEnded();

        TreeItem<ResultsView.Row> group = group();
        assertEquals("Delete 3 JWT keys", groupCell(group, "Action"));
        assertEquals("3 succeeded", groupCell(group, "Message"));
        AmpersandClient server = ui.ampersandClient();
        Project p = ui.context.main().workspace().project();
        Set<String> left = server.listJwtKeys(p, false).stream().map(JwtKey::id).collect(Collectors.toSet());
        keys.forEach(k -> assertFalse(left.contains(k.id()), k.id() + " is still on the server"));
    }

    @Test
    void aConfirmationOfFiveHundredJwksFitsTheScreenWithItsButtonsInView() {
        ui.waitUntilLoaded();
        List<BulkDeleteDialogViewModel.Row> rows = new java.util.ArrayList<>();
        for (int i = 1; i <= 500; i++) {
            rows.add(new BulkDeleteDialogViewModel.Row(List.of(String.format("jwk-%05d", i), "user-" + i * 10,
                    "validation"), BulkDeleteDialogViewModel.Tone.DANGER));
        }
        List<String> missing = java.util.stream.IntStream.rangeClosed(1, 40).mapToObj(i -> "gone-" + i).toList();
        var impact = new BulkDeleteDialogViewModel.Impact(List.of(BulkDeleteDialogViewModel.Line.danger(
                "500 credential slots hold 500 of these JWKs. They are cleared and the credentials redeployed.")), rows);
        var vm = new BulkDeleteDialogViewModel<>(new BulkDeleteDialogViewModel.Content<>("JWK", "JWKs", 500, missing,
                "Credentials holding them", List.of("JWK", "Held by", "Slot"), List.of(Boolean.TRUE),
                b -> "", "", b -> impact, List.of(BulkDeleteDialogViewModel.Line.plain("They are undeployed from production, "
                + "staging, test."))), new io.keyward.ui.common.Where("Scale lab (Apinizer, http://127.0.0.1:1)", "scale-1000"));
        javafx.scene.control.Dialog<?>[] open = new javafx.scene.control.Dialog<?>[1];
        ui.interact(() -> {
            open[0] = io.keyward.ui.common.DialogFrames.growWithContent(new io.keyward.ui.common.BulkDeleteDialog<>(vm)
                    .build(ui.stage));
            open[0].show();
        });
        DialogPane pane = ui.dialog("#bulk-delete-dialog");
        javafx.stage.Window w = ConsoleDriver.fx(() -> pane.getScene().getWindow());
        ui.waitUntil("the dialog has its size", () -> w.getHeight() > 100);
        javafx.geometry.Rectangle2D screen = ConsoleDriver.fx(() -> javafx.stage.Screen.getPrimary().getVisualBounds());
        double[] d = ConsoleDriver.fx(() -> new double[]{w.getX(), w.getY(), w.getWidth(), w.getHeight()});
        assertTrue(d[1] >= screen.getMinY() && d[1] + d[3] <= screen.getMaxY() + 0.5 && d[3] <= screen.getHeight(),
                java.util.Arrays.toString(d) + " is on the screen " + screen);
        for (String button : List.of("Delete 500 JWKs", "Cancel")) {
            Button b = ui.dialogButton(pane, button);
            javafx.geometry.Bounds s = ConsoleDriver.fx(() -> b.localToScene(b.getBoundsInLocal()));
            double h = ConsoleDriver.fx(() -> pane.getScene().getHeight());
            assertTrue(s.getMinY() >= 0 && s.getMaxY() <= h + 0.5, button + " at " + s + " is inside the window, " + h + " high");
        }
        // The table scrolls inside: ten rows tall whatever the number of items.
        TableView<?> table = ui.inDialog(pane, "#bulk-impact", TableView.class);
        assertTrue(ConsoleDriver.fx(table::getHeight) < 300, "table height " + ConsoleDriver.fx(table::getHeight));
        assertEquals(500, ConsoleDriver.fx(() -> table.getItems().size()));
        ui.interact(() -> open[0].close());
    }

    @Test
    void cancellingMidwaySendsNothingMoreAndSaysWhatWasNotSent() {
        ui.waitUntilLoaded();
        ui.selectTab("#jwks-tab");
        List<String> chosen = List.of("ops/rotation 2026", "rollout 10% canary", "idp-signing", "card-vault-mtls",
                "webhook-ed25519", "legacy-signing-v1");
        selectRows("#jwks-table", Jwk::name, chosen);
        ui.click("#delete-jwk");
        DialogPane dialog = ui.dialog("#bulk-delete-dialog");
        // A slow server from now on: four calls go out and take their time; Cancel stops the other two.
        ui.context.sandbox().faults().setLatencyMillis(1500);
        confirm(dialog, 6, "JWKs");
        ui.waitUntilClosed("#bulk-delete-dialog");
        ui.waitUntil("the progress shows", () -> ui.text("#activity").startsWith("Deleting JWKs: 0 of 6"));
        ui.click("#cancel-bulk");
        ui.context.sandbox().faults().setLatencyMillis(0);
        waitUntilRunEnded();

        TreeItem<ResultsView.Row> group = group();
        assertEquals("Cancelled", groupCell(group, "Outcome"));
        assertEquals("4 succeeded, 2 not sent. The run was cancelled before this item was sent; nothing happened to it.",
                groupCell(group, "Message"));
        List<ResultEntry> notSent = items(group).stream().filter(e -> e.outcome() == ResultEntry.Outcome.NOT_SENT).toList();
        assertEquals(2, notSent.size());
        Set<String> onServer = ui.directClient().listJwks(Project.named(PROJECT)).stream().map(Jwk::name)
                .collect(Collectors.toSet());
        for (ResultEntry e : items(group)) {
            String name = e.target().substring((PROJECT + " / ").length());
            assertEquals(e.outcome() == ResultEntry.Outcome.NOT_SENT, onServer.contains(name),
                    name + " is " + e.outcome() + " but " + (onServer.contains(name) ? "still" : "no longer") + " on the server");
        }
        assertFalse(ui.visible("#cancel-bulk"), "Cancel goes with the run");
        assertTrue(ConsoleDriver.fx(() -> ui.context.main().notificationProperty().get())
                .contains("Cancelled: nothing more was sent."));
    }
}
