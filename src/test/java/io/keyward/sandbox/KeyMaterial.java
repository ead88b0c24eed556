package io.keyward.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Proves key material is real: decodes it with java.security and signs with one half, verifies with the other. */
final class KeyMaterial {
    private static final byte[] MESSAGE = "keyward sandbox".getBytes(StandardCharsets.UTF_8);

    private KeyMaterial() {
    }

    static String jcaAlgorithm(String keyType) {
        return switch (keyType) {
            case "RSA" -> "RSA";
            case "EC" -> "EC";
            case "OKP" -> "Ed25519";
            default -> throw new IllegalArgumentException(keyType);
        };
    }

    static String signatureAlgorithm(String keyType) {
        return switch (keyType) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "OKP" -> "Ed25519";
            default -> throw new IllegalArgumentException(keyType);
        };
    }

    static PublicKey publicKey(String keyType, String base64) throws GeneralSecurityException {
        return KeyFactory.getInstance(jcaAlgorithm(keyType))
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    static PrivateKey privateKey(String keyType, String base64) throws GeneralSecurityException {
        return KeyFactory.getInstance(jcaAlgorithm(keyType))
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    static void assertPair(String keyType, PrivateKey privateKey, PublicKey publicKey) throws GeneralSecurityException {
        Signature signer = Signature.getInstance(signatureAlgorithm(keyType));
        signer.initSign(privateKey);
        signer.update(MESSAGE);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(signatureAlgorithm(keyType));
        verifier.initVerify(publicKey);
        verifier.update(MESSAGE);
        assertTrue(verifier.verify(signature), keyType + " private and public halves do not belong together");
    }

    /**
     * Checks a JWK against the key it was made from: the public members equal the key's, and where the
     * JWK has private members they sign something the key's public half verifies.
     */
    static void assertJwkMatchesKey(JsonNode jwk, String keyType, PublicKey keyPublic) throws GeneralSecurityException {
        switch (keyType) {
            case "RSA" -> {
                JsonNode rsa = jwk.get("rsa");
                RSAPublicKey rsaPublic = (RSAPublicKey) keyPublic;
                assertEquals(rsaPublic.getModulus(), integer(rsa, "n"));
                assertEquals(rsaPublic.getPublicExponent(), integer(rsa, "e"));
                if (rsa.has("d")) {
                    PrivateKey fromJwk = KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateCrtKeySpec(
                            integer(rsa, "n"), integer(rsa, "e"), integer(rsa, "d"), integer(rsa, "p"),
                            integer(rsa, "q"), integer(rsa, "dp"), integer(rsa, "dq"), integer(rsa, "qi")));
                    assertPair(keyType, fromJwk, keyPublic);
                }
            }
            case "EC" -> {
                JsonNode ec = jwk.get("ec");
                ECPublicKey ecPublic = (ECPublicKey) keyPublic;
                assertEquals("P-256", ec.get("crv").asText());
                assertEquals(32, bytes(ec, "x").length);
                assertEquals(ecPublic.getW().getAffineX(), integer(ec, "x"));
                assertEquals(ecPublic.getW().getAffineY(), integer(ec, "y"));
                if (ec.has("d")) {
                    PrivateKey fromJwk = KeyFactory.getInstance("EC")
                            .generatePrivate(new ECPrivateKeySpec(integer(ec, "d"), ecPublic.getParams()));
                    assertPair(keyType, fromJwk, keyPublic);
                }
            }
            case "OKP" -> {
                JsonNode okp = jwk.get("okp");
                assertEquals("Ed25519", okp.get("crv").asText());
                byte[] encoded = keyPublic.getEncoded();
                assertArrayEquals(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length), bytes(okp, "x"));
                if (okp.has("d")) {
                    PrivateKey fromJwk = KeyFactory.getInstance("Ed25519")
                            .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, bytes(okp, "d")));
                    assertPair(keyType, fromJwk, keyPublic);
                }
            }
            default -> throw new IllegalArgumentException(keyType);
        }
    }

    static byte[] bytes(JsonNode members, String name) {
        String value = members.get(name).asText();
        assertTrue(value.matches("[A-Za-z0-9_-]+"), name + " must be base64url without padding: " + value);
        return Base64.getUrlDecoder().decode(value);
    }

    static BigInteger integer(JsonNode members, String name) {
        return new BigInteger(1, bytes(members, name));
    }
}
