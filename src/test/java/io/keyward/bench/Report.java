package io.keyward.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A bench run's figures as {@code name=value} lines, a table, and {@code bench/RESULTS.md}. */
final class Report {

    static final String NOT_MEASURED = "not measured";

    private final Map<String, Reading> all;

    private Report(Map<String, Reading> all) {
        this.all = all;
    }

    /**
     * Every figure of {@link Figures#names()}: those missing from {@code readings} are "not measured (not
     * run)"; a ratio that was not measured is computed from its measurement and floor when both were.
     */
    static Report of(Map<String, Reading> readings) {
        Map<String, Reading> all = new LinkedHashMap<>();
        for (String name : Figures.names()) {
            Reading r = readings.get(name);
            all.put(name, r != null ? r : Reading.notMeasured(name, "not run"));
        }
        for (Figures.Spec s : Figures.SPECS) {
            if (s.isRatio() && !all.get(s.name()).measured()) {
                Reading m = all.get(s.measured().name());
                Reading f = all.get(s.floor().name());
                if (m.measured() && f.measured() && m.value() > 0 && f.value() > 0) {
                    all.put(s.name(), Reading.of(s.name(), s.ratio(m.value(), f.value())));
                }
            }
        }
        return new Report(all);
    }

    Map<String, Reading> readings() {
        return Collections.unmodifiableMap(all);
    }

    Verdict verdict(Figures.Spec spec) {
        return spec.target().judge(all.get(spec.name()), spec.unit(), all);
    }

    /** One line per figure: {@code startup-ratio=1.42}, or {@code load-ratio=not measured (why)}. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        Figures.units().forEach((name, unit) -> {
            Reading r = all.get(name);
            lines.add(name + "=" + (r.measured() ? unit.format(r.value()) : NOT_MEASURED + " (" + r.why() + ")"));
        });
        return lines;
    }

    /** The table's rows: figure, value, floor, target, met?. */
    List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        for (Figures.Spec s : Figures.SPECS) {
            rows.add(List.of(s.name(), valueCell(s), floorCell(s), s.target().text(), verdict(s).text()));
        }
        return rows;
    }

    static final List<String> HEADER = List.of("figure", "value", "floor", "target", "met?");

    /** For the terminal: columns padded, separated by " | ". */
    String table() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        rows.addAll(rows());
        int[] width = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == 0 ? "" : " | ").append(pad(row.get(i), width[i]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
            if (r == 0) {
                StringBuilder rule = new StringBuilder();
                for (int i = 0; i < width.length; i++) {
                    rule.append(i == 0 ? "" : "-+-").append("-".repeat(width[i]));
                }
                out.append(rule).append('\n');
            }
        }
        return out.toString();
    }

    /** The table in Markdown. */
    String markdownTable() {
        StringBuilder out = new StringBuilder();
        out.append(mdRow(HEADER));
        out.append("|---|---|---|---|---|\n");
        for (List<String> row : rows()) {
            out.append(mdRow(row));
        }
        return out.toString();
    }

    /** What was not measured and why, one entry per figure. */
    List<String> notMeasured() {
        List<String> out = new ArrayList<>();
        all.forEach((name, r) -> {
            if (!r.measured()) {
                out.add(name + ": " + r.why());
            }
        });
        return out;
    }

    /**
     * {@code bench/RESULTS.md}.
     *
     * @param intro     the paragraph under the title (when, which commit, how long)
     * @param machine   label to value: date, CPU, cores, RAM, OS, the JDKs, the display
     * @param methods   figure name to the paragraph saying how it was measured
     * @param notes     anything else worth saying about this run
     */
    String markdown(String intro, Map<String, String> machine, Map<String, String> methods, List<String> notes) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark results\n\n");
        md.append(intro.strip()).append("\n\n");
        md.append("## Machine\n\n| | |\n|---|---|\n");
        machine.forEach((k, v) -> md.append(mdRow(List.of(k, v))));
        md.append("\n## Figures\n\n");
        md.append(markdownTable());
        md.append("\nVerdicts are taken on the values as printed. ")
                .append("A figure that could not be measured says so; it is never shown as a number.\n");
        md.append("\n```text\n");
        lines().forEach(l -> md.append(l).append('\n'));
        md.append("```\n");
        List<String> missing = notMeasured();
        if (!missing.isEmpty()) {
            md.append("\n## Not measured\n\n");
            missing.forEach(m -> md.append("- ").append(m).append('\n'));
        }
        md.append("\n## How each figure was measured\n\n");
        methods.forEach((name, text) -> md.append("**").append(name).append(".** ").append(text.strip())
                .append("\n\n"));
        if (!notes.isEmpty()) {
            md.append("## Notes on this run\n\n");
            notes.forEach(n -> md.append("- ").append(n.strip()).append('\n'));
        }
        return md.toString();
    }

    private String valueCell(Figures.Spec s) {
        Reading r = all.get(s.name());
        if (!r.measured()) {
            return NOT_MEASURED;
        }
        String v = s.unit().withUnit(r.value());
        if (s.measured() != null) {
            Reading m = all.get(s.measured().name());
            v += " (" + s.measured().label() + " " + (m.measured() ? s.measured().unit().withUnit(m.value())
                    : NOT_MEASURED) + ")";
        }
        return v;
    }

    private String floorCell(Figures.Spec s) {
        if (s.floor() == null) {
            return "\u2014";
        }
        Reading f = all.get(s.floor().name());
        return s.floor().label() + " " + (f.measured() ? s.floor().unit().withUnit(f.value()) : NOT_MEASURED);
    }

    private static String mdRow(List<String> cells) {
        StringBuilder row = new StringBuilder("|");
        for (String c : cells) {
            row.append(' ').append(c.replace("|", "\\|").replace("\n", " ")).append(" |");
        }
        return row.append('\n').toString();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
