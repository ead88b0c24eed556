package io.keyward.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/** Filter-as-you-type over a list: case-insensitive match on any of the item's texts, plus a row count. */
public final class TableFilter<T> {
    private final StringProperty text = new SimpleStringProperty("");
    private final FilteredList<T> filtered;
    private final StringBinding count;

    public TableFilter(ObservableList<T> source, Function<T, Stream<String>> texts, String singular, String plural) {
        this.filtered = new FilteredList<>(source, x -> true);
        text.addListener((o, a, b) -> {
            String needle = b == null ? "" : b.trim().toLowerCase(Locale.ROOT);
            filtered.setPredicate(needle.isEmpty() ? x -> true
                    : x -> texts.apply(x).filter(Objects::nonNull)
                    .anyMatch(s -> s.toLowerCase(Locale.ROOT).contains(needle)));
        });
        count = Bindings.createStringBinding(() -> {
            int shown = filtered.size();
            int all = source.size();
            String noun = all == 1 ? singular : plural;
            return shown == all ? all + " " + noun : shown + " of " + all + " " + noun;
        }, filtered, source);
    }

    public StringProperty textProperty() {
        return text;
    }

    public FilteredList<T> items() {
        return filtered;
    }

    public StringBinding countProperty() {
        return count;
    }
}
