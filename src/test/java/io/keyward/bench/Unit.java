package io.keyward.bench;

import java.util.Locale;

/** How a figure is printed. Verdicts are taken on the printed value, so a table never contradicts itself. */
enum Unit {
    RATIO(""),
    MS(" ms"),
    MB(" MB");

    private final String suffix;

    Unit(String suffix) {
        this.suffix = suffix;
    }

    /** Ratios with two decimals; milliseconds with two below 10, one below 100, none above; MB whole. */
    String format(double value) {
        String pattern = switch (this) {
            case RATIO -> "%.2f";
            case MS -> value < 10 ? "%.2f" : value < 100 ? "%.1f" : "%.0f";
            case MB -> "%.0f";
        };
        return String.format(Locale.ROOT, pattern, value);
    }

    /** With its unit: "1830 ms", "1.42". */
    String withUnit(double value) {
        return format(value) + suffix;
    }

    /** The value as it is printed. */
    double printed(double value) {
        return Double.parseDouble(format(value));
    }
}
