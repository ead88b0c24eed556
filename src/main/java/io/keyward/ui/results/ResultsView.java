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

    /** A row of the tree: an entry, one environment of an entry, or one line of a server's explanation. */
    public record Row(ResultEntry entry, ResultEntry.EnvironmentRow environment, String detail) {
        boolean isEntry() {
            return environment == null && detail == null;
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
        tree.setPlaceholder(new Label("No changes made yet. Every change and its per-environment outcome appears here."));
        tree.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        tree.getColumns().add(col("Time", 80, r -> r.isEntry() ? r.entry().timeText(vm.zone()) : ""));
        tree.getColumns().add(col("Action", 190, r -> r.isEntry() ? r.entry().action()
                : r.isDetail() ? (r.detail().startsWith(io.keyward.session.ResultLog.CHECKED) ? "Keyward checked" : "Server says")
                : r.environment().environment()));
        tree.getColumns().add(col("Target", 240, r -> r.isEntry() ? r.entry().target() : ""));
        tree.getColumns().add(col("Connection", 210, r -> r.isEntry() ? connectionName(r.entry()) : ""));
        tree.getColumns().add(col("Outcome", 200, r -> r.isEntry() ? r.entry().outcomeText()
                : r.isDetail() ? "" : r.environment().success() ? "OK" : "FAILED"));
        tree.getColumns().add(col("Message", 340, r -> r.isEntry() ? r.entry().message()
                : r.isDetail() ? r.detail() : r.environment().message()));
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        tree.setRowFactory(t -> new TreeTableRow<>() {
            @Override
            protected void updateItem(Row row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("result-failed", "result-partial", "env-failed", "result-unknown");
                setTooltip(null);
                if (empty || row == null) {
                    return;
                }
                if (row.isEntry()) {
                    setTooltip(new javafx.scene.control.Tooltip(row.entry().connection()
                            + (row.entry().user().isBlank() ? "" : ", as " + row.entry().user())));
                    if (row.entry().outcome() == ResultEntry.Outcome.FAILED) {
                        getStyleClass().add("result-failed");
                    } else if (row.entry().outcome() == ResultEntry.Outcome.COMPLETED_WITH_DEPLOYMENT_FAILURES) {
                        getStyleClass().add("result-partial");
                    } else if (row.entry().outcome() == ResultEntry.Outcome.UNKNOWN) {
                        getStyleClass().add("result-unknown");
                    }
                } else if (!row.isDetail() && !row.environment().success()) {
                    getStyleClass().add("env-failed");
                }
            }
        });
        vm.entries().addListener((ListChangeListener<ResultEntry>) c -> rebuild());
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
        clear.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.entries()));
        Label title = new Label("Results");
        title.getStyleClass().add("pane-title");
        HBox header = new HBox(8, title, Fx.grow(), checkButton, copyButton, clear);
        header.setPadding(new Insets(4, 6, 4, 6));
        root.setTop(header);
        root.setCenter(tree);
        root.setPrefHeight(190);
    }

    /** The profile's name: the part of "Name (Gateway, URL)" before the server, which the tooltip shows whole. */
    static String connectionName(ResultEntry e) {
        String c = e.connection();
        int paren = c.lastIndexOf(" (");
        return paren > 0 ? c.substring(0, paren) : c;
    }

    private static TreeTableColumn<Row, String> col(String title, double width, Function<Row, String> f) {
        TreeTableColumn<Row, String> c = new TreeTableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(p -> new ReadOnlyStringWrapper(p.getValue().getValue() == null ? ""
                : f.apply(p.getValue().getValue())));
        return c;
    }

    private void rebuild() {
        List<TreeItem<Row>> items = vm.entries().stream().map(e -> {
            TreeItem<Row> item = new TreeItem<>(new Row(e, null, null));
            e.environments().forEach(env -> item.getChildren().add(new TreeItem<>(new Row(e, env, null))));
            e.details().forEach(d -> item.getChildren().add(new TreeItem<>(new Row(e, null, d))));
            // The newest entry, and any with a failure, open by default: that is what needs reading.
            item.setExpanded(e == vm.entries().get(0) || e.outcome() != ResultEntry.Outcome.SUCCEEDED);
            return item;
        }).toList();
        tree.getRoot().getChildren().setAll(items);
    }

    /** The text Copy puts on the clipboard: whole entries for every selected row. */
    public String selectionText() {
        return vm.asText(selectedEntries());
    }

    private List<ResultEntry> selectedEntries() {
        Set<ResultEntry> selected = new LinkedHashSet<>();
        tree.getSelectionModel().getSelectedItems().forEach(i -> {
            if (i != null && i.getValue() != null) {
                selected.add(i.getValue().entry());
            }
        });
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
