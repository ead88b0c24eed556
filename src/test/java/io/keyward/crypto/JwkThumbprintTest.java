package io.keyward.crypto;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JwkThumbprintTest {

    /** RFC 7638 section 3.1: the example JWK's "n" (also RFC 7517 appendix A.1), copied from the RFC. */
    private static final String RFC_7638_N =
            "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECP"
            + "ebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY"
            + "368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0f"
            + "M4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
    private static final String RFC_7638_E = "AQAB";
    private static final String RFC_7638_THUMBPRINT = "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs";

    private static RSAPublicKey key(BigInteger n, BigInteger e) throws Exception {
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
    }

    private static BigInteger fromBase64Url(String value) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(value));
    }

    @Test
    void matchesTheRfc7638Example() throws Exception {
        RSAPublicKey key = key(fromBase64Url(RFC_7638_N), fromBase64Url(RFC_7638_E));

        assertEquals(2048, key.getModulus().bitLength());
        assertEquals(RFC_7638_THUMBPRINT, JwkThumbprint.of(key));
    }

    /** The JSON of RFC 7638 section 3.2, built here by hand from the numbers' hex digits. */
    private static String independentThumbprint(RSAPublicKey key) throws Exception {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String json = "{\"e\":\"" + url.encodeToString(TestKeys.unsigned(key.getPublicExponent()))
                + "\",\"kty\":\"RSA\",\"n\":\"" + url.encodeToString(TestKeys.unsigned(key.getModulus())) + "\"}";
        assertTrue(json.startsWith("{\"e\":\"AQAB\",\"kty\":\"RSA\",\"n\":\""), json);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
        return url.encodeToString(digest);
    }

    @Test
    void matchesAnIndependentComputationForGeneratedKeys() throws Exception {
        for (int bits : new int[] {2048, 3072}) {
            RSAPublicKey key = (RSAPublicKey) TestKeys.rsa(bits).getPublic();
            // An RSA modulus has its top bit set, so BigInteger adds a zero sign byte that must not be hashed.
            assertEquals(0, key.getModulus().toByteArray()[0]);

            assertEquals(independentThumbprint(key), JwkThumbprint.of(key));
        }
    }

    @Test
    void keepsTheFirstByteOfANumberThatHasNoSignByte() throws Exception {
        // 2^2046 + 1 has 2047 bits: toByteArray() starts with 0x40, which must be kept.
        RSAPublicKey key = key(BigInteger.ONE.shiftLeft(2046).add(BigInteger.ONE), BigInteger.valueOf(65537));
        assertEquals(0x40, key.getModulus().toByteArray()[0]);

        assertEquals(independentThumbprint(key), JwkThumbprint.of(key));
    }

    @Test
    void matchesPythonsThumbprintOfTheOpenSslKey() throws Exception {
        RsaPublicKeyInfo info = PublicKeyPem.parse(OpenSslFixture.SPKI_PEM);

        assertEquals(OpenSslFixture.THUMBPRINT, JwkThumbprint.of(info.key()));
    }

    @Test
    void differentKeysHaveDifferentThumbprints() {
        assertNotEquals(JwkThumbprint.of((RSAPublicKey) TestKeys.rsa(2048).getPublic()),
                JwkThumbprint.of((RSAPublicKey) TestKeys.rsa(3072).getPublic()));
    }

    @Test
    void publicKeyInfoRefusesValuesThatAreNotTheKeys() throws Exception {
        RsaPublicKeyInfo info = RsaPublicKeyInfo.of((RSAPublicKey) TestKeys.rsa(2048).getPublic());
        RsaPublicKeyInfo other = PublicKeyPem.parse(OpenSslFixture.SPKI_PEM);

        assertThrows(IllegalArgumentException.class,
                () -> new RsaPublicKeyInfo(info.key(), 2047, info.spkiPem(), info.thumbprint()));
        assertThrows(IllegalArgumentException.class,
                () -> new RsaPublicKeyInfo(info.key(), 2048, other.spkiPem(), info.thumbprint()));
        assertThrows(IllegalArgumentException.class,
                () -> new RsaPublicKeyInfo(info.key(), 2048, info.spkiPem(), other.thumbprint()));
        assertEquals(info, new RsaPublicKeyInfo(info.key(), 2048, info.spkiPem(), info.thumbprint()));
        assertEquals("RsaPublicKeyInfo[bits=2048, thumbprint=" + info.thumbprint() + "]", info.toString());
    }
}
