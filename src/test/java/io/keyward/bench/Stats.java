package io.keyward.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Medians of measured runs. */
final class Stats {

    private Stats() {
    }

    /** The middle value; for an even count, the mean of the two middle ones. */
    static double median(Collection<? extends Number> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Double> sorted = new ArrayList<>();
        for (Number n : values) {
            sorted.add(n.doubleValue());
        }
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
