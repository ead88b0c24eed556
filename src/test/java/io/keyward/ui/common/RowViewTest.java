package io.keyward.ui.common;

import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The table's rows: the source's rows that pass, in the sort order (stable, as SortedList's), and change
 * events a listener can rebuild the list from, however the filter, the order and the source change.
 */
class RowViewTest {

    record Row(String name, int rank) { }

    private static RowView<Row> view(ObservableList<Row> source) {
        return new RowView<>(source, r -> r.name().toLowerCase(Locale.ROOT));
    }

    /** A view that tells replacements as a table's items do ({@link RowView#tellReplacementsForTable}), or not. */
    private static RowView<Row> view(ObservableList<Row> source, boolean forTable) {
        RowView<Row> view = view(source);
        if (forTable) {
            view.tellReplacementsForTable();
        }
        return view;
    }

    /** What a listener sees: a copy kept up to date from the change events alone. */
    private static List<Row> mirror(RowView<Row> view, int[] changes) {
        List<Row> copy = new ArrayList<>(view);
        view.addListener((ListChangeListener<Row>) c -> {
            changes[0]++;
            while (c.next()) {
                if (c.wasPermutated()) {
                    throw new AssertionError("no permutations expected");
                }
                List<Row> removedNow = new ArrayList<>(copy.subList(c.getFrom(), c.getFrom() + c.getRemovedSize()));
                assertEquals(removedNow, c.getRemoved(), "the removed rows are the rows that were shown");
                copy.subList(c.getFrom(), c.getFrom() + c.getRemovedSize()).clear();
                copy.addAll(c.getFrom(), c.getAddedSubList());
            }
        });
        return copy;
    }

    @ParameterizedTest(name = "for a table: {0}")
    @ValueSource(booleans = {false, true})
    void filtersSortsAndTellsItsListenersExactlyWhatChanged(boolean forTable) {
        Random random = new Random(7);
        ObservableList<Row> source = FXCollections.observableArrayList();
        for (int i = 0; i < 300; i++) {
            source.add(new Row("row-" + random.nextInt(100), random.nextInt(5)));
        }
        RowView<Row> view = view(source, forTable);
        int[] changes = {0};
        List<Row> seen = mirror(view, changes);
        String needle = "";
        Predicate<Row> restriction = null;
        Comparator<Row> order = null;
        for (int step = 0; step < 400; step++) {
            switch (random.nextInt(5)) {
                case 0 -> needle = random.nextBoolean() ? "" : "row-" + random.nextInt(12);
                case 1 -> restriction = random.nextBoolean() ? null : r -> r.rank() != 0;
                case 2 -> order = switch (random.nextInt(3)) {
                    case 0 -> null;
                    case 1 -> Comparator.comparingInt(Row::rank);
                    default -> Comparator.comparing(Row::name).reversed();
                };
                case 3 -> {
                    List<Row> reloaded = new ArrayList<>();
                    for (int i = random.nextInt(300); i > 0; i--) {
                        reloaded.add(new Row("row-" + random.nextInt(100), random.nextInt(5)));
                    }
                    source.setAll(reloaded);
                }
                default -> {
                    if (!source.isEmpty()) {
                        source.remove(random.nextInt(source.size()));
                    }
                    source.add(random.nextInt(source.size() + 1), new Row("row-" + random.nextInt(100), 4));
                }
            }
            view.comparatorProperty().set(order);
            view.filter(needle, restriction);

            String n = needle;
            Predicate<Row> r = restriction;
            List<Row> expected = new ArrayList<>(source.stream()
                    .filter(x -> (r == null || r.test(x)) && x.name().contains(n)).toList());
            if (order != null) {
                expected.sort(order); // List.sort is stable, as SortedList is
            }
            assertEquals(expected, List.copyOf(view), "step " + step);
            assertEquals(expected, seen, "the listener's copy, step " + step);
            for (int i = 0; i < view.size(); i++) {
                assertEquals(i, view.getViewIndex(view.getSourceIndex(i)));
                assertTrue(source.get(view.getSourceIndex(i)) == view.get(i));
            }
        }
        assertTrue(changes[0] > 100, "changes seen: " + changes[0]);
    }

    @Test
    void aKeystrokeThatShowsTheSameRowsChangesNothing() {
        ObservableList<Row> source = FXCollections.observableArrayList(new Row("user-1", 0), new Row("user-2", 0));
        RowView<Row> view = view(source);
        int[] changes = {0};
        mirror(view, changes);
        view.filter("u", null);
        view.filter("us", null);
        view.filter("user-", null);
        assertEquals(0, changes[0]);
        view.filter("user-1", null);
        assertEquals(1, changes[0]);
        assertEquals(List.of(source.get(0)), List.copyOf(view));
    }

    @Test
    void aRowNotShownHasNoViewIndex() {
        ObservableList<Row> source = FXCollections.observableArrayList(new Row("a", 0), new Row("b", 0));
        RowView<Row> view = view(source);
        view.filter("b", null);
        assertEquals(-1, view.getViewIndex(0));
        assertEquals(0, view.getViewIndex(1));
        assertThrows(IndexOutOfBoundsException.class, () -> view.get(1));
    }

    @ParameterizedTest(name = "for a table: {0}")
    @ValueSource(booleans = {false, true})
    void typingAndDeletingShowsWhatAFreshScanWouldWhateverHappensBetween(boolean forTable) {
        Random random = new Random(11);
        ObservableList<Row> source = FXCollections.observableArrayList();
        for (int i = 0; i < 400; i++) {
            source.add(new Row(randomName(random), random.nextInt(5)));
        }
        RowView<Row> view = view(source, forTable);
        int[] changes = {0};
        List<Row> seen = mirror(view, changes);
        Predicate<Row> notZero = r -> r.rank() != 0;
        Predicate<Row> restriction = null;
        Comparator<Row> order = null;
        StringBuilder needle = new StringBuilder();
        for (int step = 0; step < 3000; step++) {
            int what = random.nextInt(100);
            if (what < 45 && needle.length() < 6) {
                needle.append("abc-".charAt(random.nextInt(4))); // a keystroke
            } else if (what < 85 && needle.length() > 0) {
                needle.setLength(needle.length() - 1); // a backspace
            } else if (what < 90) {
                restriction = restriction == null ? notZero : null;
            } else if (what < 95) {
                order = order == null ? Comparator.comparing(Row::name) : null;
            } else if (what < 98) {
                source.set(random.nextInt(source.size()), new Row(randomName(random), random.nextInt(5)));
            } else {
                needle.setLength(0);
            }
            view.comparatorProperty().set(order);
            view.filter(needle.toString(), restriction);

            String n = needle.toString();
            Predicate<Row> r = restriction;
            List<Row> expected = new ArrayList<>(source.stream()
                    .filter(x -> (r == null || r.test(x)) && x.name().contains(n)).toList());
            if (order != null) {
                expected.sort(order);
            }
            assertEquals(expected, List.copyOf(view), "step " + step + ", needle '" + n + "'");
            assertEquals(expected, seen, "the listener's copy, step " + step);
        }
        assertTrue(changes[0] > 500, "changes seen: " + changes[0]);
    }

    private static String randomName(Random random) {
        StringBuilder b = new StringBuilder();
        for (int i = 4 + random.nextInt(6); i > 0; i--) {
            b.append("abc-".charAt(random.nextInt(4)));
        }
        return b.toString();
    }

    @Test
    void aLongerNeedleSearchesOnlyTheRowsTheShorterOneMatchedAndANeedleSeenAgainIsNotSearched() {
        ObservableList<Row> source = FXCollections.observableArrayList();
        for (int i = 0; i < 1000; i++) {
            source.add(new Row("user-" + i, 0));
        }
        int[] tested = {0};
        Predicate<Row> counting = r -> {
            tested[0]++;
            return true;
        };
        RowView<Row> view = view(source);
        view.filter("user-1", counting);
        assertEquals(1000, tested[0], "the first needle: every row");
        assertEquals(111, view.size());
        tested[0] = 0;
        view.filter("user-12", counting);
        view.filter("user-123", counting);
        assertEquals(List.of(source.get(123)), List.copyOf(view));
        view.filter("user-12", counting); // backspace
        view.filter("user-1", counting);
        assertEquals(111, view.size());
        assertEquals(0, tested[0], "narrowing and going back ask the restriction nothing: its rows are known");

        source.set(5, new Row("user-1x", 0)); // a reload: nothing known any more
        view.filter("user-1x", counting);
        assertEquals(1000, tested[0]);
        assertEquals(List.of(source.get(5)), List.copyOf(view));
    }

    @Test
    void forATableAReplacementIsAnAdditionOfEveryRowThenTwoRemovalsAndNeverAReplacedStep() {
        ObservableList<Row> source = FXCollections.observableArrayList(new Row("a1", 0), new Row("b1", 0),
                new Row("a2", 0), new Row("b2", 0), new Row("a3", 0));
        RowView<Row> view = view(source, true);
        List<String> steps = new ArrayList<>();
        view.addListener((ListChangeListener<Row>) c -> {
            while (c.next()) {
                assertTrue(!c.wasReplaced(), "no replaced step");
                steps.add(c.getFrom() + "-" + c.getTo() + " +" + c.getAddedSize() + " -" + c.getRemovedSize());
            }
        });
        view.filter("a", null); // 5 rows -> a1 a2 a3
        assertEquals(List.of("0-3 +3 -0", "3-3 +0 -4", "3-3 +0 -1"), steps);
        steps.clear();
        view.filter("b", null); // 3 rows -> b1 b2
        assertEquals(List.of("0-2 +2 -0", "2-2 +0 -2", "2-2 +0 -1"), steps);
        steps.clear();
        view.filter("a1", null); // 2 rows -> 1: still steps; from 1 row or to none: the plain change
        assertEquals(List.of("0-1 +1 -0", "1-1 +0 -1", "1-1 +0 -1"), steps);
        steps.clear();
        view.filter("zz", null);
        assertEquals(List.of("0-0 +0 -1"), steps);
    }
}
