package io.keyward.crypto;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keys and encodings for the crypto tests, written without the production helpers so that a test
 * compares the code under test with an independent encoding rather than with itself.
 */
final class TestKeys {
    private static final Map<String, KeyPair> CACHE = new ConcurrentHashMap<>();

    /** A run this long of base64 characters in a message can only be key text. */
    private static final Pattern KEY_TEXT = Pattern.compile("[A-Za-z0-9+/]{16,}");

    private TestKeys() {
    }

    /** RSA pairs are slow to make (4096 bits: seconds), so each size is made once per test run. */
    static KeyPair rsa(int bits) {
        return pair("RSA", bits);
    }

    static KeyPair pair(String algorithm, int size) {
        return CACHE.computeIfAbsent(algorithm + "/" + size, k -> {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
                if (size > 0) {
                    generator.initialize(size);
                }
                return generator.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** PEM as many tools write it differently from us: 76-character lines and CRLF. */
    static String mimePem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\r\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\r\n-----END " + label + "-----\r\n";
    }

    /** PKCS#1 RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }, encoded by hand. */
    static byte[] pkcs1(RSAPublicKey key) {
        ByteArrayOutputStream fields = new ByteArrayOutputStream();
        fields.writeBytes(element(0x02, key.getModulus().toByteArray()));
        fields.writeBytes(element(0x02, key.getPublicExponent().toByteArray()));
        return element(0x30, fields.toByteArray());
    }

    private static byte[] element(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 128) {
            out.write(length);
        } else if (length < 256) {
            out.write(0x81);
            out.write(length);
        } else {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length & 0xff);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    /** The unsigned big-endian bytes of a positive number, found through its hex digits. */
    static byte[] unsigned(BigInteger value) {
        String hex = value.toString(16);
        if (hex.length() % 2 == 1) {
            hex = "0" + hex;
        }
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }

    /** One sentence a dialog can show: one line, no exception text, ending in a full stop. */
    static void assertPlainSentence(String message) {
        assertNotNull(message);
        assertFalse(message.contains("\n") || message.contains("\r"), message);
        assertFalse(message.contains("Exception") || message.contains("\tat "), message);
        assertTrue(Character.isUpperCase(message.charAt(0)) || message.startsWith("/"), message);
        assertTrue(message.endsWith("."), message);
    }

    /** The message repeats no key text: no long base64 run, and no line of the given PEM. */
    static void assertNoKeyText(String message, String pem) {
        assertFalse(KEY_TEXT.matcher(message).find(), () -> "key-like text in: " + message);
        pem.lines().map(String::strip).filter(l -> l.length() >= 8 && !l.startsWith("-----"))
                .forEach(line -> assertFalse(message.contains(line.substring(0, 8)),
                        () -> "pasted text in: " + message));
    }

    static void assertSameModulus(RSAPublicKey expected, RSAPublicKey actual) {
        assertEquals(expected.getModulus(), actual.getModulus());
        assertEquals(expected.getPublicExponent(), actual.getPublicExponent());
    }
}
