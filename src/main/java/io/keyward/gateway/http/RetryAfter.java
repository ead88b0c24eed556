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

    /**
     * How long to wait before trying again, as the server asked but no longer than {@code cap}: a
     * delay too large to be a number is the cap too; an HTTP-date in the past is no wait.
     *
     * @return null when the value is absent or unreadable (the caller's own backoff applies)
     */
    public static Duration capped(String value, Clock clock, Duration cap) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (!v.isEmpty() && v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            String digits = v.replaceFirst("^0+(?=.)", "");
            // 19 digits may already overflow a long; whatever it is, it is more than any cap.
            return digits.length() > 18 ? cap : min(Duration.ofSeconds(Long.parseLong(digits)), cap);
        }
        Instant at = instant(v);
        return at == null ? null : min(until(at, clock), cap);
    }

    /** A number of seconds from a JSON body (Apinizer's {@code retry_after}), no longer than {@code cap}. */
    public static Duration seconds(double seconds, Duration cap) {
        if (Double.isNaN(seconds) || seconds <= 0) {
            return Duration.ZERO;
        }
        return seconds >= cap.getSeconds() + 1 ? cap : min(Duration.ofMillis((long) Math.ceil(seconds * 1000)), cap);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
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
