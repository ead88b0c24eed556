package io.keyward.crypto;

import io.keyward.crypto.KeyFormatException.Reason;

import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an RSA public key that an admin pasted or loaded, in X.509 ({@code BEGIN PUBLIC KEY}) or
 * PKCS#1 ({@code BEGIN RSA PUBLIC KEY}) PEM, and refuses anything else with one plain sentence.
 *
 * <p>Certificates are refused rather than having their key extracted: a gateway given only the key
 * ignores the certificate's validity dates, issuer and revocation, and extracting it silently would
 * let an admin believe the gateway checks the certificate. The message says how to get the key.
 */
public final class PublicKeyPem {
    /** JWT keys below this size are refused (NIST SP 800-131A; RFC 7518 section 3.3 for RS256). */
    public static final int MIN_RSA_BITS = 2048;

    private static final String RSA_ENCRYPTION = "1.2.840.113549.1.1.1";

    // The label is limited in length and characters so a message that names it stays short and can
    // never carry pasted key text.
    private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([A-Za-z0-9][A-Za-z0-9 ]{0,40})-----");
    private static final Pattern END = Pattern.compile("-----END ([A-Za-z0-9][A-Za-z0-9 ]{0,40})-----");

    /** Algorithms a non-RSA SubjectPublicKeyInfo may name, for a refusal that says what was found. */
    private static final Map<String, String> ALGORITHMS = Map.ofEntries(
            Map.entry("1.2.840.113549.1.1.10", "RSASSA-PSS (an RSA key restricted to PSS signatures)"),
            Map.entry("1.2.840.10045.2.1", "EC"),
            Map.entry("1.3.101.110", "X25519"),
            Map.entry("1.3.101.111", "X448"),
            Map.entry("1.3.101.112", "Ed25519 (EdDSA)"),
            Map.entry("1.3.101.113", "Ed448 (EdDSA)"),
            Map.entry("1.2.840.10040.4.1", "DSA"),
            Map.entry("1.2.840.113549.1.3.1", "Diffie-Hellman"),
            Map.entry("1.2.840.10046.2.1", "Diffie-Hellman"));

    private static final Map<String, String> CURVES = Map.of(
            "1.2.840.10045.3.1.7", "P-256",
            "1.3.132.0.34", "P-384",
            "1.3.132.0.35", "P-521",
            "1.3.132.0.10", "secp256k1");

    private PublicKeyPem() {
    }

    /**
     * The RSA public key in {@code text}, which may carry surrounding text, CRLF line ends, blank
     * lines and spaces or tabs inside the base64.
     *
     * @throws KeyFormatException with a one-sentence message for a dialog when the text is not
     *         exactly one RSA public key of at least {@value #MIN_RSA_BITS} bits
     */
    public static RsaPublicKeyInfo parse(String text) throws KeyFormatException {
        if (text == null || text.isBlank()) {
            throw refuse(Reason.EMPTY, "No key was given: paste or load an RSA public key in PEM format.");
        }
        List<Marker> begins = markers(BEGIN, text, 0);
        // A private key anywhere in the text wins over every other complaint: it is the one mistake
        // the admin must hear about, even when it is pasted next to a public key or cut short.
        if (begins.stream().anyMatch(b -> b.label().contains("PRIVATE KEY")) || text.contains("PuTTY-User-Key-File-")) {
            throw refuse(Reason.PRIVATE_KEY, "This is a private key, which must never be pasted here or sent to a "
                    + "server: keep it secret and paste its public key (-----BEGIN PUBLIC KEY-----) instead.");
        }
        if (begins.isEmpty()) {
            String stripped = text.strip();
            if (stripped.startsWith("ssh-") || stripped.startsWith("ecdsa-sha2-")) {
                throw refuse(Reason.NO_PEM_BLOCK, "This looks like an OpenSSH public key, which is not PEM: "
                        + "convert it with \"ssh-keygen -e -m PKCS8 -f <file>\" and paste the result.");
            }
            throw refuse(Reason.NO_PEM_BLOCK, "No PEM key was found: paste the whole public key, including its "
                    + "-----BEGIN PUBLIC KEY----- and -----END PUBLIC KEY----- lines.");
        }
        if (begins.size() > 1) {
            throw refuse(Reason.MULTIPLE_BLOCKS, "The text holds " + begins.size()
                    + " PEM blocks: paste exactly one public key.");
        }
        Marker begin = begins.get(0);
        String label = begin.label();
        List<Marker> ends = markers(END, text, begin.end());
        if (ends.isEmpty()) {
            throw refuse(Reason.INCOMPLETE_PEM, "The -----BEGIN " + label + "----- line has no matching "
                    + "-----END " + label + "----- line: paste the whole key.");
        }
        Marker end = ends.get(0);
        if (!end.label().equals(label)) {
            throw refuse(Reason.INCOMPLETE_PEM, "The -----BEGIN " + label + "----- line is closed by -----END "
                    + end.label() + "-----: paste the whole key as it was exported.");
        }
        if (label.contains("CERTIFICATE") && !label.contains("REQUEST")) {
            throw refuse(Reason.CERTIFICATE, "This is a certificate, not a public key: paste the certificate's "
                    + "public key instead (\"openssl x509 -in cert.pem -pubkey -noout\" prints it).");
        }
        boolean pkcs1 = label.equals("RSA PUBLIC KEY");
        if (!pkcs1 && !label.equals("PUBLIC KEY")) {
            throw refuse(Reason.UNSUPPORTED_BLOCK, "This is a \"" + label + "\" PEM block, not a public key: paste "
                    + "a -----BEGIN PUBLIC KEY----- or -----BEGIN RSA PUBLIC KEY----- block.");
        }
        byte[] der = decodeBase64(text.substring(begin.end(), end.start()));
        if (pkcs1) {
            requirePkcs1(der);
            der = Der.rsaSpkiFromPkcs1(der);
        }
        return rsaKey(der);
    }

    /** A BEGIN or END line: its label (upper-cased, for comparison) and where it sits in the text. */
    private record Marker(String label, int start, int end) {
    }

    private static List<Marker> markers(Pattern pattern, String text, int from) {
        List<Marker> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        matcher.region(from, text.length());
        while (matcher.find()) {
            found.add(new Marker(matcher.group(1).strip().toUpperCase(Locale.ROOT), matcher.start(), matcher.end()));
        }
        return found;
    }

    private static byte[] decodeBase64(String body) throws KeyFormatException {
        StringBuilder base64 = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            // Also drops the no-break spaces that copying from web pages and chat tools inserts.
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                base64.append(c);
            }
        }
        if (base64.length() == 0) {
            throw refuse(Reason.CORRUPT, "The key could not be read: there is nothing between its BEGIN and END lines.");
        }
        try {
            return Base64.getDecoder().decode(base64.toString());
        } catch (IllegalArgumentException e) {
            throw refuse(Reason.CORRUPT, "The key could not be read: the text between its BEGIN and END lines "
                    + "is not valid base64.");
        }
    }

    /** PKCS#1 RSAPublicKey: {@code SEQUENCE { INTEGER modulus, INTEGER publicExponent }}, nothing after. */
    private static void requirePkcs1(byte[] der) throws KeyFormatException {
        try {
            Der.Reader top = new Der.Reader(der);
            Der.Reader fields = top.next(Der.SEQUENCE).contents();
            fields.next(Der.INTEGER);
            fields.next(Der.INTEGER);
            if (!fields.hasMore() && !top.hasMore()) {
                return;
            }
        } catch (Der.MalformedException e) {
            // fall through to the refusal
        }
        throw refuse(Reason.CORRUPT, "The key could not be read: its RSA PUBLIC KEY block does not hold "
                + "a valid PKCS#1 RSA public key.");
    }

    private static RsaPublicKeyInfo rsaKey(byte[] spki) throws KeyFormatException {
        String algorithm;
        String parameter = null;
        try {
            // SubjectPublicKeyInfo ::= SEQUENCE { SEQUENCE { algorithm OID, parameters ANY }, BIT STRING }
            Der.Reader top = new Der.Reader(spki);
            Der.Reader info = top.next(Der.SEQUENCE).contents();
            Der.Reader algorithmId = info.next(Der.SEQUENCE).contents();
            algorithm = Der.oid(algorithmId.next());
            if (algorithmId.hasMore()) {
                Der.Element parameters = algorithmId.next();
                if (parameters.tag() == Der.OID) {
                    parameter = Der.oid(parameters);
                }
            }
            info.next(Der.BIT_STRING);
            if (info.hasMore() || top.hasMore()) {
                throw new Der.MalformedException("trailing data");
            }
        } catch (Der.MalformedException e) {
            throw unreadable();
        }
        if (!algorithm.equals(RSA_ENCRYPTION)) {
            String name = ALGORITHMS.get(algorithm);
            if (name == null) {
                name = "an unrecognised algorithm (OID " + algorithm + ")";
            } else if (name.equals("EC") && parameter != null) {
                name = "EC (curve " + CURVES.getOrDefault(parameter, parameter) + ")";
            }
            throw refuse(Reason.NOT_RSA, "This public key uses " + name
                    + ", but only RSA keys can be used here: paste an RSA public key.");
        }
        RSAPublicKey key;
        try {
            PublicKey parsed = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(spki));
            key = (RSAPublicKey) parsed;
        } catch (InvalidKeySpecException | ClassCastException e) {
            throw unreadable();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides RSA.", e);
        }
        int bits = key.getModulus().bitLength();
        if (bits < MIN_RSA_BITS) {
            throw refuse(Reason.TOO_SMALL, "This RSA key is " + bits + " bits, below the minimum of "
                    + MIN_RSA_BITS + " bits: use a key of at least " + MIN_RSA_BITS + " bits.");
        }
        return RsaPublicKeyInfo.of(key);
    }

    private static KeyFormatException unreadable() {
        return refuse(Reason.CORRUPT, "The key could not be read: its content is damaged or is not "
                + "a public key structure.");
    }

    private static KeyFormatException refuse(Reason reason, String sentence) {
        return new KeyFormatException(reason, sentence);
    }
}
