package io.keyward.gateway.http;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RetryAfterTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void secondsHttpDatesAndRfc3339AreUnderstood() {
        assertEquals(Duration.ofSeconds(120), RetryAfter.parse("120", CLOCK));
        assertEquals(Duration.ofSeconds(90), RetryAfter.parse(" Sun, 01 Mar 2026 12:01:30 GMT ", CLOCK));
        assertEquals(Duration.ofSeconds(45), RetryAfter.parse("2026-03-01T12:00:45.9Z", CLOCK));
        assertEquals(Duration.ofSeconds(3600), RetryAfter.parse("2026-03-01T14:00:00+01:00", CLOCK));
    }

    @Test
    void thePastIsNowAndGarbageIsUnknown() {
        assertEquals(Duration.ZERO, RetryAfter.parse("Sun, 01 Mar 2026 11:00:00 GMT", CLOCK));
        assertNull(RetryAfter.parse("soon", CLOCK));
        assertNull(RetryAfter.parse("-5", CLOCK));
        assertNull(RetryAfter.parse("99999999999999999999999", CLOCK));
        assertNull(RetryAfter.parse("", CLOCK));
        assertNull(RetryAfter.parse(null, CLOCK));
        assertNull(RetryAfter.rfc3339("2026-13-01T00:00:00Z"));
    }

    @Test
    void aWaitIsCappedAndHugeValuesAreTheCap() {
        Duration cap = Duration.ofSeconds(10);
        assertEquals(Duration.ofSeconds(2), RetryAfter.capped("2", CLOCK, cap));
        assertEquals(Duration.ofSeconds(2), RetryAfter.capped(" 002 ", CLOCK, cap));
        assertEquals(Duration.ZERO, RetryAfter.capped("0", CLOCK, cap));
        assertEquals(cap, RetryAfter.capped("11", CLOCK, cap));
        assertEquals(cap, RetryAfter.capped("9223372036854775807", CLOCK, cap));
        assertEquals(cap, RetryAfter.capped("99999999999999999999999", CLOCK, cap), "too big for a long: still a wait");
        assertEquals(Duration.ofSeconds(5), RetryAfter.capped("Sun, 01 Mar 2026 12:00:05 GMT", CLOCK, cap));
        assertEquals(cap, RetryAfter.capped("Mon, 02 Mar 2026 12:00:00 GMT", CLOCK, cap), "a day ahead");
        assertEquals(Duration.ZERO, RetryAfter.capped("Sun, 01 Mar 2026 11:00:00 GMT", CLOCK, cap), "the past is now");
        assertEquals(Duration.ofSeconds(3), RetryAfter.capped("2026-03-01T12:00:03Z", CLOCK, cap));
        for (String garbage : new String[] {"soon", "-5", "1.5", "5 s", "0x10", "Sun, 32 Mar 2026 12:00:00 GMT", "", " ", null}) {
            assertNull(RetryAfter.capped(garbage, CLOCK, cap), String.valueOf(garbage));
        }
    }

    @Test
    void secondsFromABodyAreCappedToo() {
        Duration cap = Duration.ofSeconds(10);
        assertEquals(Duration.ofSeconds(7), RetryAfter.seconds(7, cap));
        assertEquals(Duration.ofMillis(1500), RetryAfter.seconds(1.5, cap));
        assertEquals(cap, RetryAfter.seconds(60, cap));
        assertEquals(cap, RetryAfter.seconds(1e300, cap));
        assertEquals(Duration.ZERO, RetryAfter.seconds(-3, cap));
        assertEquals(Duration.ZERO, RetryAfter.seconds(Double.NaN, cap));
    }
}
