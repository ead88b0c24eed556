package io.keyward.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyward.journal.ChangeIntent;
import io.keyward.journal.ChangeOutcome;
import io.keyward.journal.JournalEnvironment;
import io.keyward.journal.Journal;
import io.keyward.model.Jwk;
import io.keyward.session.ResultEntry;
import io.keyward.ui.common.DialogService;
import io.keyward.ui.common.DialogView;
import io.keyward.ui.common.FxDialogService;
import io.keyward.ui.results.ResultsView;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The results panel is the journal's history: earlier runs' changes come back after a restart,
 * grouped by day, newest first; filters narrow them; "Clear" only hides; the shown entries export as
 * CSV and JSON; and nothing secret reaches a file.
 */
@ExtendWith(ApplicationExtension.class)
class HistoryTest {

    Path dataDir;
    final List<Path> saveTo = new ArrayList<>();
    ConsoleDriver ui;
    final List<ConsoleDriver> more = new ArrayList<>();

    /** The real dialogs; "save as" answers the next path the test queued. */
    DialogService dialogs(Stage stage) {
        FxDialogService fx = new FxDialogService(() -> stage);
        return new DialogService() {
            @Override
            public <R> Optional<R> show(DialogView<?, R> view) {
                return fx.show(view);
            }

            @Override
            public Optional<Path> chooseFileToOpen(FileRequest request) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> chooseFileToSave(FileRequest request) {
                return saveTo.isEmpty() ? Optional.empty() : Optional.of(saveTo.remove(0));
            }
        };
    }

    @Start
    void start(Stage stage) throws Exception {
        dataDir = Files.createTempDirectory("keyward-history-");
        Journal journal = new Journal(dataDir.resolve("journal"), Clock.systemUTC());
        Instant yesterday = Instant.now().minus(Duration.ofDays(1));
        record(journal, yesterday, "Lab gateway", "payments", "Delete key (keep derived JWKs)", "payments / old-key",
                "SUCCEEDED", "Deployment completed successfully");
        record(journal, yesterday.plusSeconds(60), "Billing gateway", "billing", "Delete JWK", "billing / retired",
                "FAILED", "JWK not found (HTTP 404)");
        ui = ConsoleDriver.startWithData(stage, dataDir, dialogs(stage));
    }

    static void record(Journal journal, Instant time, String connection, String project, String action, String target,
                       String outcome, String message) throws Exception {
        String id = Journal.newChangeId();
        journal.append(new ChangeIntent(id, time, "admin", connection, "Apinizer", "https://" + project + ".example",
                "personal_token", project, action, target, Map.of(), List.of(), null));
        journal.append(new ChangeOutcome(id, time.plusSeconds(1), outcome, message,
                List.of(new JournalEnvironment("production", outcome.equals("SUCCEEDED"), message)), List.of(), null, 900));
    }

    @AfterEach
    void close() {
        more.forEach(ConsoleDriver::close);
        ui.close();
    }

    List<String> dayTitles() {
        return ConsoleDriver.fx(() -> ui.results().getRoot().getChildren().stream()
                .map(d -> d.getValue().day()).toList());
    }

    List<String> shownTargets() {
        return ConsoleDriver.fx(() -> ui.resultEntries().stream().map(i -> i.getValue().entry().target()).toList());
    }

    @SuppressWarnings("unchecked")
    void choose(String comboId, String value) {
        ComboBox<String> box = ui.node(comboId, ComboBox.class);
        ui.interact(() -> box.setValue(value));
    }

    @Test
    void earlierRunsComeBackGroupedByDayFilteredClearedAndExported() throws Exception {
        ui.waitUntilLoaded();
        ui.waitUntil("the journal's history is listed", () -> ui.resultEntries().size() == 2);
        assertEquals(1, dayTitles().size());
        assertTrue(dayTitles().get(0).startsWith("Yesterday, "), dayTitles().toString());

        // A change made now, through the console.
        String jwk = "rollout 10% canary";
        ui.selectTab("#jwks-tab");
        ui.clickRow("#jwks-table", Jwk::name, jwk);
        ui.click("#delete-jwk");
        DialogPane dialog = ui.dialog("#delete-jwk-dialog");
        ui.typeInto(ui.inDialog(dialog, "#confirm-name", TextField.class), jwk);
        ui.click(ui.dialogButton(dialog, "Delete JWK"));
        try {
            ui.waitUntil("the deletion is listed", () -> ui.resultEntries().size() == 3);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + shownTargets() + " / " + ui.text("#notification")
                    + " / " + ConsoleDriver.fx(() -> ui.context.main().results().entries().size()), e);
        }
        ui.waitUntilIdle();
        assertEquals(2, dayTitles().size(), "today and yesterday");
        assertTrue(dayTitles().get(0).startsWith("Today, "), dayTitles().toString());
        assertEquals(List.of("payments / " + jwk, "billing / retired", "payments / old-key"), shownTargets(),
                "newest first across days");

        // Filters.
        choose("#results-outcome-filter", ResultEntry.Outcome.FAILED.label());
        ui.waitUntil("only the failure", () -> shownTargets().equals(List.of("billing / retired")));
        choose("#results-outcome-filter", "All");
        choose("#results-connection-filter", "Lab gateway");
        ui.waitUntil("only Lab gateway", () -> shownTargets().equals(List.of("payments / old-key")));
        choose("#results-connection-filter", "All");
        choose("#results-project-filter", "payments");
        ui.waitUntil("only payments", () -> shownTargets().size() == 2);
        choose("#results-project-filter", "All");
        ui.typeInto(ui.node("#results-text-filter", TextField.class), "canary");
        ui.waitUntil("only the canary", () -> shownTargets().equals(List.of("payments / " + jwk)));
        ui.typeInto(ui.node("#results-text-filter", TextField.class), "");
        ui.waitUntil("all three again", () -> shownTargets().size() == 3);

        // Export what is shown.
        Path csv = dataDir.resolve("export.csv");
        Path json = dataDir.resolve("export.json");
        saveTo.add(csv);
        ui.interact(() -> ui.context.main().results().exportCsv());
        saveTo.add(json);
        ui.interact(() -> ui.context.main().results().exportJson());
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(4, lines.size(), "a header and three changes: " + lines);
        assertTrue(lines.get(0).startsWith("time,connection,user,project,action,target,outcome"), lines.get(0));
        assertTrue(lines.get(1).contains("payments / " + jwk) && lines.get(1).contains("Succeeded"), lines.get(1));
        JsonNode array = new ObjectMapper().readTree(json.toFile());
        assertEquals(3, array.size());
        assertEquals("FAILED", array.get(1).get("outcome").asText());
        assertEquals("production", array.get(0).get("environments").get(0).get("environment").asText());

        // Clear hides (after asking); the journal keeps them; Show hidden brings them back.
        ui.click("#clear-results");
        DialogPane ask = ui.dialog("#clear-results-dialog");
        ui.click(ui.dialogButton(ask, "Clear results"));
        ui.waitUntil("nothing shown", () -> shownTargets().isEmpty());
        assertEquals(3, ui.context.journal().history().size(), "the journal still has all three");
        assertEquals("Show hidden (3)", ui.text("#show-hidden-results"));
        ui.click("#show-hidden-results");
        ui.waitUntil("all back", () -> shownTargets().size() == 3);

        // Nothing secret in any file Keyward wrote.
        String token = ui.context.sandbox().adminToken();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(f, StandardCharsets.UTF_8).contains(token), f + " holds the token");
            }
        }
        assertTrue(ui.context.journal().verify().ok(), ui.context.journal().verify().summary());

        // A restart: the same data directory, a new console.
        ui.close();
        Stage second = ConsoleDriver.fx(Stage::new);
        ConsoleDriver again = ConsoleDriver.fx(() -> ConsoleDriver.startWithData(second, dataDir, dialogs(second)));
        more.add(again);
        again.waitUntil("the three changes are back", () -> again.resultEntries().size() == 3);
        ResultEntry deletion = ConsoleDriver.fx(() -> again.resultEntries().get(0).getValue().entry());
        assertEquals("Delete JWK", deletion.action());
        assertEquals(ResultEntry.Outcome.SUCCEEDED, deletion.outcome());
        assertEquals("payments", deletion.project());
        assertFalse(deletion.environments().isEmpty(), "with its environments");
        ui = again;
        more.remove(again);
    }
}
