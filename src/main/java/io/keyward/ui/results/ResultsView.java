package io.keyward.ui.results;

import io.keyward.session.ResultEntry;
import io.keyward.ui.common.Fx;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The results panel: one row per mutation (time, action, target, outcome, message), expandable to
 * one row per environment (or the project, where there are none) and to what a failing server
 * explained (remedy, fields, request id). Failures are highlighted; Ctrl+C or the context menu
 * copies details.
 */
public final class ResultsView {

    /**
     * A row of the tree: a day, a bulk run (its items below it), an entry, one environment of an entry, or
     * one line of a server's explanation.
     *
     * @param bulk the bulk run's id, on its group row
     */
    public record Row(ResultEntry entry, ResultEntry.EnvironmentRow environment, String detail, String day, String bulk) {
        public Row(ResultEntry entry, ResultEntry.EnvironmentRow environment, String detail) {
            this(entry, environment, detail, null, null);
        }

        public Row(ResultEntry entry, ResultEntry.EnvironmentRow environment, String detail, String day) {
            this(entry, environment, detail, day, null);
        }

        public boolean isDay() {
            return day != null;
        }

        /** The row of a bulk run, whose children are its items. */
        public boolean isGroup() {
            return bulk != null;
        }

        public boolean isEntry() {
            return day == null && bulk == null && environment == null && detail == null;
        }

        boolean isDetail() {
            return detail != null;
        }
    }

    private final ResultsViewModel vm;
    private final TreeTableView<Row> tree = new TreeTableView<>();
    private final BorderPane root = new BorderPane();

    public ResultsView(ResultsViewModel vm) {
        this.vm = vm;
        TreeItem<Row> top = new TreeItem<>();
        tree.setRoot(top);
        tree.setShowRoot(false);
        tree.setId("results");
        tree.setPlaceholder(new Label("No changes to show. Every change and its per-environment outcome appears here, "
                + "and stays in the journal across restarts."));
        tree.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // Wide enough for a bulk run's items, which sit two levels deeper than a day's changes.
        tree.getColumns().add(col("Time", 140, r -> r.isGroup() ? groupTime(r.bulk())
                : r.isEntry() ? r.entry().timeText(vm.zone()) : ""));
        tree.getColumns().add(col("Action", 190, r -> r.isDay() ? r.day() : r.isGroup() ? groupAction(r.bulk())
                : r.isEntry() ? r.entry().action()
                : r.isDetail() ? (r.detail().startsWith(io.keyward.session.ResultLog.CHECKED) ? "Keyward checked" : "Server says")
                : r.environment().environment()));
        tree.getColumns().add(col("Target", 240, r -> r.isGroup() ? vm.bulk(r.bulk()).map(b -> "Project " + b.project())
                .orElse("") : r.isEntry() ? r.entry().target() : ""));
        tree.getColumns().add(col("Connection", 210, r -> r.isGroup() ? vm.bulk(r.bulk()).map(b -> ResultsViewModel
                .connectionName(b.connection())).orElse("") : r.isEntry() ? connectionName(r.entry()) : ""));
        tree.getColumns().add(col("Outcome", 200, r -> r.isDay() ? "" : r.isGroup() ? groupState(r.bulk())
                : r.isEntry() ? r.entry().outcomeText()
                : r.isDetail() ? "" : r.environment().success() ? "OK" : "FAILED"));
        tree.getColumns().add(col("Message", 340, r -> r.isDay() ? "" : r.isGroup() ? groupMessage(r.bulk())
                : r.isEntry() ? r.entry().message()
                : r.isDetail() ? r.detail() : r.environment().message()));
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        tree.setRowFactory(t -> new TreeTableRow<>() {
            @Override
            protected void updateItem(Row row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("result-failed", "result-partial", "env-failed", "result-unknown", "result-day",
                        "result-group", "result-not-sent");
                setTooltip(null);
                if (empty || row == null) {
                    return;
                }
                if (row.isDay()) {
                    getStyleClass().add("result-day");
                } else if (row.isGroup()) {
                    getStyleClass().add("result-group");
                    javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip(groupAction(row.bulk()) + ": "
                            + groupMessage(row.bulk()));
                    tip.setWrapText(true);
                    tip.setMaxWidth(520);
                    setTooltip(tip);
                    List<ResultEntry> items = itemsOf(getTreeItem());
                    if (items.stream().anyMatch(ResultEntry::isUnknown)) {
                        getStyleClass().add("result-unknown");
                    } else if (items.stream().anyMatch(x -> x.outcome() == ResultEntry.Outcome.FAILED
                            || x.outcome() == ResultEntry.Outcome.COMPLETED_WITH_DEPLOYMENT_FAILURES)) {
                        getStyleClass().add("result-partial");
                    }
                } else if (row.isEntry() && row.entry().outcome() == ResultEntry.Outcome.NOT_SENT) {
                    getStyleClass().add("result-not-sent");
                } else if (row.isEntry()) {
                    setTooltip(new javafx.scene.control.Tooltip(row.entry().connection()
                            + (row.entry().user().isBlank() ? "" : ", as " + row.entry().user())));
                    if (row.entry().outcome() == ResultEntry.Outcome.FAILED) {
                        getStyleClass().add("result-failed");
                    } else if (row.entry().outcome() == ResultEntry.Outcome.COMPLETED_WITH_DEPLOYMENT_FAILURES) {
                        getStyleClass().add("result-partial");
                    } else if (row.entry().isUnknown()) {
                        getStyleClass().add("result-unknown");
                    }
                } else if (!row.isDetail() && !row.environment().success()) {
                    getStyleClass().add("env-failed");
                }
            }
        });
        vm.shown().addListener((ListChangeListener<ResultEntry>) c -> changed());
        vm.bulks().addListener((javafx.collections.MapChangeListener<String, io.keyward.session.BulkRun>) c -> changed());
        rebuild();

        // No accelerator on the menu item: a context menu's accelerator is the whole window's, and
        // Ctrl+C must copy what has the focus (a table row, selected details text), not a result.
        MenuItem copy = new MenuItem("Copy details\tCtrl+C");
        copy.setOnAction(e -> copySelection());
        MenuItem checkAgain = new MenuItem("Check again");
        checkAgain.setId("check-again");
        checkAgain.setOnAction(e -> selectedEntries().stream().filter(vm::canCheck).forEach(vm::check));
        MenuItem copyRequestId = new MenuItem("Copy request id");
        copyRequestId.setId("copy-request-id");
        copyRequestId.setOnAction(e -> toClipboard(vm.requestIds(selectedEntries())));
        ContextMenu menu = new ContextMenu(copy, copyRequestId, checkAgain);
        menu.setOnShowing(e -> {
            copyRequestId.setDisable(vm.requestIds(selectedEntries()).isEmpty());
            checkAgain.setDisable(selectedEntries().stream().noneMatch(vm::canCheck));
        });
        tree.setContextMenu(menu);
        tree.setOnKeyPressed(e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.C) {
                copySelection();
                e.consume();
            }
        });

        Button copyButton = new Button("Copy details");
        copyButton.setId("copy-results");
        copyButton.disableProperty().bind(tree.getSelectionModel().selectedItemProperty().isNull());
        copyButton.setOnAction(e -> copySelection());
        Button checkButton = new Button("Check again");
        checkButton.setId("check-results");
        checkButton.setTooltip(new javafx.scene.control.Tooltip(
                "Ask the server again whether a change whose answer was lost happened"));
        checkButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> selectedEntries().stream().noneMatch(vm::canCheck),
                tree.getSelectionModel().getSelectedItems(), vm.entries()));
        checkButton.setOnAction(e -> selectedEntries().stream().filter(vm::canCheck).forEach(vm::check));
        Button clear = new Button("Clear");
        clear.setId("clear-results");
        clear.setOnAction(e -> vm.clear());
        clear.setTooltip(new javafx.scene.control.Tooltip("Hide the results shown from this list (the journal keeps them)"));
        clear.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.shown()));
        Button showHidden = new Button();
        showHidden.setId("show-hidden-results");
        showHidden.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> "Show hidden (" + vm.hidden().size() + ")", vm.hidden()));
        showHidden.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.hidden()));
        showHidden.managedProperty().bind(showHidden.visibleProperty());
        showHidden.setOnAction(e -> vm.showHidden());
        MenuItem csv = new MenuItem("As CSV\u2026");
        csv.setId("export-csv");
        csv.setOnAction(e -> vm.exportCsv());
        MenuItem json = new MenuItem("As JSON\u2026");
        json.setId("export-json");
        json.setOnAction(e -> vm.exportJson());
        javafx.scene.control.MenuButton export = new javafx.scene.control.MenuButton("Export", null, csv, json);
        export.setId("export-results");
        export.setTooltip(new javafx.scene.control.Tooltip("Save the results shown as CSV or JSON"));
        export.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.shown()));
        for (javafx.scene.control.ButtonBase b : List.of(checkButton, copyButton, clear, showHidden, export)) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        Label title = new Label("Results");
        title.getStyleClass().add("pane-title");
        HBox filters = filters();
        HBox.setHgrow(filters, javafx.scene.layout.Priority.ALWAYS);
        HBox header = new HBox(8, title, filters, checkButton, copyButton, export, showHidden, clear);
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        header.setPadding(new Insets(4, 6, 4, 6));
        root.setTop(header);
        root.setCenter(tree);
        root.setPrefHeight(190);
    }

    /** The profile's name: the part of "Name (Gateway, URL)" before the server, which the tooltip shows whole. */
    static String connectionName(ResultEntry e) {
        return ResultsViewModel.connectionName(e);
    }

    /** Connection, project, outcome and text: what narrows the history down. */
    private HBox filters() {
        javafx.scene.control.ComboBox<String> connection = choice("results-connection-filter", vm.connections(),
                vm.connectionFilterProperty(), "Connection");
        javafx.scene.control.ComboBox<String> project = choice("results-project-filter", vm.projects(),
                vm.projectFilterProperty(), "Project");
        javafx.scene.control.ComboBox<String> outcome = choice("results-outcome-filter", vm.outcomes(),
                vm.outcomeFilterProperty(), "Outcome");
        javafx.scene.control.TextField text = new javafx.scene.control.TextField();
        text.setId("results-text-filter");
        text.setPromptText("Filter results");
        text.setPrefColumnCount(12);
        text.textProperty().bindBidirectional(vm.textFilterProperty());
        HBox.setHgrow(text, javafx.scene.layout.Priority.ALWAYS);
        text.setMinWidth(60);
        for (javafx.scene.control.ComboBox<String> c : List.of(connection, project, outcome)) {
            c.setMinWidth(70);
            HBox.setHgrow(c, javafx.scene.layout.Priority.SOMETIMES);
        }
        HBox box = new HBox(6, connection, project, outcome, text);
        box.setMinWidth(0);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
    }

    private static javafx.scene.control.ComboBox<String> choice(String id, javafx.collections.ObservableList<String> items,
                                                                 javafx.beans.property.Property<String> value, String what) {
        javafx.scene.control.ComboBox<String> box = new javafx.scene.control.ComboBox<>(items);
        box.setId(id);
        box.valueProperty().bindBidirectional(value);
        box.setTooltip(new javafx.scene.control.Tooltip(what + " of the results shown"));
        box.setPrefWidth(150);
        box.setMaxWidth(200);
        box.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : ResultsViewModel.ALL.equals(item) ? what + ": all" : item);
            }
        });
        // A value no longer offered (its entries cleared away) falls back to "all".
        items.addListener((ListChangeListener<String>) c -> javafx.application.Platform.runLater(() -> {
            if (!items.contains(value.getValue())) {
                value.setValue(ResultsViewModel.ALL);
            }
        }));
        return box;
    }

    private static TreeTableColumn<Row, String> col(String title, double width, Function<Row, String> f) {
        TreeTableColumn<Row, String> c = new TreeTableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(p -> new ReadOnlyStringWrapper(p.getValue().getValue() == null ? ""
                : f.apply(p.getValue().getValue())));
        return c;
    }

    private static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ofPattern("EEE d MMM yyyy", java.util.Locale.ENGLISH);

    /**
     * Redraws the tree: at once, except while a bulk run is sending, when items arrive many per second and
     * each would rebuild the whole tree: then at most once per frame.
     */
    private void changed() {
        if (!vm.bulkRunning()) {
            rebuild();
        } else if (!rebuildPending) {
            rebuildPending = true;
            javafx.application.Platform.runLater(() -> {
                rebuildPending = false;
                rebuild();
            });
        }
    }

    private boolean rebuildPending;

    /**
     * One group per day, newest first; today's open, earlier days closed unless they hold an unknown outcome.
     * A bulk run's items sit under one row of their own, which says how they ended.
     */
    private void rebuild() {
        List<ResultEntry> shown = List.copyOf(vm.shown());
        java.time.LocalDate today = java.time.LocalDate.now(vm.zone());
        java.util.Map<java.time.LocalDate, TreeItem<Row>> days = new java.util.LinkedHashMap<>();
        java.util.Map<String, TreeItem<Row>> groups = new java.util.LinkedHashMap<>();
        for (ResultEntry e : shown) {
            java.time.Instant when = e.bulkId() == null ? e.time()
                    : vm.bulk(e.bulkId()).map(io.keyward.session.BulkRun::time).orElse(e.time());
            java.time.LocalDate date = when.atZone(vm.zone()).toLocalDate();
            TreeItem<Row> day = days.computeIfAbsent(date, d -> {
                String label = (d.equals(today) ? "Today, " : d.equals(today.minusDays(1)) ? "Yesterday, " : "")
                        + DAY.format(d);
                TreeItem<Row> item = new TreeItem<>(new Row(null, null, null, label));
                TreeItem<Row> before = dayItems.get(d);
                item.setExpanded(before != null ? before.isExpanded() : d.equals(today));
                return item;
            });
            TreeItem<Row> parent = day;
            if (e.bulkId() != null) {
                boolean first = groups.isEmpty() && day.getChildren().isEmpty() && days.size() == 1;
                parent = groups.computeIfAbsent(e.bulkId(), id -> {
                    TreeItem<Row> group = new TreeItem<>(new Row(null, null, null, null, id));
                    Boolean before = groupExpanded.get(id);
                    group.setExpanded(before != null ? before : first);
                    day.getChildren().add(group);
                    return group;
                });
            }
            TreeItem<Row> item = new TreeItem<>(new Row(e, null, null));
            e.environments().forEach(env -> item.getChildren().add(new TreeItem<>(new Row(e, env, null))));
            e.details().forEach(d -> item.getChildren().add(new TreeItem<>(new Row(e, null, d))));
            if (e.bulkId() == null) {
                // The newest entry, and any with a failure, open by default: that is what needs reading.
                item.setExpanded(e == shown.get(0) || e.outcome() != ResultEntry.Outcome.SUCCEEDED);
            } else {
                // Hundreds of items: each stays as the user left it; a problem opens by default.
                Boolean before = itemExpanded.get(e.id());
                item.setExpanded(before != null ? before : e.outcome() != ResultEntry.Outcome.SUCCEEDED
                        && e.outcome() != ResultEntry.Outcome.NOT_SENT);
                item.expandedProperty().addListener((o, was, now) -> itemExpanded.put(e.id(), now));
            }
            if (e.isUnknown()) {
                day.setExpanded(true);
                parent.setExpanded(true);
            }
            parent.getChildren().add(item);
        }
        groups.forEach((id, g) -> {
            groupExpanded.putIfAbsent(id, g.isExpanded());
            g.expandedProperty().addListener((o, was, now) -> groupExpanded.put(id, now));
        });
        dayItems.clear();
        dayItems.putAll(days);
        tree.getRoot().getChildren().setAll(days.values());
    }

    /** Whether each bulk run's row, and each of its items, was open: a redraw keeps what the user chose. */
    private final java.util.Map<String, Boolean> groupExpanded = new java.util.HashMap<>();
    private final java.util.Map<Long, Boolean> itemExpanded = new java.util.HashMap<>();

    private static final java.time.format.DateTimeFormatter GROUP_TIME = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss");

    private String groupTime(String id) {
        return vm.bulk(id).map(b -> GROUP_TIME.format(b.time().atZone(vm.zone()))).orElse("");
    }

    private String groupAction(String id) {
        return vm.bulk(id).map(io.keyward.session.BulkRun::action).orElse("Bulk run");
    }

    private String groupState(String id) {
        return vm.bulk(id).map(b -> b.state() == io.keyward.session.BulkRun.State.RUNNING ? "Running\u2026"
                : b.state().label()).orElse("");
    }

    /** "480 succeeded, 10 completed with deployment failures, 5 unknown, 5 not sent", and why it stopped early. */
    private String groupMessage(String id) {
        String summary = vm.bulkSummary(id);
        return vm.bulk(id).filter(b -> !b.note().isBlank() && b.state() != io.keyward.session.BulkRun.State.RUNNING)
                .map(b -> summary + ". " + Character.toUpperCase(b.note().charAt(0)) + b.note().substring(1))
                .orElse(summary);
    }

    /** The entries under a tree item: itself, or every item of a bulk run or a day. */
    private static List<ResultEntry> itemsOf(TreeItem<Row> item) {
        List<ResultEntry> out = new java.util.ArrayList<>();
        if (item == null || item.getValue() == null) {
            return out;
        }
        Row r = item.getValue();
        if (r.isDay() || r.isGroup()) {
            item.getChildren().forEach(c -> out.addAll(itemsOf(c)));
        } else if (r.entry() != null) {
            out.add(r.entry());
        }
        return out;
    }

    /** The day groups as last built, so a rebuild keeps a day the user opened or closed as it was. */
    private final java.util.Map<java.time.LocalDate, TreeItem<Row>> dayItems = new java.util.HashMap<>();

    /** The text Copy puts on the clipboard: whole entries for every selected row. */
    public String selectionText() {
        return vm.asText(selectedEntries());
    }

    private List<ResultEntry> selectedEntries() {
        Set<ResultEntry> selected = new LinkedHashSet<>();
        tree.getSelectionModel().getSelectedItems().forEach(i -> selected.addAll(itemsOf(i)));
        return List.copyOf(selected);
    }

    private void copySelection() {
        toClipboard(selectionText());
    }

    private static void toClipboard(String text) {
        if (!text.isEmpty()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    public TreeTableView<Row> tree() {
        return tree;
    }

    public BorderPane root() {
        return root;
    }
}
