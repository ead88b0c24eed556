package io.keyward.ui.common;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real table over a RowView, typed into: it shows exactly the filtered rows after each keystroke, and a
 * row that has a row to show before and after a keystroke is never emptied in between (the table keeps its
 * cells instead of emptying and refilling each one).
 */
@ExtendWith(ApplicationExtension.class)
class RowViewTableTest {

    private TableView<String> table;
    private RowView<String> view;
    private final List<Integer> emptied = new ArrayList<>();

    @Start
    void start(Stage stage) {
        ObservableList<String> source = FXCollections.observableArrayList();
        for (int i = 0; i < 2000; i++) {
            source.add("user-" + i);
        }
        view = new RowView<>(source, s -> s.toLowerCase(Locale.ROOT));
        view.tellReplacementsForTable(); // as ListPane does
        table = new TableView<>(view);
        TableColumn<String, String> name = new TableColumn<>("Name");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue()));
        name.setPrefWidth(200);
        table.getColumns().add(name);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                boolean wasFilled = !isEmpty() && getItem() != null;
                super.updateItem(item, empty);
                if (empty && wasFilled) {
                    emptied.add(getIndex());
                }
            }
        });
        stage.setScene(new Scene(table, 300, 400));
        stage.show();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        T value = WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return value;
    }

    /** The texts of the rows the table lays out with an item, top to bottom. */
    private List<String> shown() throws Exception {
        return fx(() -> {
            List<String> texts = new ArrayList<>();
            table.lookupAll(".table-row-cell").stream()
                    .map(n -> (TableRow<?>) n)
                    .filter(r -> r.isVisible() && !r.isEmpty() && r.getItem() != null)
                    .sorted(java.util.Comparator.comparingInt(TableRow::getIndex))
                    .forEach(r -> texts.add(String.valueOf(r.getItem())));
            return texts;
        });
    }

    @Test
    void typingShowsTheFilteredRowsAndEmptiesNoRowThatStillHasOne() throws Exception {
        List<String> first = shown();
        int visible = first.size();
        assertTrue(visible >= 10, "rows laid out: " + visible);
        assertEquals(List.copyOf(view.subList(0, visible)), first);

        // "user-1" (1111 rows), "user-12" (111), "user-1" again, "" (2000): each shows more rows than fit.
        for (String needle : new String[] {"user-1", "user-12", "user-1", ""}) {
            fx(() -> {
                emptied.clear();
                view.filter(needle, null);
                return null;
            });
            List<String> rows = shown();
            assertTrue(view.size() > visible, needle + ": " + view.size());
            assertEquals(List.copyOf(view.subList(0, rows.size())), rows, "after '" + needle + "'");
            assertEquals(visible, rows.size(), "after '" + needle + "'");
            assertTrue(rows.stream().allMatch(r -> r.contains(needle)), rows.toString());
            assertEquals(List.of(), fx(() -> List.copyOf(emptied)), "rows emptied after '" + needle + "'");
        }

        // Down to fewer rows than fit: the rows past the last match are emptied, the others are not.
        fx(() -> {
            emptied.clear();
            view.filter("user-123", null); // user-123, user-1230..1239: 11 rows
            return null;
        });
        List<String> few = shown();
        assertEquals(List.copyOf(view), few);
        assertEquals(11, few.size());
        List<Integer> emptiedRows = fx(() -> List.copyOf(emptied));
        assertTrue(emptiedRows.stream().allMatch(i -> i >= 11), "emptied: " + emptiedRows);
    }

    @Test
    void theSelectedRowStaysSelectedWhileShownAndNoOtherRowIsEverSelectedInItsPlace() throws Exception {
        List<Object> selectedSeen = new ArrayList<>();
        fx(() -> {
            table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> selectedSeen.add(b));
            table.getSelectionModel().select("user-12");
            return null;
        });
        for (String needle : new String[] {"user-1", "user-12", "user-1", "", "user-12"}) {
            fx(() -> {
                view.filter(needle, null);
                return null;
            });
            assertEquals("user-12", fx(() -> table.getSelectionModel().getSelectedItem()), "after '" + needle + "'");
        }
        // Two rows shown, the first selected, then only the second: nothing is selected, never the other row.
        fx(() -> {
            view.filter("", s -> s.equals("user-5") || s.equals("user-6"));
            table.getSelectionModel().select("user-5");
            selectedSeen.clear();
            view.filter("", s -> s.equals("user-6"));
            return null;
        });
        assertEquals(List.of("user-6"), List.copyOf(view));
        assertEquals(null, fx(() -> table.getSelectionModel().getSelectedItem()));
        assertTrue(!selectedSeen.contains("user-6"), "user-6 was never selected: " + selectedSeen);
    }
}
