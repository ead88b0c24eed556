package io.keyward.bench;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportTest {

    private static Map<String, Reading> readings(Object... nameValue) {
        Map<String, Reading> m = new HashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            String name = (String) nameValue[i];
            Object v = nameValue[i + 1];
            m.put(name, v instanceof String why ? Reading.notMeasured(name, why)
                    : Reading.of(name, ((Number) v).doubleValue()));
        }
        return m;
    }

    @Test
    void everyFigureGetsOneLineInAFixedOrderAndTheMissingOnesSayNotMeasured() {
        Report r = Report.of(readings("startup-bundle-ms", 1830.4, "startup-bare-ms", 1290, "startup-ratio", 1.4189));
        List<String> lines = r.lines();
        assertEquals(Figures.names().size(), lines.size());
        assertEquals("startup-bare-ms=1290", lines.get(0));
        assertEquals("startup-bundle-ms=1830", lines.get(1));
        assertEquals("startup-ratio=1.42", lines.get(2));
        assertTrue(lines.contains("load-ratio=not measured (not run)"), lines.toString());
        for (String line : lines) {
            assertTrue(line.matches("[a-z0-9-]+=(\\d+(\\.\\d+)?|not measured \\(.+\\))"), line);
        }
    }

    @Test
    void aFigureNotMeasuredIsNeverZeroAnywhere() {
        Report r = Report.of(readings("rss-mb", "LoadProbe printed no rss-mb= line"));
        assertFalse(r.readings().get("rss-mb").measured());
        assertTrue(r.lines().contains("rss-mb=not measured (LoadProbe printed no rss-mb= line)"));
        String rssRow = r.rows().stream().filter(row -> row.get(0).equals("rss-mb")).findFirst().orElseThrow()
                .toString();
        assertEquals("[rss-mb, not measured, \u2014, \u2264 300, not measured]", rssRow);
        String md = r.markdown("intro", Map.of(), Map.of(), List.of());
        assertTrue(md.contains("- rss-mb: LoadProbe printed no rss-mb= line"), md);
        assertFalse(md.contains("rss-mb=0"), md);
    }

    @Test
    void aRatioMissingFromTheProbeIsComputedFromItsParts() {
        Report r = Report.of(readings("load-ms", 600, "raw-ms", 400, "load-ratio", "LoadProbe printed load-ratio=x"));
        assertEquals(1.5, r.readings().get("load-ratio").value(), 1e-9);
    }

    @Test
    void bulkRatioIsHowManyTimesFasterThanOneAfterAnother() {
        Report r = Report.of(readings("bulk-seq-ms", 12_000, "bulk-ms", 3_000));
        assertEquals(4.0, r.readings().get("bulk-ratio").value(), 1e-9);
        List<String> row = r.rows().stream().filter(x -> x.get(0).equals("bulk-ratio")).findFirst().orElseThrow();
        assertEquals(List.of("bulk-ratio", "4.00 (bulk 3000 ms)", "one after another 12000 ms", "\u2265 3", "yes"), row);
    }

    @Test
    void aRatioIsNotInventedFromOnePart() {
        Report r = Report.of(readings("load-ms", 600));
        assertFalse(r.readings().get("load-ratio").measured());
        assertFalse(r.readings().get("raw-ms").measured());
    }

    @Test
    void theTableShowsValueFloorTargetAndVerdict() {
        Report r = Report.of(readings("call-client-ms", 5.463, "call-curl-ms", 5.069, "call-ratio", 1.078,
                "startup-bundle-ms", 2600, "startup-bare-ms", 1300));
        List<String> call = r.rows().stream().filter(x -> x.get(0).equals("call-ratio")).findFirst().orElseThrow();
        assertEquals(List.of("call-ratio", "1.08 (client 5.46 ms)", "curl 5.07 ms", "\u2264 1.1 or client \u2264 curl + 2 ms",
                "yes (ratio \u2264 1.1 and client \u2264 curl + 2 ms)"), call);
        List<String> startup = r.rows().get(0);
        assertEquals(List.of("startup-ratio", "2.00 (app-image 2600 ms)", "bare JavaFX window 1300 ms", "\u2264 1.3", "no"),
                startup);
        String table = r.table();
        assertTrue(table.startsWith("figure"), table);
        assertEquals(Figures.SPECS.size() + 2, table.lines().count(), table);
    }

    @Test
    void resultsMarkdownHasTheMachineTheTableTheLinesAndTheMethods() {
        Report r = Report.of(readings("heap-mb", 80, "rss-mb", 250));
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("CPU", "Some CPU | with a pipe");
        machine.put("Cores", "2");
        String md = r.markdown("Written on a day.", machine, Map.of("rss-mb, heap-mb", "Read after a full GC."),
                List.of("a note"));
        assertTrue(md.startsWith("# Benchmark results\n\nWritten on a day.\n"), md);
        assertTrue(md.contains("| CPU | Some CPU \\| with a pipe |"), md);
        assertTrue(md.contains("| figure | value | floor | target | met? |\n|---|---|---|---|---|\n"), md);
        assertTrue(md.contains("| rss-mb | 250 MB | \u2014 | \u2264 300 | yes |"), md);
        assertTrue(md.contains("| heap-mb | 80 MB | \u2014 | \u2014 | \u2014 |"), md);
        assertTrue(md.contains("```text\nstartup-bare-ms=not measured (not run)\n"), md);
        assertTrue(md.contains("**rss-mb, heap-mb.** Read after a full GC."), md);
        assertTrue(md.contains("## Notes on this run\n\n- a note\n"), md);
        // Every row of the table has the header's five cells.
        String figures = md.substring(md.indexOf("## Figures"), md.indexOf("```text"));
        assertEquals(Figures.SPECS.size() + 2, figures.lines().filter(l -> l.startsWith("|")).count(), figures);
        figures.lines().filter(l -> l.startsWith("|")).forEach(l -> assertEquals(7, l.replace("\\|", "").split("\\|", -1).length, l));
    }
}
