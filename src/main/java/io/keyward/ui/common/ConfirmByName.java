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

    /** What is wrong with what was typed, in a sentence ("" when it matches): Enter shows it. */
    public String difference() {
        String t = typed.get() == null ? "" : typed.get();
        if (t.equals(name)) {
            return "";
        }
        if (t.isEmpty()) {
            return "Nothing typed yet.";
        }
        if (t.equalsIgnoreCase(name)) {
            return "Only upper and lower case differ, and they count.";
        }
        if (name.startsWith(t)) {
            int left = name.length() - t.length();
            return "Not complete: " + left + (left == 1 ? " more character" : " more characters") + " to type.";
        }
        if (t.startsWith(name)) {
            boolean spaces = t.substring(name.length()).isBlank();
            return "There " + (t.length() - name.length() == 1 ? "is an extra character" : "are extra characters")
                    + " at the end" + (spaces ? " (spaces count too)." : ".");
        }
        int i = 0;
        while (i < t.length() && i < name.length() && t.charAt(i) == name.charAt(i)) {
            i++;
        }
        return "Differs at character " + (i + 1) + ": \u201C" + show(t, i) + "\u201D typed, \u201C"
                + show(name, i) + "\u201D expected.";
    }

    private static String show(String s, int i) {
        if (i >= s.length()) {
            return "(end)";
        }
        char c = s.charAt(i);
        return c == ' ' ? "(space)" : String.valueOf(c);
    }
}
