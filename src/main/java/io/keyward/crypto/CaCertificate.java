package io.keyward.crypto;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A certificate an administrator is about to trust for one connection, with what they must see
 * before accepting it: subject, issuer, validity and SHA-256 fingerprint. Only public material: a PEM
 * holding a private key is refused.
 *
 * @param pem the certificate alone, re-encoded as PEM (what the profile keeps)
 */
public record CaCertificate(String subject, String issuer, Instant notBefore, Instant notAfter,
                            String sha256Fingerprint, boolean authority, boolean selfSigned, String pem) {

    /** A PEM text holding exactly one X.509 certificate (other text around it is ignored). */
    public static CaCertificate parse(String text) throws KeyFormatException {
        if (text == null || text.isBlank()) {
            throw new KeyFormatException(KeyFormatException.Reason.EMPTY, "The file is empty: a CA certificate in PEM form begins with "
                    + "-----BEGIN CERTIFICATE-----.");
        }
        if (text.contains("PRIVATE KEY-----")) {
            throw new KeyFormatException(KeyFormatException.Reason.PRIVATE_KEY, "This file holds a private key. A CA certificate is public: choose the "
                    + "certificate (-----BEGIN CERTIFICATE-----), and keep the private key where it is.");
        }
        if (!text.contains("-----BEGIN CERTIFICATE-----")) {
            throw new KeyFormatException(KeyFormatException.Reason.NO_PEM_BLOCK, "This is not a PEM certificate: it has no -----BEGIN CERTIFICATE----- line.");
        }
        Collection<? extends java.security.cert.Certificate> certs;
        try {
            certs = CertificateFactory.getInstance("X.509").generateCertificates(
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | RuntimeException e) {
            throw new KeyFormatException(KeyFormatException.Reason.CORRUPT, "The certificate could not be read: it is damaged or not X.509.");
        }
        if (certs.size() != 1) {
            throw new KeyFormatException(certs.isEmpty() ? KeyFormatException.Reason.NO_PEM_BLOCK : KeyFormatException.Reason.MULTIPLE_BLOCKS, certs.isEmpty() ? "The file holds no certificate."
                    : "The file holds " + certs.size() + " certificates: add them one at a time, so each is checked.");
        }
        return of((X509Certificate) certs.iterator().next());
    }

    public static CaCertificate of(X509Certificate c) throws KeyFormatException {
        try {
            byte[] der = c.getEncoded();
            return new CaCertificate(c.getSubjectX500Principal().getName(), c.getIssuerX500Principal().getName(),
                    c.getNotBefore().toInstant(), c.getNotAfter().toInstant(), fingerprint(der),
                    c.getBasicConstraints() >= 0, c.getSubjectX500Principal().equals(c.getIssuerX500Principal()), pem(der));
        } catch (CertificateEncodingException e) {
            throw new KeyFormatException(KeyFormatException.Reason.CORRUPT, "The certificate could not be encoded again.");
        }
    }

    /** "AB:CD:…", the form browsers and openssl show. */
    public static String fingerprint(byte[] der) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(der);
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The certificate as PEM, 64 characters a line. */
    public static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }

    /** Whether the certificate is valid at {@code now}; a sentence otherwise. */
    public String validityProblem(Instant now) {
        if (now.isBefore(notBefore)) {
            return "It is not valid yet (from " + notBefore + ").";
        }
        if (now.isAfter(notAfter)) {
            return "It expired on " + notAfter + ".";
        }
        return null;
    }

    /** The subject's common name, else its organizational unit or organization, else the whole subject. */
    public String shortName() {
        for (String attribute : new String[]{"CN=", "OU=", "O="}) {
            for (String part : subject.split(",")) {
                if (part.trim().toUpperCase(Locale.ROOT).startsWith(attribute)) {
                    return part.trim().substring(attribute.length());
                }
            }
        }
        return subject;
    }
}
