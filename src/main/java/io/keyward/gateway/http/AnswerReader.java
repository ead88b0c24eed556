package io.keyward.gateway.http;

import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;

import java.io.IOException;
import java.io.InputStream;
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
     * A successful body to be parsed as it arrives.
     *
     * @param body    its bytes after any byte order mark; past {@code limit} bytes it throws {@link TooLarge}
     * @param charset the byte order mark's charset, else the Content-Type's, else UTF-8
     */
    record Streaming(InputStream body, Charset charset, Prefix kept) {
        /** The first bytes read so far (up to the prefix size), as text: what a failure may quote. */
        String prefix() {
            return kept.text(charset);
        }
    }

    /** The first bytes of a streamed body, kept as they pass. */
    static final class Prefix {
        private final byte[] bytes;
        private int length;

        Prefix(int max) {
            bytes = new byte[max];
        }

        void keep(byte[] b, int off, int n) {
            int k = Math.min(n, bytes.length - length);
            if (k > 0) {
                System.arraycopy(b, off, bytes, length, k);
                length += k;
            }
        }

        String text(Charset charset) {
            return new String(bytes, 0, length, charset);
        }
    }

    /**
     * The body as a stream, refused unread when its {@code Content-Length} says more than {@code limit},
     * and failing with {@link TooLarge} once more than {@code limit} bytes have come; its first
     * {@code keep} bytes are kept for quoting.
     */
    static Streaming streaming(ResponseBody body, long limit, int keep) throws IOException {
        if (body == null) {
            return new Streaming(InputStream.nullInputStream(), StandardCharsets.UTF_8, new Prefix(0));
        }
        if (body.contentLength() > limit) {
            throw new TooLarge();
        }
        BufferedSource source = body.source();
        source.request(3);
        Charset charset = body.contentType() == null ? StandardCharsets.UTF_8
                : body.contentType().charset(StandardCharsets.UTF_8);
        long skip = 0;
        if (source.rangeEquals(0, UTF_8_BOM)) {
            charset = StandardCharsets.UTF_8;
            skip = UTF_8_BOM.size();
        } else if (source.rangeEquals(0, UTF_16_BE_BOM)) {
            charset = StandardCharsets.UTF_16BE;
            skip = UTF_16_BE_BOM.size();
        } else if (source.rangeEquals(0, UTF_16_LE_BOM)) {
            charset = StandardCharsets.UTF_16LE;
            skip = UTF_16_LE_BOM.size();
        }
        source.skip(skip);
        Prefix prefix = new Prefix(keep);
        InputStream in = source.inputStream();
        long[] read = {skip};
        InputStream limited = new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, len);
                if (n > 0) {
                    read[0] += n;
                    if (read[0] > limit) {
                        throw new TooLarge();
                    }
                    prefix.keep(b, off, n);
                }
                return n;
            }

            @Override
            public int available() throws IOException {
                return in.available();
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
        return new Streaming(limited, charset, prefix);
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
