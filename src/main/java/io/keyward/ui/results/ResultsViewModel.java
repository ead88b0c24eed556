package io.keyward.ui.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keyward.session.ResultEntry;
import io.keyward.session.ResultLog;
import io.keyward.ui.common.ConfirmDialog;
import io.keyward.ui.common.DialogService;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.transformation.FilteredList;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The results panel's state: every change the journal holds (this run's and earlier ones), newest
 * first, narrowed by connection, project, outcome and text; "Clear" hides what is shown (the journal
 * keeps it); the shown entries can be exported as CSV or JSON.
 */
public final class ResultsViewModel {

    /** The filter value that means "any". */
    public static final String ALL = "All";

    private final ResultLog log;
    private final DialogService dialogs;
    private final ObservableSet<Long> hidden = FXCollections.observableSet();
    private final StringProperty connection = new SimpleStringProperty(ALL);
    private final StringProperty project = new SimpleStringProperty(ALL);
    private final ObjectProperty<String> outcome = new SimpleObjectProperty<>(ALL);
    private final StringProperty text = new SimpleStringProperty("");
    private final FilteredList<ResultEntry> shown;
    private final ObservableList<String> connections = FXCollections.observableArrayList(ALL);
    private final ObservableList<String> projects = FXCollections.observableArrayList(ALL);
    private final ObservableList<String> outcomes = FXCollections.observableArrayList(ALL);
    private Consumer<String> notices = s -> { };

    public ResultsViewModel(ResultLog log, DialogService dialogs) {
        this.log = log;
        this.dialogs = dialogs;
        for (ResultEntry.Outcome o : ResultEntry.Outcome.values()) {
            outcomes.add(o.label());
        }
        this.shown = new FilteredList<>(log.entries());
        shown.predicateProperty().bind(Bindings.createObjectBinding(() -> this::matches,
                hidden, connection, project, outcome, text));
        log.entries().addListener((ListChangeListener<ResultEntry>) c -> refreshChoices());
        refreshChoices();
    }

    /** Where notices (an export written, a file that could not be) are said. */
    public void setNotices(Consumer<String> notices) {
        this.notices = notices;
    }

    private boolean matches(ResultEntry e) {
        if (hidden.contains(e.id())) {
            return false;
        }
        // null: a choice box between two lists of choices; it means "any", as ALL does.
        if (narrows(connection.get()) && !Objects.equals(connectionName(e), connection.get())) {
            return false;
        }
        if (narrows(project.get()) && !Objects.equals(e.project(), project.get())) {
            return false;
        }
        if (narrows(outcome.get()) && !Objects.equals(e.outcome().label(), outcome.get())) {
            return false;
        }
        String t = text.get() == null ? "" : text.get().strip().toLowerCase(Locale.ROOT);
        // An item of a bulk run also matches what its run is called ("Delete 12 JWKs").
        return t.isEmpty() || e.asText(zone()).toLowerCase(Locale.ROOT).contains(t)
                || log.bulk(e.bulkId()).map(b -> b.action().toLowerCase(Locale.ROOT).contains(t)).orElse(false);
    }

    private static boolean narrows(String choice) {
        return choice != null && !ALL.equals(choice);
    }

    private void refreshChoices() {
        List<String> c = log.entries().stream().map(ResultsViewModel::connectionName).distinct().sorted().toList();
        List<String> p = log.entries().stream().map(ResultEntry::project).filter(s -> !s.isBlank()).distinct().sorted().toList();
        if (!connections.subList(1, connections.size()).equals(c)) {
            connections.setAll(prepend(c));
        }
        if (!projects.subList(1, projects.size()).equals(p)) {
            projects.setAll(prepend(p));
        }
    }

    private static List<String> prepend(List<String> values) {
        List<String> all = new java.util.ArrayList<>();
        all.add(ALL);
        all.addAll(values);
        return all;
    }

    /** The profile's name: the part of "Name (Gateway, URL)" before the server. */
    public static String connectionName(ResultEntry e) {
        return connectionName(e.connection());
    }

    /** The profile's name of a "Name (Gateway, URL)". */
    public static String connectionName(String c) {
        int paren = c.lastIndexOf(" (");
        return paren > 0 ? c.substring(0, paren) : c;
    }

    /** Hides the shown entries, after asking. The journal keeps them; "Show hidden" brings them back. */
    public void clear() {
        if (shown.isEmpty()) {
            return;
        }
        boolean sure = dialogs.show(new ConfirmDialog(clearPrompt())).orElse(false);
        if (sure) {
            List<Long> ids = shown.stream().map(ResultEntry::id).toList();
            hidden.addAll(ids);
        }
    }

    /** What "Clear" asks before it hides the list. */
    public ConfirmDialog.Prompt clearPrompt() {
        return new ConfirmDialog.Prompt("clear-results-dialog", "Clear results",
                "Clear the " + shown.size() + " results shown?",
                "They are hidden from this list only: the journal on disk keeps every change and its outcome, "
                        + "and \u201CShow hidden\u201D brings them back. Nothing changes on any server.", "Clear results");
    }

    /** Shows the entries "Clear" hid. */
    public void showHidden() {
        hidden.clear();
    }

    public ObservableSet<Long> hidden() {
        return hidden;
    }

    /** Whether the entry's outcome is unknown and can be checked against the server (again). */
    public boolean canCheck(ResultEntry entry) {
        return log.canCheck(entry);
    }

    /** Checks an unknown outcome again; what it finds is added to the entry. */
    public void check(ResultEntry entry) {
        log.check(entry);
    }

    /** The bulk run an entry belongs to, if it is one's item and the run is known. */
    public java.util.Optional<io.keyward.session.BulkRun> bulk(String id) {
        return log.bulk(id);
    }

    /** The bulk runs by id; changes when a run starts and ends. */
    public javafx.collections.ObservableMap<String, io.keyward.session.BulkRun> bulks() {
        return log.bulks();
    }

    /** "480 succeeded, 10 completed with deployment failures, 5 unknown, 5 not sent" over all the run's items. */
    public String bulkSummary(String id) {
        return log.bulkSummary(id);
    }

    /** Whether some bulk run is still sending (the panel then redraws at most once a frame). */
    public boolean bulkRunning() {
        return log.bulks().values().stream().anyMatch(b -> b.state() == io.keyward.session.BulkRun.State.RUNNING);
    }

    /** Every entry, hidden or not. */
    public ObservableList<ResultEntry> entries() {
        return log.entries();
    }

    /** The entries the filters let through, newest first. */
    public ObservableList<ResultEntry> shown() {
        return shown;
    }

    public StringProperty connectionFilterProperty() {
        return connection;
    }

    public StringProperty projectFilterProperty() {
        return project;
    }

    public ObjectProperty<String> outcomeFilterProperty() {
        return outcome;
    }

    public StringProperty textFilterProperty() {
        return text;
    }

    public ObservableList<String> connections() {
        return connections;
    }

    public ObservableList<String> projects() {
        return projects;
    }

    public ObservableList<String> outcomes() {
        return outcomes;
    }

    public ZoneId zone() {
        return log.zone();
    }

    public String asText(List<ResultEntry> selection) {
        return log.asText(selection);
    }

    /** The request ids the servers gave for the selected failures, one per line (for vendor support). */
    public String requestIds(List<ResultEntry> selection) {
        return String.join("\n", selection.stream().map(ResultEntry::requestId)
                .filter(id -> id != null && !id.isBlank()).toList());
    }

    // ------------------------------------------------------------------ export

    /** Asks where, then writes the shown entries as CSV. */
    public void exportCsv() {
        export("csv", "CSV files|*.csv", this::csv);
    }

    /** Asks where, then writes the shown entries as JSON. */
    public void exportJson() {
        export("json", "JSON files|*.json", this::json);
    }

    private void export(String extension, String filter, java.util.function.Function<List<ResultEntry>, String> format) {
        List<ResultEntry> entries = List.copyOf(shown);
        dialogs.chooseFileToSave(new DialogService.FileRequest("Export the " + entries.size() + " results shown",
                "keyward-results." + extension, List.of(filter, "All files|*"))).ifPresent(path -> {
            try {
                write(path, format.apply(entries));
                notices.accept("Exported " + entries.size() + (entries.size() == 1 ? " result" : " results") + " to " + path + ".");
            } catch (IOException e) {
                notices.accept("Could not write " + path + ": " + e.getMessage());
            }
        });
    }

    static void write(Path path, String content) throws IOException {
        Files.writeString(path, content, StandardCharsets.UTF_8);
    }

    private static final List<String> CSV_COLUMNS = List.of("time", "connection", "user", "project", "action", "target",
            "outcome", "message", "environments", "details", "requestId", "changeId", "bulkId");

    /** RFC 4180 CSV, one row per change; environments and details joined with " | ". */
    public String csv(List<ResultEntry> entries) {
        StringBuilder sb = new StringBuilder(String.join(",", CSV_COLUMNS)).append("\r\n");
        for (ResultEntry e : entries) {
            List<String> cells = List.of(iso(e), e.connection(), e.user(), e.project(), e.action(), e.target(),
                    e.outcomeText(), e.message(), String.join(" | ", e.environments().stream()
                            .map(r -> r.environment() + ": " + (r.success() ? "OK" : "FAILED")
                                    + (r.message().isBlank() ? "" : " \u2013 " + r.message())).toList()),
                    String.join(" | ", e.details()), e.requestId() == null ? "" : e.requestId(),
                    e.changeId() == null ? "" : e.changeId(), e.bulkId() == null ? "" : e.bulkId());
            sb.append(String.join(",", cells.stream().map(ResultsViewModel::csvCell).toList())).append("\r\n");
        }
        return sb.toString();
    }

    static String csvCell(String s) {
        String v = s == null ? "" : s;
        // A cell a spreadsheet would run as a formula is quoted with a leading apostrophe (CSV injection).
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") || !v.equals(s)
                ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    /** A JSON array of the changes, each with its environments and details. */
    public String json(List<ResultEntry> entries) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode array = mapper.createArrayNode();
        for (ResultEntry e : entries) {
            ObjectNode o = array.addObject();
            o.put("time", iso(e));
            o.put("connection", e.connection());
            o.put("user", e.user());
            o.put("project", e.project());
            o.put("action", e.action());
            o.put("target", e.target());
            o.put("outcome", e.outcome().name());
            o.put("outcomeText", e.outcomeText());
            o.put("message", e.message());
            ArrayNode envs = o.putArray("environments");
            e.environments().forEach(r -> envs.addObject().put("environment", r.environment())
                    .put("success", r.success()).put("message", r.message()));
            ArrayNode details = o.putArray("details");
            e.details().forEach(details::add);
            o.put("requestId", e.requestId());
            o.put("changeId", e.changeId());
            o.put("bulkId", e.bulkId());
            bulk(e.bulkId()).ifPresent(b -> o.put("bulkAction", b.action()));
        }
        try {
            return mapper.writeValueAsString(array) + "\n";
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private String iso(ResultEntry e) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(e.time().atZone(zone()).withNano(0));
    }
}
