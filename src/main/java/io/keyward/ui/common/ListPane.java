package io.keyward.ui.common;

import io.keyward.session.ListState;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import org.controlsfx.control.textfield.TextFields;

import java.time.ZoneId;


/**
 * The shape every tab shares: a filter and row count above, a sortable table on the left, the
 * selection's details on the right, and the tab's actions in the tool row.
 */
public final class ListPane<T> {
    private final TextField filterField;
    private final TableView<T> table = new TableView<>();
    private final BorderPane root = new BorderPane();
    private final HBox actions = new HBox(6);
    private final HBox filters = new HBox(8);
    private final SplitPane split;
    private Node details;

    /**
     * @param plural  what the rows are, for the state texts ("keys")
     * @param state   the list's state: a failed load keeps its rows, marked stale, with Retry
     * @param retry   loads the list again
     * @param details what the right-hand side shows for the selection (it fills the height given)
     */
    public ListPane(String idPrefix, String plural, TableFilter<T> filter, ObjectProperty<T> selected,
                    ReadOnlyObjectProperty<ListState> state, ZoneId zone, Runnable retry, Node details) {
        filterField = TextFields.createClearableTextField();
        filterField.setId(idPrefix + "-filter");
        filterField.setPromptText("Filter (Ctrl+F)");
        filterField.setPrefColumnCount(22);
        filterField.textProperty().bindBidirectional(filter.textProperty());
        Label count = new Label();
        count.setId(idPrefix + "-count");
        count.getStyleClass().add("count");
        count.textProperty().bind(Bindings.createStringBinding(() -> ListStateText.count(state.get(),
                filter.countProperty().get(), plural, filter.items().size()), state, filter.countProperty()));

        // The filter's rows are sorted by the view itself (once per sort, not per keystroke); the table's own
        // sort, which would sort its items list in place, only hands the view its comparator.
        RowView<T> rows = filter.items();
        rows.comparatorProperty().bind(table.comparatorProperty());
        table.setSortPolicy(t -> true);
        rows.tellReplacementsForTable(); // a keystroke in the filter keeps the table's cells
        table.setItems(rows);
        table.setId(idPrefix + "-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> ListStateText.placeholder(state.get(),
                plural), state));
        table.setPlaceholder(placeholder);
        Fx.syncSelection(table, selected);
        // Rows of a failed load stay, but look and say that they may be out of date.
        Runnable staleStyle = () -> {
            table.getStyleClass().remove("stale");
            if (state.get().isStale()) {
                table.getStyleClass().add("stale");
            }
        };
        state.addListener((o, a, b) -> staleStyle.run());
        staleStyle.run();

        Label failure = new Label();
        failure.setId(idPrefix + "-failure");
        failure.setWrapText(true);
        failure.setMinHeight(Region.USE_PREF_SIZE);
        failure.textProperty().bind(Bindings.createStringBinding(() -> ListStateText.failure(state.get(), plural, zone),
                state));
        Button retryButton = new Button("Retry");
        retryButton.setId(idPrefix + "-retry");
        retryButton.setMinWidth(Region.USE_PREF_SIZE); // a long error wraps; the button keeps its word
        retryButton.setOnAction(e -> retry.run());
        HBox failureBar = new HBox(10, failure, Fx.grow(), retryButton);
        failureBar.setAlignment(Pos.CENTER_LEFT);
        failureBar.getStyleClass().add("list-failure");
        HBox.setHgrow(failure, Priority.ALWAYS);
        failureBar.visibleProperty().bind(failure.textProperty().isNotEmpty());
        failureBar.managedProperty().bind(failureBar.visibleProperty());

        this.details = details;
        VBox detailsBox = new VBox(4, Fx.heading("Details"), details);
        detailsBox.setPadding(new Insets(0, 0, 0, 6));
        VBox.setVgrow(details, javafx.scene.layout.Priority.ALWAYS);

        split = new SplitPane(table, detailsBox);
        split.setDividerPositions(0.62);
        filters.setAlignment(Pos.CENTER_LEFT);
        HBox top = new HBox(8, filterField, count, filters, Fx.grow(), actions);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(6, 6, 6, 6));
        root.setTop(new VBox(top, failureBar));
        root.setCenter(split);
    }

    /**
     * Row actions: a context menu on the table (Copy row first, then {@code items}), Ctrl+C copying the
     * selected row as text while the table has the focus, and {@code onOpen} on a double-click or Enter.
     */
    public void rowActions(Runnable onOpen, MenuItem... items) {
        MenuItem copyRow = new MenuItem("Copy row\tCtrl+C");
        copyRow.setOnAction(e -> Fx.toClipboard(rowText()));
        ContextMenu menu = new ContextMenu(copyRow);
        if (items.length > 0) {
            menu.getItems().add(new SeparatorMenuItem());
            menu.getItems().addAll(items);
        }
        menu.setOnShowing(e -> copyRow.setDisable(table.getSelectionModel().getSelectedItem() == null));
        table.setContextMenu(menu);
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.C && table.getSelectionModel().getSelectedItem() != null) {
                Fx.toClipboard(rowText());
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER && onOpen != null && table.getSelectionModel().getSelectedItem() != null) {
                onOpen.run();
                e.consume();
            }
        });
        // Not through a row factory: a tab may have its own (for styling); the click's row is found instead.
        table.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && onOpen != null
                    && onRow(e.getPickResult().getIntersectedNode())) {
                onOpen.run();
            }
        });
    }

    private static boolean onRow(Node n) {
        for (Node x = n; x != null; x = x.getParent()) {
            if (x instanceof TableRow<?> row) {
                return !row.isEmpty();
            }
        }
        return false;
    }

    /** The selected row as "Column: value" lines, as the table shows it. */
    public String rowText() {
        T item = table.getSelectionModel().getSelectedItem();
        if (item == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (TableColumn<T, ?> c : table.getColumns()) {
            Object v = c.getCellObservableValue(item) == null ? null : c.getCellObservableValue(item).getValue();
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(c.getText()).append(": ").append(v == null ? "" : v);
        }
        return sb.toString();
    }

    /** Gives the details pane the focus (a double-click on a row "opens" its details). */
    public void focusDetails() {
        details.requestFocus();
    }

    /** Details as selectable text: an id or a kid can be copied by hand. */
    public static TextArea detailsText(String id, ObservableValue<String> text) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setEditable(false);
        area.setWrapText(true);
        area.getStyleClass().add("details");
        area.textProperty().bind(text);
        return area;
    }

    public TableView<T> table() {
        return table;
    }

    public TextField filterField() {
        return filterField;
    }

    /** Where the table ends and the details begin, as a fraction of the width (0.62 unless set). */
    public void setTableShare(double fraction) {
        split.setDividerPositions(fraction);
    }

    /** Controls that narrow the rows further, shown beside the filter (e.g. "Active only"). */
    public void addFilterControls(Node... nodes) {
        filters.getChildren().addAll(nodes);
    }

    /**
     * Lets the table select many rows (Shift, Ctrl), mirrored into {@code selection} (the ViewModel's).
     * A reload replaces the rows and a table then keeps at most one selected: the ViewModel follows its
     * selection to the new rows ({@link Selections#followAll}), and the table selects them again here, once
     * its rows have changed; the table's own shuffling meanwhile is not mirrored back.
     */
    public void allowMultipleSelection(javafx.collections.ObservableList<T> selection) {
        var model = table.getSelectionModel();
        model.setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        boolean[] mirroring = {false};
        boolean[] rowsChanging = {false};
        Runnable mirror = () -> {
            mirroring[0] = true;
            try {
                selection.setAll(model.getSelectedItems().stream().filter(java.util.Objects::nonNull).toList());
            } finally {
                mirroring[0] = false;
            }
        };
        model.getSelectedItems().addListener((javafx.collections.ListChangeListener<T>) c -> {
            if (!rowsChanging[0]) {
                mirror.run();
            }
        });
        // The ViewModel changes the selection itself only when the rows are being replaced.
        selection.addListener((javafx.collections.ListChangeListener<T>) c -> {
            if (!mirroring[0]) {
                rowsChanging[0] = true;
            }
        });
        table.getItems().addListener((javafx.collections.ListChangeListener<T>) c -> {
            if (!rowsChanging[0]) {
                return;
            }
            java.util.Map<T, Integer> index = new java.util.HashMap<>();
            for (int i = 0; i < table.getItems().size(); i++) {
                index.putIfAbsent(table.getItems().get(i), i);
            }
            int[] rows = selection.stream().map(index::get).filter(java.util.Objects::nonNull)
                    .mapToInt(Integer::intValue).toArray();
            model.clearSelection();
            if (rows.length > 0) {
                model.selectIndices(rows[0], java.util.Arrays.copyOfRange(rows, 1, rows.length));
            }
            rowsChanging[0] = false;
            mirror.run();
        });
    }

    public void addActions(Node... nodes) {
        for (Node n : nodes) {
            // A disabled control shows no tooltip, so the reason sits on a wrapper that stays enabled.
            javafx.scene.layout.StackPane wrapper = new javafx.scene.layout.StackPane(n);
            wrapper.getStyleClass().add("action-wrapper");
            // An action reads whole ("Delete J..." says nothing): in a narrow window the filter gives way.
            if (n instanceof Region r) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
            wrapper.setMinWidth(Region.USE_PREF_SIZE);
            Runnable tip = () -> {
                String why = disabledReason.get();
                if (why == null || why.isEmpty()) {
                    javafx.scene.control.Tooltip.uninstall(wrapper, wrapperTips.get(wrapper));
                    wrapperTips.remove(wrapper);
                } else if (!wrapperTips.containsKey(wrapper)) {
                    javafx.scene.control.Tooltip t = new javafx.scene.control.Tooltip();
                    t.textProperty().bind(Bindings.concat("Not available: ", disabledReason));
                    t.setWrapText(true);
                    t.setMaxWidth(420);
                    javafx.scene.control.Tooltip.install(wrapper, t);
                    wrapperTips.put(wrapper, t);
                }
            };
            disabledReason.addListener((o, a, b) -> tip.run());
            tip.run();
            actions.getChildren().add(wrapper);
        }
    }

    private final javafx.beans.property.StringProperty disabledReason = new javafx.beans.property.SimpleStringProperty("");
    private final java.util.Map<Node, javafx.scene.control.Tooltip> wrapperTips = new java.util.HashMap<>();

    /** Why the tab's changing actions are disabled (e.g. a read-only connection), shown as their tooltip. */
    public void bindDisabledReason(ObservableValue<String> reason) {
        disabledReason.bind(reason);
    }

    public BorderPane root() {
        return root;
    }
}
