package io.keyward.ui.common;

import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.util.function.BiPredicate;

/** Selection helpers for list ViewModels whose items are immutable records replaced on every reload. */
public final class Selections {
    private Selections() {
    }

    /**
     * Keeps {@code selected} pointing at the current copy of the selected item whenever {@code items}
     * changes, or clears it when the item is gone. Without this a reload leaves the old record selected,
     * and details and enabled actions describe a state the server no longer has. Given the filtered
     * list, a row the filter hides is deselected too, so no action can target an item out of sight.
     */
    public static <T> void follow(ObservableList<T> items, ObjectProperty<T> selected, BiPredicate<T, T> same) {
        items.addListener((ListChangeListener<T>) change -> {
            T current = selected.get();
            if (current != null) {
                selected.set(items.stream().filter(x -> same.test(current, x)).findFirst().orElse(null));
            }
        });
    }

    /**
     * Keeps a multi-row selection pointing at the current copies of its rows when {@code items} changes
     * (a reload, the filter): rows gone or filtered out leave it. Runs only while more than one row is
     * selected ({@link #follow} keeps the one). Found by id where both have one, else by name, as
     * {@link #sameIdOrName}; by map, so a selection of hundreds in a list of thousands stays cheap.
     */
    public static <T> void followAll(ObservableList<T> items, ObservableList<T> selection,
                                     java.util.function.Function<T, String> id, java.util.function.Function<T, String> name) {
        items.addListener((ListChangeListener<T>) change -> {
            if (selection.size() < 2) {
                return;
            }
            java.util.Map<String, T> byId = new java.util.HashMap<>();
            java.util.Map<String, T> byName = new java.util.HashMap<>();
            for (T x : items) {
                if (id.apply(x) != null) {
                    byId.putIfAbsent(id.apply(x), x);
                }
                byName.putIfAbsent(name.apply(x), x);
            }
            java.util.List<T> now = new java.util.ArrayList<>();
            for (T s : selection) {
                T found = id.apply(s) != null && byId.containsKey(id.apply(s)) ? byId.get(id.apply(s))
                        : id.apply(s) == null ? byName.get(name.apply(s)) : null;
                if (found != null && !now.contains(found)) {
                    now.add(found);
                }
            }
            selection.setAll(now); // even when unchanged: the table learns its rows were replaced
        });
    }

    /** The chosen rows as the server lists them now, and the names of those it no longer lists. */
    public record StillListed<T>(java.util.List<T> current, java.util.List<String> missing) {
    }

    /**
     * Which of {@code chosen} are still in {@code listed} (a fresh read), as listed now, and the names of the
     * others: a bulk action's confirmation shows the one and names the other, and sends nothing for it.
     */
    public static <T> StillListed<T> stillListed(java.util.List<T> chosen, java.util.List<T> listed, BiPredicate<T, T> same,
                                                 java.util.function.Function<T, String> name) {
        java.util.List<T> current = new java.util.ArrayList<>();
        java.util.List<String> missing = new java.util.ArrayList<>();
        for (T c : chosen) {
            listed.stream().filter(x -> same.test(x, c)).findFirst()
                    .ifPresentOrElse(current::add, () -> missing.add(name.apply(c)));
        }
        return new StillListed<>(current, missing);
    }

    /** Same id when both have one (survives a rename), else same name. */
    public static boolean sameIdOrName(String id1, String name1, String id2, String name2) {
        return id1 != null && id2 != null ? id1.equals(id2) : name1.equals(name2);
    }
}
