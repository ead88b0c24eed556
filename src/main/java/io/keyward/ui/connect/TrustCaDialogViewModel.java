package io.keyward.ui.connect;

import io.keyward.crypto.CaCertificate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * "Trust this CA for this connection?": what the administrator must see before a certificate is
 * trusted — who it is, who issued it, when it is valid, and its SHA-256 fingerprint to compare with
 * the one their PKI team gives — and what is unusual about it.
 *
 * @param connection the connection (profile) the CA would be trusted for
 * @param why        how the certificate came here ("from ca.pem", "sent by the manager")
 */
public record TrustCaDialogViewModel(CaCertificate certificate, String connection, String why, Instant now) {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    public String header() {
        return "Trust \u201C" + certificate.shortName() + "\u201D for \u201C" + connection + "\u201D?";
    }

    /** Label and value rows. */
    public List<String[]> facts() {
        return List.of(
                new String[]{"Subject", certificate.subject()},
                new String[]{"Issued by", certificate.issuer()},
                new String[]{"Valid", DAY.format(certificate.notBefore()) + " to " + DAY.format(certificate.notAfter())},
                new String[]{"SHA-256", certificate.sha256Fingerprint()},
                new String[]{"Source", why});
    }

    /** What deserves a second look before trusting it. */
    public List<String> warnings() {
        List<String> w = new ArrayList<>();
        String validity = certificate.validityProblem(now);
        if (validity != null) {
            w.add(validity + " Connections will still fail while it is out of date.");
        }
        if (!certificate.authority()) {
            w.add("This is not a CA certificate (it cannot issue others): it is trusted only as itself.");
        }
        return w;
    }

    public String consequence() {
        return "Keyward will accept the manager's certificate for this connection when this CA issued it (as well as "
                + "the CAs it trusts already). Other connections are not affected, and certificates are still checked: "
                + "dates, the host name and the chain. Compare the fingerprint with the one your PKI team publishes.";
    }
}
