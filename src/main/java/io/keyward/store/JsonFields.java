package io.keyward.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keyward.store.VersionedJsonFile.Unreadable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * Strict readers for one object's fields. Absent and null mean "not given"; a value of the wrong kind makes
 * the file unreadable, with a reason naming the field and where it is ({@code where}: "profile 2").
 * Fields nobody asks for are ignored, so a later Keyward may add some.
 */
final class JsonFields {

    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

    private JsonFields() {
    }

    static boolean given(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    static String text(JsonNode node, String field, String where) throws Unreadable {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw wrongKind(field, where, "text");
        }
        return v.textValue();
    }

    static String requiredText(JsonNode node, String field, String where) throws Unreadable {
        String v = text(node, field, where);
        if (v == null) {
            throw new Unreadable(where + " has no \"" + field + "\"");
        }
        return v;
    }

    static boolean bool(JsonNode node, String field, String where, boolean absent) throws Unreadable {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (!v.isBoolean()) {
            throw wrongKind(field, where, "true or false");
        }
        return v.booleanValue();
    }

    static double finite(JsonNode node, String field, String where) throws Unreadable {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new Unreadable(where + " has no \"" + field + "\"");
        }
        if (!isFinite(v)) {
            throw wrongKind(field, where, "a number");
        }
        return v.doubleValue();
    }

    /** A number a double holds (JSON has no NaN, but 1e999 overflows to infinity). */
    static boolean isFinite(JsonNode v) {
        return v.isNumber() && Double.isFinite(v.doubleValue());
    }

    /** 0 when absent: the callers' records read a non-positive value as "the default". */
    static int integer(JsonNode node, String field, String where) throws Unreadable {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return 0;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw wrongKind(field, where, "a whole number");
        }
        return v.intValue();
    }

    static <E extends Enum<E>> E constant(JsonNode node, String field, String where, Class<E> type) throws Unreadable {
        String name = requiredText(node, field, where);
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new Unreadable(where + " has " + field + " \"" + name + "\", which this Keyward does not know");
        }
    }

    /** Seconds, fractions allowed; null when absent. */
    static Duration seconds(JsonNode node, String field, String where) throws Unreadable {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw wrongKind(field, where, "a number of seconds");
        }
        try {
            BigDecimal seconds = v.decimalValue();
            BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
            long nanos = seconds.subtract(whole).multiply(NANOS_PER_SECOND).setScale(0, RoundingMode.HALF_UP)
                    .longValueExact();
            return Duration.ofSeconds(whole.longValueExact(), nanos);
        } catch (ArithmeticException e) {
            throw new Unreadable(where + " has a \"" + field + "\" out of range");
        }
    }

    /** Whole seconds as an integer, anything finer as a decimal, so nothing is rounded away. */
    static void putSeconds(ObjectNode node, String field, Duration duration) {
        if (duration.getNano() == 0) {
            node.put(field, duration.getSeconds());
        } else {
            node.put(field, BigDecimal.valueOf(duration.getSeconds())
                    .add(BigDecimal.valueOf(duration.getNano(), 9)).stripTrailingZeros());
        }
    }

    private static Unreadable wrongKind(String field, String where, String expected) {
        return new Unreadable(where + " has a \"" + field + "\" that is not " + expected);
    }
}
