package io.keyward.bench;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TargetTest {

    private static final Target CALL = new Target.RatioOrSlack(1.1, 2, "call-client-ms", "call-curl-ms", "curl");

    @Test
    void atMostIsJudgedOnThePrintedValue() {
        Target t = new Target.AtMost(1.3);
        assertEquals(Verdict.Status.MET, judge(t, Unit.RATIO, 1.3).status());
        assertEquals(Verdict.Status.MET, judge(t, Unit.RATIO, 1.304).status(), "printed as 1.30");
        assertEquals(Verdict.Status.NOT_MET, judge(t, Unit.RATIO, 1.306).status(), "printed as 1.31");
        assertEquals(Verdict.Status.MET, judge(new Target.AtMost(16), Unit.MS, 15.96).status(), "printed as 16.0");
        assertEquals(Verdict.Status.NOT_MET, judge(new Target.AtMost(16), Unit.MS, 16.06).status(), "printed as 16.1");
        assertEquals(Verdict.Status.NOT_MET, judge(new Target.AtMost(300), Unit.MB, 300.6).status(), "printed as 301");
    }

    @Test
    void bulkMustBeAtLeastThreeTimesFaster() {
        Target t = new Target.AtLeast(3);
        assertEquals(Verdict.Status.MET, judge(t, Unit.RATIO, 3.0).status());
        assertEquals(Verdict.Status.MET, judge(t, Unit.RATIO, 7.5).status());
        assertEquals(Verdict.Status.NOT_MET, judge(t, Unit.RATIO, 2.99).status());
        assertEquals("\u2265 3", t.text());
    }

    @Test
    void notMeasuredIsNeitherMetNorMissed() {
        Reading none = Reading.notMeasured("x", "why");
        assertEquals(Verdict.NOT_MEASURED, new Target.AtMost(1.5).judge(none, Unit.RATIO, Map.of()));
        assertEquals(Verdict.NOT_MEASURED, new Target.AtLeast(3).judge(none, Unit.RATIO, Map.of()));
        assertEquals(Verdict.NOT_MEASURED, new Target.None().judge(none, Unit.MB, Map.of()));
        assertEquals(Verdict.NO_TARGET, new Target.None().judge(Reading.of("heap-mb", 80), Unit.MB, Map.of()));
    }

    @Test
    void callRatioMetByTheRatio() {
        Verdict v = call(1.05, 2.1, 2.0);
        assertEquals(Verdict.Status.MET, v.status());
        assertEquals("yes (ratio \u2264 1.1 and client \u2264 curl + 2 ms)", v.text());
    }

    @Test
    void callRatioMetByTheTwoMillisecondsAlone() {
        Verdict v = call(1.75, 3.5, 2.0);
        assertEquals(Verdict.Status.MET, v.status());
        assertEquals("yes (client \u2264 curl + 2 ms; ratio > 1.1)", v.text());
        assertEquals(Verdict.Status.MET, call(2.0, 4.0, 2.0).status(), "exactly 2 ms slower");
    }

    @Test
    void callRatioMetByTheRatioAloneWhenTheClientIsMoreThanTwoMillisecondsSlower() {
        Verdict v = call(1.08, 54.0, 50.0);
        assertEquals("yes (ratio \u2264 1.1; client > curl + 2 ms)", v.text());
    }

    @Test
    void callRatioMissedWhenNeitherHolds() {
        Verdict v = call(2.0, 10.0, 5.0);
        assertEquals(Verdict.Status.NOT_MET, v.status());
        assertEquals("no (ratio > 1.1 and client > curl + 2 ms)", v.text());
        assertEquals(Verdict.Status.NOT_MET, call(2.0, 4.01, 2.0).status(), "2.01 ms slower");
    }

    @Test
    void callRatioWithoutItsParts() {
        Map<String, Reading> all = new HashMap<>();
        all.put("call-client-ms", Reading.notMeasured("call-client-ms", "x"));
        all.put("call-curl-ms", Reading.notMeasured("call-curl-ms", "x"));
        assertEquals(Verdict.Status.NOT_MET, CALL.judge(Reading.of("call-ratio", 1.2), Unit.RATIO, all).status());
        assertEquals(Verdict.NOT_MEASURED, CALL.judge(Reading.notMeasured("call-ratio", "x"), Unit.RATIO, all));
        assertEquals("\u2264 1.1 or client \u2264 curl + 2 ms", CALL.text());
    }

    private static Verdict judge(Target t, Unit unit, double v) {
        return t.judge(Reading.of("f", v), unit, Map.of());
    }

    private static Verdict call(double ratio, double client, double curl) {
        Map<String, Reading> all = Map.of("call-client-ms", Reading.of("call-client-ms", client),
                "call-curl-ms", Reading.of("call-curl-ms", curl));
        return CALL.judge(Reading.of("call-ratio", ratio), Unit.RATIO, all);
    }
}
