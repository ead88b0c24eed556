package io.keyward.gateway.http;

import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Reads an answer's body as text without ever holding more than a limit of it: a server or a proxy
 * in front of it may send gigabytes, by mistake or not.
 */
final class AnswerReader {

    private static final ByteString UTF_8_BOM = ByteString.decodeHex("efbbbf");
    private static final ByteString UTF_16_BE_BOM = ByteString.decodeHex("feff");
    private static final ByteString UTF_16_LE_BOM = ByteString.decodeHex("fffe");

    private AnswerReader() {
    }

    /** The body is longer than the limit; nothing of it is kept. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("the answer is larger than the limit", null);
        }
    }

    /**
     * The whole body, when it is at most {@code limit} bytes: refused unread when its
     * {@code Content-Length} says more, and otherwise read no further than one byte past the limit.
     *
     * @throws TooLarge    when it is longer than {@code limit}
     * @throws IOException when it broke off (a timeout, a closed connection)
     */
    static String whole(ResponseBody body, long limit) throws IOException {
        if (body == null) {
            return "";
        }
        if (body.contentLength() > limit) {
            throw new TooLarge();
        }
        BufferedSource source = body.source();
        // request() buffers until it has that many bytes (true) or the body ends (false).
        if (source.request(limit == Long.MAX_VALUE ? limit : limit + 1)) {
            throw new TooLarge();
        }
        return decode(source.getBuffer(), source.getBuffer().size(), body.contentType());
    }

    /**
     * At most the first {@code max} bytes of an unsuccessful answer's body. What arrived before it
     * broke off is kept: the status is the answer, the body only explains it.
     */
    static String prefix(ResponseBody body, long max) {
        if (body == null) {
            return "";
        }
        BufferedSource source = body.source();
        try {
            source.request(max);
        } catch (IOException brokeOff) {
            // Keep what is buffered.
        }
        Buffer buffer = source.getBuffer();
        try {
            return decode(buffer, Math.min(buffer.size(), max), body.contentType());
        } catch (IOException cannotHappenOnABuffer) {
            return "";
        }
    }

    /** The charset of the Content-Type, a byte order mark overriding it (as OkHttp's {@code string()} does). */
    private static String decode(Buffer buffer, long length, MediaType type) throws IOException {
        Charset charset = type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
        long skip = 0;
        if (buffer.rangeEquals(0, UTF_8_BOM)) {
            charset = StandardCharsets.UTF_8;
            skip = UTF_8_BOM.size();
        } else if (buffer.rangeEquals(0, UTF_16_BE_BOM)) {
            charset = StandardCharsets.UTF_16BE;
            skip = UTF_16_BE_BOM.size();
        } else if (buffer.rangeEquals(0, UTF_16_LE_BOM)) {
            charset = StandardCharsets.UTF_16LE;
            skip = UTF_16_LE_BOM.size();
        }
        long n = Math.min(length, buffer.size());
        if (skip > n) {
            return "";
        }
        buffer.skip(skip);
        return buffer.readString(n - skip, charset);
    }
}
