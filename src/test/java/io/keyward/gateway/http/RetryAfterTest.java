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
}
