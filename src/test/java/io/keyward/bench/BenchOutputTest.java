package io.keyward.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchOutputTest {

    private static final String NOISY = """
            WARNING: A terminally deprecated method in java.lang.System has been called
            load-probe: other project: payments
            Picked up JAVA_TOOL_OPTIONS=-Dfoo=bar
            raw-ms=412
              load-ms=598\t
            load-ratio=1.45
            Exception in thread "x" java.lang.IllegalStateException: filter-p95-ms=3
            \tat io.keyward.Foo.bar(Foo.java:1)
            rss-mb=281\r
            heap-mb=12MB
            max-stall-ms=
            filter-p95-ms=-4
            """;

    @Test
    void findsTheNameValueLinesAmidNoise() {
        BenchOutput out = BenchOutput.parse(NOISY, "LoadProbe");
        assertEquals(412.0, out.reading("raw-ms").value());
        assertEquals(598.0, out.reading("load-ms").value(), "surrounding white space is allowed");
        assertEquals(1.45, out.reading("load-ratio").value());
        assertEquals(281.0, out.reading("rss-mb").value(), "a CRLF line ending is fine");
    }

    @Test
    void aLineThatOnlyContainsNameEqualsValueDoesNotCount() {
        BenchOutput out = BenchOutput.parse("Picked up JAVA_TOOL_OPTIONS=-Dx=1\nsee filter-p95-ms=3 below\n", "P");
        assertNull(out.raw("filter-p95-ms"));
        assertNull(out.raw("JAVA_TOOL_OPTIONS"));
    }

    @Test
    void aMissingFigureIsNotMeasuredAndSaysItWasMissing() {
        Reading r = BenchOutput.parse(NOISY, "LoadProbe").reading("bulk-ratio");
        assertFalse(r.measured());
        assertNull(r.value(), "never zero");
        assertEquals("LoadProbe printed no bulk-ratio= line", r.why());
    }

    @Test
    void aGarbledValueIsNotMeasuredAndQuotesWhatWasPrinted() {
        BenchOutput out = BenchOutput.parse(NOISY, "LoadProbe");
        Reading unit = out.reading("heap-mb");
        assertFalse(unit.measured());
        assertTrue(unit.why().contains("\u201C12MB\u201D, not a number"), unit.why());
        assertFalse(out.reading("max-stall-ms").measured(), "empty");
        assertFalse(out.reading("filter-p95-ms").measured(), "negative");
    }

    @Test
    void onlyPlainNonNegativeDecimalsAreNumbers() {
        for (String bad : new String[] {"", " ", "NaN", "Infinity", "-1", "+1", "1e3", "1,5", "0x10", "1.", ".5",
                "12 ms", "one"}) {
            assertNull(BenchOutput.number(bad), bad);
        }
        assertEquals(0.0, BenchOutput.number("0"));
        assertEquals(1.5, BenchOutput.number("1.5"));
        assertEquals(1830.0, BenchOutput.number(" 1830 "));
    }

    @Test
    void theLastLineOfANameWins() {
        BenchOutput out = BenchOutput.parse("bulk-ms=garbage\nbulk-ms=120\n", "BulkProbe");
        assertEquals(120.0, out.reading("bulk-ms").value());
        out = BenchOutput.parse("bulk-ms=120\nbulk-ms=garbage\n", "BulkProbe");
        assertFalse(out.reading("bulk-ms").measured(), "a later garbled line is not papered over by an earlier one");
    }

    @Test
    void nothingPrintedMeansNothingMeasured() {
        assertFalse(BenchOutput.parse(null, "P").reading("raw-ms").measured());
        assertFalse(BenchOutput.parse("", "P").reading("raw-ms").measured());
    }
}
