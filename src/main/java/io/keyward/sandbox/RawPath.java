package io.keyward.sandbox;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A request path split into decoded segments. Splitting happens on the raw path before decoding, so
 * {@code %2F} stays inside one name; decoding is plain RFC 3986 percent-decoding, so '+' stays a plus
 * (URLDecoder would turn it into a space, which is form encoding, not path encoding).
 *
 * @param segments      decoded segments, without the empty one before the leading slash
 * @param trailingSlash whether the raw path ended with '/'
 */
record RawPath(List<String> segments, boolean trailingSlash) {
    RawPath {
        segments = List.copyOf(segments);
    }

    /** @throws IllegalArgumentException if the path does not start with '/' or has a broken escape */
    static RawPath parse(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            throw new IllegalArgumentException("Path must start with '/'");
        }
        String[] parts = rawPath.substring(1).split("/", -1);
        boolean trailing = parts[parts.length - 1].isEmpty();
        int count = trailing ? parts.length - 1 : parts.length;
        List<String> decoded = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            decoded.add(decodeSegment(parts[i]));
        }
        return new RawPath(decoded, trailing);
    }

    static String decodeSegment(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new IllegalArgumentException("Incomplete percent-escape in path segment: " + raw);
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("Invalid percent-escape in path segment: " + raw);
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] literal = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(literal, 0, literal.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("Path segment is not valid UTF-8 once decoded: " + raw, e);
        }
    }

    String first() {
        return segments.isEmpty() ? "" : segments.get(0);
    }
}
