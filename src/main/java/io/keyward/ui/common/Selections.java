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

    /** Same id when both have one (survives a rename), else same name. */
    public static boolean sameIdOrName(String id1, String name1, String id2, String name2) {
        return id1 != null && id2 != null ? id1.equals(id2) : name1.equals(name2);
    }
}
