package io.keyward.sandbox;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a publicKeyPem the way the server would, with the JDK only: one "BEGIN PUBLIC KEY" (SPKI)
 * block holding an RSA key of at least 2048 bits.
 *
 * <p>Deliberately shares no code with the console's own client-side checks: the sandbox imitates an
 * independent server, and a check both sides shared could not catch a mistake in either. No issue it
 * returns carries the PEM back, since a private key pasted by mistake must not travel a second time.
 */
final class RsaPublicKeyPem {
    static final int MIN_BITS = 2048;
    static final String FIELD = "publicKeyPem";
    static final String HEADLINE = "invalid public key";

    private static final String REMEDY = "provide a valid RSA public key in PEM format";
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END ([A-Z0-9 ]+)-----", Pattern.DOTALL);
    private static final Pattern PRIVATE = Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----");
    /** JDK key factories tried only to name what a non-RSA key is, so the message can say. */
    private static final List<String> OTHER_KEY_TYPES = List.of("EC", "Ed25519", "Ed448", "XDH", "DSA", "RSASSA-PSS");

    private RsaPublicKeyPem() {
    }

    /** @return what is wrong with the PEM, or empty if the server would store it */
    static Optional<ValidationIssue> check(String pem) {
        if (PRIVATE.matcher(pem).find()) {
            return issue("a private key was sent; only the public key may leave your system",
                    "send the public half only (openssl pkey -in key.pem -pubout), and replace this key pair "
                            + "if the private key has been shared");
        }
        String text = pem.strip();
        if (!text.contains("-----BEGIN ")) {
            return issue("not in PEM format: no '-----BEGIN PUBLIC KEY-----' line", REMEDY);
        }
        Matcher block = BLOCK.matcher(text);
        if (text.indexOf("-----BEGIN ") != text.lastIndexOf("-----BEGIN ") || !block.matches()) {
            return issue("expected exactly one PEM block and nothing around it", REMEDY);
        }
        String label = block.group(1);
        if (!label.equals(block.group(3))) {
            return issue("PEM block begins as '" + label + "' but ends as '" + block.group(3) + "'", REMEDY);
        }
        switch (label) {
            case "PUBLIC KEY" -> {
                // the one accepted form
            }
            case "RSA PUBLIC KEY" -> {
                return issue("PKCS#1 'RSA PUBLIC KEY' blocks are not accepted",
                        "convert it to SPKI: openssl rsa -RSAPublicKey_in -in key.pem -pubout");
            }
            case "CERTIFICATE" -> {
                return issue("a certificate was sent instead of a public key",
                        "extract its public key: openssl x509 -in cert.pem -pubkey -noout");
            }
            default -> {
                return issue("'" + label + "' is not a public key PEM block", REMEDY);
            }
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(block.group(2).replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            return issue("the PEM body is not valid base64", REMEDY);
        }
        RSAPublicKey key;
        try {
            key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | ClassCastException e) {
            return otherKeyType(der)
                    .map(type -> issue("the PEM holds a key of type " + type + "; only RSA keys are supported",
                            "create an RSA key pair of at least " + MIN_BITS + " bits and send its public key"))
                    .orElseGet(() -> issue("invalid RSA public key in PEM format", REMEDY));
        }
        int bits = key.getModulus().bitLength();
        if (bits < MIN_BITS) {
            return issue("the RSA key has " + bits + " bits; at least " + MIN_BITS + " are required",
                    "create an RSA key pair of at least " + MIN_BITS + " bits and send its public key");
        }
        return Optional.empty();
    }

    private static Optional<String> otherKeyType(byte[] der) {
        for (String type : OTHER_KEY_TYPES) {
            try {
                KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(der));
                return Optional.of(type.equals("XDH") ? "X25519/X448" : type);
            } catch (GeneralSecurityException | RuntimeException e) {
                // not this type either
            }
        }
        return Optional.empty();
    }

    private static Optional<ValidationIssue> issue(String detail, String remedy) {
        return Optional.of(ValidationIssue.of(FIELD, detail, remedy));
    }
}
