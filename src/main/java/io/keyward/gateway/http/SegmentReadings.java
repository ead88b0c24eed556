package io.keyward.gateway.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * What a server, or a proxy in front of it, could make of a name sent as one path segment. OkHttp
 * sends the name percent-encoded, but what receives it may decode it again, and more than once (a
 * proxy, then the application), trim it, normalise its Unicode, treat '\' as '/' (IIS), drop a
 * {@code ;parameter} (Tomcat, Spring) or stop at a NUL (C code). If any of those readings is "",
 * "." or "..", or a path with such a step, the request could act on the collection or its parent
 * instead of the named item, so the name is refused.
 *
 * <p>Each round checks the name as it stands and in its canonical form (whitespace, control and
 * format characters trimmed, NFKC), then percent-decodes the canonical form (also IIS's
 * {@code %uXXXX}) for the next round, until decoding changes nothing. A handful of rounds is more
 * than any chain of servers decodes.
 */
final class SegmentReadings {

    /** How a name could be read; null from {@link #hazard} when it can only be read as itself. */
    enum Hazard {
        /** Empty, or only whitespace or control characters: the collection itself. */
        EMPTY,
        /** ".": the collection. */
        DOT,
        /** "..": the collection's parent. */
        DOT_DOT,
        /** A "." or ".." step after a '/' or '\', should a server decode them as separators. */
        STEP
    }

    private static final int MAX_ROUNDS = 8;
    private static final Pattern SEPARATORS = Pattern.compile("[/\\\\]");

    private SegmentReadings() {
    }

    static Hazard hazard(String name) {
        if (name == null || name.isEmpty()) {
            return Hazard.EMPTY;
        }
        String s = name;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Hazard h = of(s);
            String canonical = canonical(s);
            if (h == null) {
                h = of(canonical);
            }
            if (h != null) {
                return h;
            }
            String decoded = percentDecode(canonical);
            if (decoded.equals(s)) {
                return null;
            }
            s = decoded;
        }
        return null;
    }

    /** The hazard of one reading, looking through ";parameters", NULs and separators. */
    private static Hazard of(String form) {
        Hazard whole = asStep(trim(beforeParametersOrNul(form)));
        if (whole != null) {
            return whole;
        }
        if (!SEPARATORS.matcher(form).find()) {
            return null;
        }
        boolean allEmpty = true;
        for (String piece : SEPARATORS.split(form, -1)) {
            String step = trim(beforeParametersOrNul(piece));
            allEmpty &= step.isEmpty();
            if (step.equals(".") || step.equals("..")) {
                return Hazard.STEP;
            }
        }
        return allEmpty ? Hazard.EMPTY : null;
    }

    private static Hazard asStep(String s) {
        return switch (s) {
            case "" -> Hazard.EMPTY;
            case "." -> Hazard.DOT;
            case ".." -> Hazard.DOT_DOT;
            default -> null;
        };
    }

    /** Servlet containers drop a segment's ";parameters"; C code stops at a NUL. */
    private static String beforeParametersOrNul(String s) {
        int cut = s.length();
        int semi = s.indexOf(';');
        int nul = s.indexOf('\0');
        if (semi >= 0) {
            cut = semi;
        }
        if (nul >= 0 && nul < cut) {
            cut = nul;
        }
        return s.substring(0, cut);
    }

    /** Trimmed, NFKC-normalised (fullwidth "．", the one- and two-dot leaders "․" "‥"), trimmed again. */
    static String canonical(String s) {
        return trim(Normalizer.normalize(trim(s), Normalizer.Form.NFKC));
    }

    /** Without surrounding whitespace (Unicode's too), control characters and invisible format characters. */
    static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end) {
            int cp = s.codePointAt(start);
            if (!ignorable(cp)) {
                break;
            }
            start += Character.charCount(cp);
        }
        while (end > start) {
            int cp = s.codePointBefore(end);
            if (!ignorable(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return s.substring(start, end);
    }

    private static boolean ignorable(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)
                || Character.getType(cp) == Character.FORMAT;
    }

    /**
     * One round of percent-decoding as UTF-8 ({@code %2E} → ".", {@code %252e} → {@code %2e}), and
     * IIS's {@code %uXXXX}; anything else is kept as it is.
     */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        int i = 0;
        while (i < s.length()) {
            if (s.charAt(i) == '%') {
                int b = hex(s, i + 1, 2);
                if (b >= 0) {
                    bytes.write(b);
                    i += 3;
                    continue;
                }
                boolean iis = i + 1 < s.length() && (s.charAt(i + 1) == 'u' || s.charAt(i + 1) == 'U');
                int u = iis ? hex(s, i + 2, 4) : -1;
                if (u >= 0) {
                    bytes.writeBytes(String.valueOf((char) u).getBytes(StandardCharsets.UTF_8));
                    i += 6;
                    continue;
                }
            }
            int cp = s.codePointAt(i);
            bytes.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
            i += Character.charCount(cp);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The value of {@code digits} hex digits at {@code from}, or -1. */
    private static int hex(String s, int from, int digits) {
        if (from + digits > s.length()) {
            return -1;
        }
        int v = 0;
        for (int k = from; k < from + digits; k++) {
            int d = Character.digit(s.charAt(k), 16);
            if (d < 0 || s.charAt(k) > 'f') {
                return -1; // Character.digit also takes fullwidth digits; a URL's hex is ASCII
            }
            v = v * 16 + d;
        }
        return v;
    }

    /** The name for a one-line message: control and invisible characters shown as {@code \\uXXXX}. */
    static String printable(String name) {
        StringBuilder b = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
                    || Character.getType(cp) == Character.LINE_SEPARATOR
                    || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR) {
                b.append(String.format("\\u%04X", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }
}
