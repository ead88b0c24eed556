package io.keyward.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code name=value} lines a probe printed, found amid whatever else it printed (JVM warnings,
 * progress, stack traces). A line counts only when it is nothing but a lower-case, dash-separated name,
 * {@code =} and a value; when a name comes more than once, the last line wins.
 */
final class BenchOutput {

    private static final Pattern LINE = Pattern.compile("^\\s*([a-z][a-z0-9]*(?:-[a-z0-9]+)*)=(.*?)\\s*$");
    /** A plain non-negative decimal: no sign, no exponent, no NaN or Infinity, no unit. */
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

    private final Map<String, String> values;
    private final String source;

    private BenchOutput(Map<String, String> values, String source) {
        this.values = values;
        this.source = source;
    }

    /** @param source who printed it, for the reason a figure was not measured (e.g. "LoadProbe") */
    static BenchOutput parse(String text, String source) {
        Map<String, String> values = new LinkedHashMap<>();
        if (text != null) {
            for (String line : text.split("\\R")) {
                var m = LINE.matcher(line);
                if (m.matches()) {
                    values.remove(m.group(1)); // keeps the order of the last occurrences
                    values.put(m.group(1), m.group(2));
                }
            }
        }
        return new BenchOutput(values, source);
    }

    /** The raw text after {@code name=}, or null. */
    String raw(String name) {
        return values.get(name);
    }

    /** The figure, or "not measured" saying whether the line was missing or its value was not a number. */
    Reading reading(String name) {
        String raw = values.get(name);
        if (raw == null) {
            return Reading.notMeasured(name, source + " printed no " + name + "= line");
        }
        Double number = number(raw);
        if (number == null) {
            return Reading.notMeasured(name, source + " printed " + name + "=" + abbreviate(raw) + ", not a number");
        }
        return Reading.of(name, number);
    }

    /** A plain non-negative decimal, or null for anything else. */
    static Double number(String text) {
        if (text == null || !NUMBER.matcher(text.strip()).matches()) {
            return null;
        }
        double v = Double.parseDouble(text.strip());
        return Double.isFinite(v) ? v : null;
    }

    private static String abbreviate(String raw) {
        String s = raw.length() > 40 ? raw.substring(0, 40) + "\u2026" : raw;
        return "\u201C" + s + "\u201D";
    }
}
