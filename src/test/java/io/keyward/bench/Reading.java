package io.keyward.bench;

import java.util.Objects;

/**
 * One figure of a bench run: a number, or "not measured" and why. A figure that could not be measured
 * never becomes zero (or any other number).
 *
 * @param value the number, or null when not measured
 * @param why   why it was not measured (null when measured)
 */
record Reading(String name, Double value, String why) {

    Reading {
        Objects.requireNonNull(name, "name");
        if (value == null) {
            Objects.requireNonNull(why, "why");
        } else if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " is not a finite number: " + value);
        }
    }

    static Reading of(String name, double value) {
        return new Reading(name, value, null);
    }

    static Reading notMeasured(String name, String why) {
        return new Reading(name, null, why);
    }

    boolean measured() {
        return value != null;
    }
}
