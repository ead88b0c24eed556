package io.keyward.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The type-to-confirm gate of a deletion: confirming is possible only once the resource's exact name
 * is typed (case-sensitive, no trimming: names may differ only in case or spacing).
 */
public final class ConfirmByName {
    private final String name;
    private final StringProperty typed = new SimpleStringProperty("");
    private final BooleanBinding matches;

    public ConfirmByName(String name) {
        this.name = name;
        this.matches = Bindings.createBooleanBinding(() -> name.equals(typed.get()), typed);
    }

    public String name() {
        return name;
    }

    public StringProperty typedProperty() {
        return typed;
    }

    public BooleanBinding matchesProperty() {
        return matches;
    }

    public boolean matches() {
        return matches.get();
    }
}
