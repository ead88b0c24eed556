package io.keyward.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a bench run reports: each figure with its unit, target, and the measurement and floor it is made of. */
final class Figures {

    private Figures() {
    }

    /** A number a figure is made of. */
    record Part(String name, Unit unit, String label) {
    }

    /**
     * A row of the table.
     *
     * @param measured what was measured (null for a figure that is a measurement itself)
     * @param floor    what it is compared with in the same run (null when none)
     * @param speedUp  the figure is {@code floor / measured} (how many times faster), not {@code measured / floor}
     */
    record Spec(String name, Unit unit, Target target, Part measured, Part floor, boolean speedUp) {
        Spec(String name, Unit unit, Target target, Part measured, Part floor) {
            this(name, unit, target, measured, floor, false);
        }

        boolean isRatio() {
            return unit == Unit.RATIO && measured != null && floor != null;
        }

        /** The ratio of a measurement and its floor, as this figure defines it. */
        double ratio(double measuredValue, double floorValue) {
            return speedUp ? floorValue / measuredValue : measuredValue / floorValue;
        }
    }

    static final List<Spec> SPECS = List.of(
            new Spec("startup-ratio", Unit.RATIO, new Target.AtMost(1.3),
                    new Part("startup-bundle-ms", Unit.MS, "app-image"),
                    new Part("startup-bare-ms", Unit.MS, "bare JavaFX window")),
            new Spec("startup-ready-ms", Unit.MS, new Target.None(), null, null),
            new Spec("load-ratio", Unit.RATIO, new Target.AtMost(1.5),
                    new Part("load-ms", Unit.MS, "rows shown"),
                    new Part("raw-ms", Unit.MS, "GET + Jackson tree parse")),
            new Spec("filter-p95-ms", Unit.MS, new Target.AtMost(16), null, null),
            new Spec("max-stall-ms", Unit.MS, new Target.AtMost(100), null, null),
            new Spec("rss-mb", Unit.MB, new Target.AtMost(300), null, null),
            new Spec("heap-mb", Unit.MB, new Target.None(), null, null),
            new Spec("call-ratio", Unit.RATIO,
                    new Target.RatioOrSlack(1.1, 2, "call-client-ms", "call-curl-ms", "curl"),
                    new Part("call-client-ms", Unit.MS, "client"),
                    new Part("call-curl-ms", Unit.MS, "curl")),
            new Spec("bulk-ratio", Unit.RATIO, new Target.AtLeast(3),
                    new Part("bulk-ms", Unit.MS, "bulk"),
                    new Part("bulk-seq-ms", Unit.MS, "one after another"), true));

    /** Every name printed as a {@code name=value} line, in order, with its unit: each floor, measurement, figure. */
    static Map<String, Unit> units() {
        Map<String, Unit> units = new LinkedHashMap<>();
        for (Spec s : SPECS) {
            if (s.floor() != null) {
                units.put(s.floor().name(), s.floor().unit());
            }
            if (s.measured() != null) {
                units.put(s.measured().name(), s.measured().unit());
            }
            units.put(s.name(), s.unit());
        }
        return units;
    }

    static List<String> names() {
        return new ArrayList<>(units().keySet());
    }
}
