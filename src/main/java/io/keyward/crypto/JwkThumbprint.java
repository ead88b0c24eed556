package io.keyward.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * RFC 7638 JWK thumbprints (SHA-256) of RSA public keys: the short, stable name of a key that
 * gateways and JWT libraries also compute, so an admin can match a key here with a {@code kid} there.
 */
public final class JwkThumbprint {
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private JwkThumbprint() {
    }

    /** base64url (no padding) of SHA-256 over {@code {"e":"…","kty":"RSA","n":"…"}}. */
    public static String of(RSAPublicKey key) {
        // Members in lexicographic order and no whitespace, as RFC 7638 section 3.2 requires; the
        // values are base64url, so no JSON escaping is ever needed.
        String json = "{\"e\":\"" + base64UrlUnsigned(key.getPublicExponent())
                + "\",\"kty\":\"RSA\",\"n\":\"" + base64UrlUnsigned(key.getModulus()) + "\"}";
        return BASE64URL.encodeToString(sha256(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** RFC 7518 section 6.3.1: the unsigned big-endian bytes, without the sign byte BigInteger adds. */
    static String base64UrlUnsigned(BigInteger value) {
        if (value.signum() <= 0) {
            throw new IllegalArgumentException("An RSA parameter must be positive.");
        }
        byte[] bytes = value.toByteArray();
        int start = bytes[0] == 0 ? 1 : 0;
        return BASE64URL.encodeToString(Arrays.copyOfRange(bytes, start, bytes.length));
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256.", e);
        }
    }
}
