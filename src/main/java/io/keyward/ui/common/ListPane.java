package io.keyward.ui.common;

import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import org.controlsfx.control.textfield.TextFields;


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

    public ListPane(String idPrefix, TableFilter<T> filter, ObjectProperty<T> selected, Label details) {
        this(idPrefix, filter, selected, (Node) styled(idPrefix, details));
    }

    private static Node styled(String idPrefix, Label details) {
        details.getStyleClass().add("details");
        details.setId(idPrefix + "-details");
        details.setWrapText(true);
        details.setAlignment(Pos.TOP_LEFT);
        details.setPadding(new Insets(8));
        ScrollPane detailsScroll = new ScrollPane(details);
        detailsScroll.setFitToWidth(true);
        return detailsScroll;
    }

    /** @param details what the right-hand side shows for the selection (it fills the height given) */
    public ListPane(String idPrefix, TableFilter<T> filter, ObjectProperty<T> selected, Node details) {
        filterField = TextFields.createClearableTextField();
        filterField.setId(idPrefix + "-filter");
        filterField.setPromptText("Filter (Ctrl+F)");
        filterField.setPrefColumnCount(22);
        filterField.textProperty().bindBidirectional(filter.textProperty());
        Label count = new Label();
        count.setId(idPrefix + "-count");
        count.getStyleClass().add("count");
        count.textProperty().bind(filter.countProperty());

        SortedList<T> sorted = new SortedList<>(filter.items());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setId(idPrefix + "-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Nothing to show"));
        Fx.syncSelection(table, selected);

        VBox detailsBox = new VBox(4, Fx.heading("Details"), details);
        detailsBox.setPadding(new Insets(0, 0, 0, 6));
        VBox.setVgrow(details, javafx.scene.layout.Priority.ALWAYS);

        split = new SplitPane(table, detailsBox);
        split.setDividerPositions(0.62);
        filters.setAlignment(Pos.CENTER_LEFT);
        HBox top = new HBox(8, filterField, count, filters, Fx.grow(), actions);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(6, 6, 6, 6));
        root.setTop(top);
        root.setCenter(split);
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

    public void addActions(Node... nodes) {
        actions.getChildren().addAll(nodes);
    }

    public BorderPane root() {
        return root;
    }
}
