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
     * Tables are refilled after every refresh; this keeps the same row (by key) selected so the
     * details pane follows the item instead of going blank.
     */
    public static <T> void keepSelection(TableView<T> table, Function<T, String> key) {
        String[] last = new String[1];
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                last[0] = key.apply(b);
            }
        });
        table.getItems().addListener((ListChangeListener<T>) change -> {
            if (last[0] == null || table.getSelectionModel().getSelectedItem() != null) {
                return;
            }
            for (T item : table.getItems()) {
                if (Objects.equals(key.apply(item), last[0])) {
                    table.getSelectionModel().select(item);
                    return;
                }
            }
        });
    }
}
