package io.keyward.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Filter-as-you-type over a list: case-insensitive match on any of the item's texts, optionally
 * narrowed further (e.g. "active only"), plus a row count.
 */
public final class TableFilter<T> {
    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<Predicate<T>> restriction = new SimpleObjectProperty<>(x -> true);
    private final FilteredList<T> filtered;
    private final StringBinding count;

    public TableFilter(ObservableList<T> source, Function<T, Stream<String>> texts, String singular, String plural) {
        this.filtered = new FilteredList<>(source, x -> true);
        Runnable update = () -> {
            String needle = text.get() == null ? "" : text.get().trim().toLowerCase(Locale.ROOT);
            Predicate<T> also = restriction.get() == null ? x -> true : restriction.get();
            filtered.setPredicate(needle.isEmpty() ? also
                    : x -> also.test(x) && texts.apply(x).filter(Objects::nonNull)
                    .anyMatch(s -> s.toLowerCase(Locale.ROOT).contains(needle)));
        };
        text.addListener((o, a, b) -> update.run());
        restriction.addListener((o, a, b) -> update.run());
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

    /** Rows must pass this too, whatever is typed; the count then says "n of m". */
    public ObjectProperty<Predicate<T>> restrictionProperty() {
        return restriction;
    }

    public FilteredList<T> items() {
        return filtered;
    }

    public StringBinding countProperty() {
        return count;
    }
}
