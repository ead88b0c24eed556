package io.keyward.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Ampersand's timestamps: RFC 3339 in UTC with at most microseconds, as its examples show. */
final class Rfc3339 {
    private Rfc3339() {
    }

    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Instant.toString is ISO 8601 in UTC with 'Z' and no zero-only fraction, which RFC 3339 accepts. */
    static String format(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).toString();
    }
}
