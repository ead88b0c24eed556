package io.keyward.gateway;

import javax.security.auth.x500.X500Principal;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a user needs to judge a certificate a server showed: whom it is for, who issued it, when it is
 * valid, and its fingerprint to compare with what the server's administrators say.
 *
 * @param subject           the subject's distinguished name (RFC 2253), e.g. {@code CN=manager.example.com,O=Acme}
 * @param issuer            the issuer's distinguished name (RFC 2253)
 * @param sha256Fingerprint SHA-256 of the DER encoding, as upper-case hex pairs joined by colons
 * @param subjectAltNames   the DNS names and IP addresses it is for, in the certificate's order
 * @param selfSigned        issued by itself (its own signature verifies with its own key)
 * @param pem               the certificate itself, PEM-encoded: what "trust this CA" adds to
 *                          {@link NetworkSettings#caCertificatesPem()}
 */
public record CertificateFacts(String subject, String issuer, Instant notBefore, Instant notAfter,
                               String sha256Fingerprint, List<String> subjectAltNames, boolean selfSigned,
                               String pem) {

    public CertificateFacts {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(sha256Fingerprint, "sha256Fingerprint");
        subjectAltNames = subjectAltNames == null ? List.of() : List.copyOf(subjectAltNames);
    }

    public static CertificateFacts of(X509Certificate cert) {
        Objects.requireNonNull(cert, "cert");
        byte[] der;
        try {
            der = cert.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("a certificate that cannot be encoded", e);
        }
        return new CertificateFacts(cert.getSubjectX500Principal().getName(X500Principal.RFC2253),
                cert.getIssuerX500Principal().getName(X500Principal.RFC2253),
                cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(), fingerprint(der),
                subjectAltNames(cert), selfSigned(cert), pem(der));
    }

    /** Without the PEM text, which says nothing at a glance in a log line. */
    @Override
    public String toString() {
        return "CertificateFacts[subject=" + subject + ", issuer=" + issuer + ", notBefore=" + notBefore
                + ", notAfter=" + notAfter + ", sha256Fingerprint=" + sha256Fingerprint + ", subjectAltNames="
                + subjectAltNames + ", selfSigned=" + selfSigned + "]";
    }

    /** Valid at {@code now}, by its dates alone. */
    public boolean validAt(Instant now) {
        return !now.isBefore(notBefore) && !now.isAfter(notAfter);
    }

    /** The subject's common name when it has one, else the whole subject: "Acme Root CA". */
    public String commonName() {
        for (String part : subject.split("(?<!\\\\),")) {
            String p = part.trim();
            if (p.regionMatches(true, 0, "CN=", 0, 3)) {
                return p.substring(3).replace("\\,", ",");
            }
        }
        return subject;
    }

    static String fingerprint(byte[] der) {
        return io.keyward.crypto.CaCertificate.fingerprint(der);
    }

    static String pem(byte[] der) {
        return io.keyward.crypto.CaCertificate.pem(der);
    }

    private static List<String> subjectAltNames(X509Certificate cert) {
        Collection<List<?>> names;
        try {
            names = cert.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return List.of();
        }
        if (names == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (List<?> entry : names) {
            if (entry.size() < 2 || !(entry.get(0) instanceof Integer type) || !(entry.get(1) instanceof String value)) {
                continue;
            }
            if (type == 2 || type == 7) { // dNSName, iPAddress: what a host name is checked against
                out.add(type == 2 ? value.toLowerCase(Locale.ROOT) : value);
            }
        }
        return out;
    }

    private static boolean selfSigned(X509Certificate cert) {
        if (!cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
            return false;
        }
        try {
            cert.verify(cert.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
