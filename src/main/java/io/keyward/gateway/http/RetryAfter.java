package io.keyward.gateway.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** How long a server asked to wait: delay-seconds or an HTTP-date (RFC 9110), or an RFC 3339 instant. */
public final class RetryAfter {

    private RetryAfter() {
    }

    /** @return the wait from now, never negative; null when the value is absent or unreadable */
    public static Duration parse(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(v));
            } catch (NumberFormatException tooLong) {
                return null;
            }
        }
        Instant at = instant(v);
        return at == null ? null : until(at, clock);
    }

    /** The wait from now until {@code at}, whole seconds, never negative. */
    public static Duration until(Instant at, Clock clock) {
        Duration d = Duration.between(clock.instant(), at);
        return d.isNegative() ? Duration.ZERO : d.withNanos(0);
    }

    /** An RFC 3339 timestamp (a problem's {@code retryAfter}); null when unreadable. */
    public static Instant rfc3339(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant instant(String v) {
        Instant rfc3339 = rfc3339(v);
        if (rfc3339 != null) {
            return rfc3339;
        }
        try {
            return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
