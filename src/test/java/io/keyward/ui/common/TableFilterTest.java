package io.keyward.ui.common;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The filter's search texts (lowercased once, joined per row) match exactly the rows the per-text
 * match did: random rows and needles, odd letters, texts that are null, needles that would only match
 * across two texts; and a reloaded or changed list is searched by its new texts.
 */
class TableFilterTest {

    record Row(String a, String b, List<String> more) { }

    private static final Function<Row, Stream<String>> TEXTS = r -> Stream.concat(Stream.of(r.a(), r.b()), r.more().stream());

    /** The match as it was: any text, lowercased, contains the lowercased, trimmed needle. */
    private static boolean before(Row r, String typed) {
        String needle = typed == null ? "" : typed.trim().toLowerCase(Locale.ROOT);
        return needle.isEmpty() || TEXTS.apply(r).filter(Objects::nonNull)
                .anyMatch(s -> s.toLowerCase(Locale.ROOT).contains(needle));
    }

    private static final String[] PIECES = {"a", "B", "user-0", "1", "23", " ", "-", "İ", "ı", "I", "i", "ΟΔΟΣ", "σ", "ς",
            "ß", "SS", "é", "É", "\u0000", "K", "\u212A", ""};

    private static String text(Random r, int max) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(max + 1);
        for (int i = 0; i < n; i++) {
            sb.append(PIECES[r.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

    @Test
    void matchesExactlyTheRowsThePerTextMatchDid() {
        Random random = new Random(42);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            List<String> more = new ArrayList<>();
            for (int j = random.nextInt(3); j > 0; j--) {
                more.add(text(random, 3));
            }
            rows.add(new Row(random.nextInt(6) == 0 ? null : text(random, 4), random.nextInt(3) == 0 ? null
                    : text(random, 4), more));
        }
        ObservableList<Row> source = FXCollections.observableArrayList(rows);
        TableFilter<Row> filter = new TableFilter<>(source, TEXTS, "row", "rows");
        int narrowed = 0;
        for (int i = 0; i < 600; i++) {
            String typed = random.nextInt(20) == 0 ? null : text(random, 3);
            filter.textProperty().set(typed);
            List<Row> expected = source.stream().filter(r -> before(r, typed)).toList();
            assertEquals(expected, List.copyOf(filter.items()), "typed \u201C" + typed + "\u201D");
            narrowed += expected.size() < source.size() && !expected.isEmpty() ? 1 : 0;
        }
        assertTrue(narrowed > 100, "the needles must narrow the list for the comparison to mean much: " + narrowed);
    }

    @Test
    void aNeedleNeverMatchesAcrossTwoTexts() {
        ObservableList<Row> source = FXCollections.observableArrayList(new Row("abc", "def", List.of()));
        TableFilter<Row> filter = new TableFilter<>(source, TEXTS, "row", "rows");
        filter.textProperty().set("cd");
        assertTrue(filter.items().isEmpty());
        filter.textProperty().set("c\u0000d");
        assertTrue(filter.items().isEmpty());
        filter.textProperty().set("EF");
        assertEquals(1, filter.items().size());
    }

    @Test
    void aReloadedListIsFilteredWithTheSameTextAndTheOldRowsAreForgotten() {
        ObservableList<Row> source = FXCollections.observableArrayList();
        for (int i = 0; i < 1000; i++) {
            source.add(new Row("user-" + i, null, List.of()));
        }
        TableFilter<Row> filter = new TableFilter<>(source, TEXTS, "row", "rows");
        filter.textProperty().set("USER-99");
        assertEquals(11, filter.items().size()); // 99, 990..999

        List<Row> reloaded = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            reloaded.add(new Row("user-" + i, "reloaded", List.of()));
        }
        source.setAll(reloaded);
        assertEquals(List.of(reloaded.get(99)), List.copyOf(filter.items()));
        assertEquals("1 of 100 rows", filter.countProperty().get());

        source.set(99, new Row("someone else", null, List.of()));
        assertTrue(filter.items().isEmpty(), "a changed row is searched by its new texts");
        source.clear();
        assertEquals("0 rows", filter.countProperty().get());
    }

    @Test
    void theRestrictionStillApplies() {
        ObservableList<Row> source = FXCollections.observableArrayList(new Row("alpha", "on", List.of()),
                new Row("alps", "off", List.of()));
        TableFilter<Row> filter = new TableFilter<>(source, TEXTS, "row", "rows");
        filter.restrictionProperty().set(r -> "on".equals(r.b()));
        filter.textProperty().set("al");
        assertEquals(List.of(source.get(0)), List.copyOf(filter.items()));
        assertEquals("1 of 2 rows", filter.countProperty().get());
    }
}
