package io.keyward.session;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/** Busy while at least one task is under way; overlapping tasks do not clear each other's state. */
public final class BusyCounter {
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private int running;

    public void begin() {
        running++;
        busy.set(true);
    }

    public void end() {
        running = Math.max(0, running - 1);
        busy.set(running > 0);
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public boolean isBusy() {
        return busy.get();
    }
}
