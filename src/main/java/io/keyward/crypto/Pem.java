package io.keyward.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/** Writes PEM (RFC 7468 "strict" form: 64-character lines, LF line ends, final newline). */
final class Pem {
    private static final byte[] LF = {'\n'};

    private Pem() {
    }

    /** For public material only: the result is an immutable String that can never be wiped. */
    static String encodeToString(String label, byte[] der) {
        byte[] pem = encode(label, der);
        return new String(pem, StandardCharsets.US_ASCII);
    }

    /**
     * PEM as bytes, so that private material is never held in a String; the caller wipes the
     * result once written. The intermediate base64 buffer is wiped here.
     */
    static byte[] encode(String label, byte[] der) {
        byte[] head = ("-----BEGIN " + label + "-----\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\n-----END " + label + "-----\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = Base64.getMimeEncoder(64, LF).encode(der);
        try {
            byte[] pem = new byte[head.length + body.length + tail.length];
            System.arraycopy(head, 0, pem, 0, head.length);
            System.arraycopy(body, 0, pem, head.length, body.length);
            System.arraycopy(tail, 0, pem, head.length + body.length, tail.length);
            return pem;
        } finally {
            Arrays.fill(body, (byte) 0);
        }
    }
}
