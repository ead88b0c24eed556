package io.keyward.gateway.http;

import io.keyward.gateway.Failure;
import io.keyward.gateway.GatewayException;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.net.SocketException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** How a handshake's failure and what the attempt noted become a {@link Failure.Tls}, or stay a network failure. */
class TlsDiagnosisTest {

    static final HeldCertificate CA = TlsFixtures.ca("Acme Root CA");
    static final HeldCertificate SERVER = TlsFixtures.leaf(CA, "manager.example.com");

    static AttemptNotes.Notes notes() {
        AttemptNotes.Notes n = new AttemptNotes.Notes();
        n.serverChain = new X509Certificate[] {SERVER.certificate(), CA.certificate()};
        return n;
    }

    static TlsDiagnosis diagnose(IOException e, AttemptNotes.Notes n, boolean sent, boolean change) {
        return TlsDiagnosis.of(e, n, "manager.example.com", Instant.now(), sent, change);
    }

    static SSLHandshakeException handshake(String message, Throwable cause) {
        SSLHandshakeException e = new SSLHandshakeException(message);
        e.initCause(cause);
        return e;
    }

    @Test
    void aRefusalForAnotherReasonKeepsTheRuntimesWords() {
        AttemptNotes.Notes n = notes();
        n.trustFailure = new CertificateException("Certificates do not conform to algorithm constraints");
        TlsDiagnosis d = diagnose(handshake("PKIX failed", n.trustFailure), n, false, false);
        assertEquals(Failure.TlsProblem.OTHER, d.tls().problem());
        GatewayException e = HttpFailures.tls("Loading projects", d, null, false);
        assertEquals("Loading projects failed: the certificate of manager.example.com was not accepted (Certificates"
                + " do not conform to algorithm constraints). Keyward does not connect to it.", e.getMessage());
    }

    @Test
    void aHandshakeFailureWithoutACertificateProblemStaysANetworkFailure() {
        AttemptNotes.Notes n = notes();
        assertNull(diagnose(new SSLHandshakeException("Received fatal alert: handshake_failure"), n, false, false));
        assertNull(diagnose(new SSLException("Unsupported or unrecognized SSL message"), new AttemptNotes.Notes(),
                false, false));
        assertNull(diagnose(new SocketException("Connection reset"), n, true, false), "nobody asked for a certificate");
    }

    @Test
    void certificateRequiredIsARefusalWhateverElseWasNoted() {
        TlsDiagnosis d = diagnose(new SSLException("Received fatal alert: certificate_required"), notes(), true, true);
        assertEquals(Failure.TlsProblem.CLIENT_CERTIFICATE_REFUSED, d.tls().problem());
        assertEquals("certificate_required", d.alert());
        assertEquals("CN=manager.example.com", d.tls().server().subject());
    }

    @Test
    void anAlertAboutTheSentCertificateNamesItAndItsFile() {
        AttemptNotes.Notes n = notes();
        n.clientCertificateAsked = true;
        n.clientCertificateSent = "CN=keyward-admin";
        n.handshakeDone = true;
        TlsDiagnosis d = diagnose(new SSLException("Received fatal alert: certificate_unknown"), n, true, false);
        assertEquals(Failure.TlsProblem.CLIENT_CERTIFICATE_REFUSED, d.tls().problem());
        GatewayException e = HttpFailures.tls("Loading projects", d, Path.of("admin.p12"), false);
        assertEquals("Loading projects failed: manager.example.com refused the client certificate"
                + " \u201CCN=keyward-admin\u201D from \u201Cadmin.p12\u201D (TLS alert certificate_unknown). Check with"
                + " the server's administrators that it accepts this certificate and that it has not expired or been"
                + " revoked.", e.getMessage());
    }

    @Test
    void aCloseWithoutAlertIsARefusalOnlyWhereThatIsCertain() {
        AttemptNotes.Notes n = notes();
        n.clientCertificateAsked = true;
        n.handshakeDone = true;
        SocketException reset = new SocketException("Connection reset");
        assertEquals(Failure.TlsProblem.CLIENT_CERTIFICATE_REFUSED,
                diagnose(reset, n, false, true).tls().problem(), "before the change went out");
        assertEquals(Failure.TlsProblem.CLIENT_CERTIFICATE_REFUSED,
                diagnose(reset, n, true, false).tls().problem(), "a read that offered no certificate");
        assertNull(diagnose(reset, n, true, true), "a change that went out: unknown");
        n.clientCertificateSent = "CN=keyward-admin";
        assertNull(diagnose(reset, n, true, false), "a read that offered one may have failed for another reason");
        assertEquals(Failure.TlsProblem.CLIENT_CERTIFICATE_REFUSED,
                diagnose(new IOException("exhausted all routes"), n, false, false).tls().problem(),
                "HTTP/2: the connection was shut down before the request went out");
    }
}
