package io.keyward.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The confirmation of a bulk deletion, bound to a {@link BulkDeleteDialogViewModel}: "connection ·
 * project" in the header, the items gone from the server, the option (if any), the combined impact as
 * sentences and a scrolling table (a few hundred rows keep the window on the screen), what holds for all,
 * and the count to type. Cancel is the default, as in every destructive confirmation.
 */
public final class BulkDeleteDialog<C> implements DialogView<BulkDeleteDialogViewModel<C>, C> {

    /** Rows the impact table shows before it scrolls. */
    static final int VISIBLE_ROWS = 10;
    private static final double ROW_HEIGHT = 24;

    private final BulkDeleteDialogViewModel<C> vm;

    public BulkDeleteDialog(BulkDeleteDialogViewModel<C> vm) {
        this.vm = vm;
    }

    @Override
    public BulkDeleteDialogViewModel<C> viewModel() {
        return vm;
    }

    @Override
    public Dialog<C> build(Window owner) {
        List<Node> parts = new ArrayList<>();
        Label count = Fx.wrapping(vm.countText().substring(0, 1).toUpperCase(Locale.ROOT) + vm.countText().substring(1)
                + " will be deleted, each as a change of its own (at most four at a time).");
        count.setId("bulk-count");
        parts.add(count);
        if (!vm.missing().isEmpty()) {
            VBox gone = DialogFrames.bullets(vm.missing(), "muted");
            gone.setId("bulk-missing");
            parts.add(Fx.section("Not on the server any more", Fx.wrapping(vm.missingSentence(), "warning-text"),
                    DialogFrames.limited(gone, 5)));
        }
        if (vm.offersChoice()) {
            ToggleGroup group = new ToggleGroup();
            VBox options = new VBox(4);
            for (C option : vm.choices()) {
                RadioButton rb = new RadioButton(vm.describe(option));
                rb.setId("action-" + String.valueOf(option).toLowerCase(Locale.ROOT));
                rb.setUserData(option);
                rb.setToggleGroup(group);
                rb.setSelected(option.equals(vm.choiceProperty().get()));
                options.getChildren().add(rb);
            }
            group.selectedToggleProperty().addListener((o, a, t) -> {
                if (t != null) {
                    @SuppressWarnings("unchecked")
                    C chosen = (C) t.getUserData();
                    vm.choiceProperty().set(chosen);
                }
            });
            parts.add(Fx.section(vm.choiceTitle(), options));
        }
        VBox summary = new VBox(2);
        summary.setId("bulk-summary");
        Runnable fill = () -> summary.getChildren().setAll(vm.summary().stream().map(BulkDeleteDialog::label).toList());
        vm.summary().addListener((ListChangeListener<BulkDeleteDialogViewModel.Line>) c -> fill.run());
        fill.run();
        parts.add(Fx.section(vm.impactTitle(), summary, table()));
        vm.notes().forEach(n -> parts.add(label(n)));
        parts.add(DialogFrames.typeToConfirm(vm.confirm(), "count", vm.confirmPrompt()));

        VBox content = new VBox(10);
        content.getChildren().setAll(parts);
        Dialog<C> d = DialogFrames.destructive(owner, vm.title(), vm.header(),
                DialogFrames.confirmType(vm.confirmLabel()), content, vm.confirm().matchesProperty(), vm::confirmedChoice);
        d.getDialogPane().setId("bulk-delete-dialog");
        // Wider than a single confirmation: its table has up to four columns of names, ids and sentences.
        d.getDialogPane().setStyle("-fx-pref-width: 860px;");
        return DialogFrames.located(d, vm.where());
    }

    private TableView<BulkDeleteDialogViewModel.Row> table() {
        TableView<BulkDeleteDialogViewModel.Row> t = new TableView<>(vm.rows());
        t.setId("bulk-impact");
        List<String> columns = vm.columns();
        for (int i = 0; i < columns.size(); i++) {
            int at = i;
            TableColumn<BulkDeleteDialogViewModel.Row, String> c = new TableColumn<>(columns.get(i));
            c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(at < cell.getValue().cells().size()
                    ? cell.getValue().cells().get(at) : ""));
            c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
                @Override
                protected void updateItem(String text, boolean empty) {
                    super.updateItem(text, empty);
                    setText(empty ? null : text);
                    // A cell cut short by the column's width still reads whole on hover.
                    setTooltip(empty || text == null || text.isEmpty() ? null : new javafx.scene.control.Tooltip(text));
                }
            });
            t.getColumns().add(c);
        }
        // Each column as wide as what it holds (a UUID, a sentence), then all share the table's width.
        Runnable widths = () -> {
            for (int i = 0; i < columns.size(); i++) {
                int at = i;
                int chars = Math.max(columns.get(i).length(), vm.rows().stream().limit(300)
                        .mapToInt(r -> at < r.cells().size() ? r.cells().get(at).length() : 0).max().orElse(0));
                t.getColumns().get(i).setPrefWidth(Math.min(330, Math.max(64, chars * 7.3 + 22)));
            }
        };
        vm.rows().addListener((ListChangeListener<BulkDeleteDialogViewModel.Row>) c -> widths.run());
        widths.run();
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        t.setFixedCellSize(ROW_HEIGHT);
        // As tall as its rows up to VISIBLE_ROWS, then it scrolls: the dialog fits the screen with 500 items.
        t.prefHeightProperty().bind(Bindings.createDoubleBinding(() -> Math.min(Math.max(vm.rows().size(), 1),
                VISIBLE_ROWS) * ROW_HEIGHT + 30, vm.rows()));
        t.minHeightProperty().bind(t.prefHeightProperty());
        t.maxHeightProperty().bind(t.prefHeightProperty());
        t.setRowFactory(v -> new TableRow<>() {
            @Override
            protected void updateItem(BulkDeleteDialogViewModel.Row row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("impact-danger", "impact-unknown");
                if (!empty && row != null && row.tone() != BulkDeleteDialogViewModel.Tone.NORMAL) {
                    getStyleClass().add(row.tone() == BulkDeleteDialogViewModel.Tone.DANGER ? "impact-danger"
                            : "impact-unknown");
                }
            }
        });
        return t;
    }

    private static Label label(BulkDeleteDialogViewModel.Line line) {
        return Fx.wrapping(line.text(), switch (line.tone()) {
            case DANGER -> "danger-text";
            case UNKNOWN -> "unknown-text";
            case NORMAL -> "label";
        });
    }
}
