package io.keyward.ui.common;

import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import java.util.function.Function;

/** Small builders shared by the code-built views. */
public final class Fx {
    private Fx() {
    }

    public static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-heading");
        return l;
    }

    public static Label wrapping(String text, String... styleClasses) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.setMaxWidth(Double.MAX_VALUE);
        l.getStyleClass().addAll(styleClasses);
        return l;
    }

    public static Label bound(ObservableValue<String> text, String... styleClasses) {
        Label l = wrapping("", styleClasses);
        l.textProperty().bind(text);
        hideWhenEmpty(l);
        return l;
    }

    /** Hides a label (and frees its space) while it has no text. */
    public static void hideWhenEmpty(Label l) {
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
    }

    public static VBox section(String title, Node... content) {
        VBox box = new VBox(4);
        box.getChildren().add(heading(title));
        box.getChildren().addAll(content);
        return box;
    }

    /** Puts text on the system clipboard (FX thread); nothing for empty text. */
    public static void toClipboard(String text) {
        if (text != null && !text.isEmpty()) {
            javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
            content.putString(text);
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        }
    }

    /** A menu item for a row's context menu. */
    public static javafx.scene.control.MenuItem item(String text, Runnable action) {
        javafx.scene.control.MenuItem m = new javafx.scene.control.MenuItem(text);
        m.setOnAction(e -> action.run());
        return m;
    }

    public static Region grow() {
        Region r = new Region();
        javafx.scene.layout.HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    public static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }

    /**
     * Two-way selection between a table and its ViewModel. The user's pick goes to the ViewModel; the
     * ViewModel's (which follows reloads and filters) is re-applied after the table's rows change,
     * because a table clears or shifts its selection when its rows are replaced.
     */
    public static <T> void syncSelection(TableView<T> table, ObjectProperty<T> selected) {
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && !Objects.equals(b, selected.get())) {
                selected.set(b);
            }
        });
        selected.addListener((o, a, b) -> show(table, b));
        table.getItems().addListener((ListChangeListener<T>) change -> show(table, selected.get()));
    }

    private static <T> void show(TableView<T> table, T item) {
        if (item == null) {
            table.getSelectionModel().clearSelection();
        } else if (!Objects.equals(table.getSelectionModel().getSelectedItem(), item)) {
            table.getSelectionModel().select(item);
        }
    }
}
