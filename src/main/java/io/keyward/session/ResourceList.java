package io.keyward.session;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.util.Collection;

/** One list the console shows (keys, JWKs, …) with its {@link ListState}. FX thread only. */
public final class ResourceList<T> {
    private final ObservableList<T> items = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ListState> state = new ReadOnlyObjectWrapper<>(ListState.IDLE);

    public ObservableList<T> items() {
        return items;
    }

    public ReadOnlyObjectProperty<ListState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ListState state() {
        return state.get();
    }

    /** A load starts; the rows stay (a refresh of the same list does not flicker). */
    public void loading() {
        state.set(state.get().loading());
    }

    public void loaded(Collection<? extends T> rows, Instant at) {
        items.setAll(rows);
        state.set(ListState.loaded(at));
    }

    /** The load failed: the last good rows stay, marked stale. */
    public void failed(String why) {
        state.set(state.get().failed(why));
    }

    /** Nothing to show any more (another project, another connection): no stale rows of something else. */
    public void reset() {
        items.clear();
        state.set(ListState.IDLE);
    }
}
