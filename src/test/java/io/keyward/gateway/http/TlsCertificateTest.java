package io.keyward.gateway.http;

import io.keyward.gateway.CertificateFacts;
import io.keyward.gateway.Failure;
import io.keyward.gateway.GatewayException;
import io.keyward.gateway.NetworkSettings;
import okhttp3.Request;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.keyward.gateway.http.TlsFixtures.DAY;
import static io.keyward.gateway.http.TlsFixtures.TOKEN;
import static io.keyward.gateway.http.TlsFixtures.assertNoSecret;
import static io.keyward.gateway.http.TlsFixtures.ca;
import static io.keyward.gateway.http.TlsFixtures.fingerprint;
import static io.keyward.gateway.http.TlsFixtures.leaf;
import static io.keyward.gateway.http.TlsFixtures.serverSide;
import static io.keyward.gateway.http.TlsFixtures.settings;
import static io.keyward.gateway.http.TlsFixtures.transport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server's certificate over real TLS: a private CA trusted per connection, and each problem in words. */
class TlsCertificateTest {

    static final HeldCertificate ACME_ROOT = ca("Acme Root CA");

    MockWebServer server;
    List<Duration> waits;

    @BeforeEach
    void start() {
        server = new MockWebServer();
        waits = new CopyOnWriteArrayList<>();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    void serve(HeldCertificate cert, HeldCertificate... above) throws IOException {
        java.security.cert.X509Certificate[] chain = new java.security.cert.X509Certificate[above.length];
        for (int i = 0; i < above.length; i++) {
            chain[i] = above[i].certificate();
        }
        server.useHttps(serverSide(cert, chain).sslSocketFactory(), false);
        server.start();
    }

    HttpTransport transport(NetworkSettings network) {
        return TlsFixtures.transport(settings(server.url("/v1").uri(), network), Map.of(), waits);
    }

    Request get() {
        return new Request.Builder().url(server.url("/v1/projects")).header("X-Api-Key", TOKEN).build();
    }

    Request delete() {
        return new Request.Builder().url(server.url("/v1/keys/k")).header("X-Api-Key", TOKEN).delete().build();
    }

    static Failure.Tls tls(GatewayException e) {
        return assertInstanceOf(Failure.Tls.class, e.failure(), e.getMessage());
    }

    // ---------------------------------------------------------------- a private CA

    @Test
    void aPrivateCaIsNotTrustedUntilTheConnectionTrustsIt() throws Exception {
        serve(leaf(ACME_ROOT, "localhost"), ACME_ROOT);
        server.enqueue(new MockResponse().setBody("[]"));

        GatewayException e = assertThrows(GatewayException.class,
                () -> transport(NetworkSettings.DEFAULTS).execute("Loading projects", get()));
        Failure.Tls tls = tls(e);
        assertEquals(Failure.TlsProblem.UNKNOWN_ISSUER, tls.problem());
        assertEquals("localhost", tls.host());
        assertEquals("CN=localhost", tls.server().subject());
        assertEquals("CN=Acme Root CA", tls.server().issuer());
        String caPrint = fingerprint(ACME_ROOT.certificate());
        assertEquals(caPrint, tls.issuerCandidate().sha256Fingerprint());
        assertTrue(tls.issuerCandidate().selfSigned());
        assertEquals(List.of("localhost"), tls.server().subjectAltNames());
        assertEquals("Loading projects failed: the certificate of localhost is issued by \u201CCN=Acme Root CA\u201D,"
                + " which this connection does not trust. Fingerprint (SHA-256) of that CA: " + caPrint + " . If your"
                + " company runs this CA, add it to the connection's trusted CAs.", e.getMessage());
        assertEquals(0, server.getRequestCount(), "nothing reached the server");
        assertTrue(waits.isEmpty(), "an untrusted certificate is not retried");
        assertNoSecret(e, TOKEN);

        // The "trust this CA" action: the candidate's PEM, added to the connection's settings.
        NetworkSettings trusting = NetworkSettings.DEFAULTS.trustingAlso(tls.issuerCandidate().pem());
        assertEquals(200, transport(trusting).execute("Loading projects", get()).status());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void theCaPemFromItsIssuerIsEnoughAndTheDefaultCasStayTrusted() throws Exception {
        serve(leaf(ACME_ROOT, "localhost"));
        server.enqueue(new MockResponse().setBody("[]"));
        NetworkSettings network = NetworkSettings.DEFAULTS.withCaCertificates(List.of(ACME_ROOT.certificatePem()));
        assertEquals("[]", transport(network).execute("Loading projects", get()).body());
        // The runtime's CAs are still there, next to the extra one.
        javax.net.ssl.X509TrustManager tm = NetworkClients.trustManager(network);
        List<java.security.cert.X509Certificate> issuers = List.of(tm.getAcceptedIssuers());
        assertTrue(issuers.contains(ACME_ROOT.certificate()));
        assertTrue(issuers.size() > 1, "the runtime's default CAs are kept");
        assertEquals(List.of(NetworkClients.trustManager(NetworkSettings.DEFAULTS).getAcceptedIssuers()).size() + 1,
                issuers.size());
    }

    @Test
    void anotherCaIsNoSubstituteForTheIssuer() throws Exception {
        serve(leaf(ACME_ROOT, "localhost"), ACME_ROOT);
        NetworkSettings network = NetworkSettings.DEFAULTS.withCaCertificates(
                List.of(ca("Other Root CA").certificatePem()));
        GatewayException e = assertThrows(GatewayException.class,
                () -> transport(network).execute("Loading projects", get()));
        assertEquals(Failure.TlsProblem.UNKNOWN_ISSUER, tls(e).problem());
    }

    @Test
    void aServerThatSendsOnlyItsOwnCertificateIsToldApart() throws Exception {
        serve(leaf(ACME_ROOT, "localhost"));
        GatewayException e = assertThrows(GatewayException.class,
                () -> transport(NetworkSettings.DEFAULTS).execute("Loading projects", get()));
        Failure.Tls tls = tls(e);
        assertEquals(Failure.TlsProblem.UNKNOWN_ISSUER, tls.problem());
        assertEquals(tls.server(), tls.issuerCandidate(), "the last certificate sent is the server's own");
        assertFalse(tls.issuerCandidate().selfSigned());
        assertTrue(e.getMessage().contains("is issued by \u201CCN=Acme Root CA\u201D, which this connection does not"
                + " trust, and the server did not send that CA's certificate."), e.getMessage());
    }

    @Test
    void aSelfSignedCertificateShowsItsOwnFingerprintAndCanBeTrusted() throws Exception {
        HeldCertificate self = leaf(null, "localhost");
        serve(self);
        server.enqueue(new MockResponse().setBody("ok"));
        GatewayException e = assertThrows(GatewayException.class,
                () -> transport(NetworkSettings.DEFAULTS).execute("Loading projects", get()));
        Failure.Tls tls = tls(e);
        assertEquals(Failure.TlsProblem.UNKNOWN_ISSUER, tls.problem());
        assertTrue(tls.server().selfSigned());
        assertTrue(e.getMessage().contains("the certificate of localhost is self-signed (\u201CCN=localhost\u201D)"
                + ", and this connection does not trust it. Fingerprint (SHA-256): " + fingerprint(self.certificate())),
                e.getMessage());
        assertEquals(200, transport(NetworkSettings.DEFAULTS.trustingAlso(tls.issuerCandidate().pem()))
                .execute("Loading projects", get()).status());
    }

    // ---------------------------------------------------------------- dates and names

    @Test
    void anExpiredCertificateSaysWhenItExpired() throws Exception {
        long now = System.currentTimeMillis();
        serve(leaf(ACME_ROOT, now - 10 * DAY, now - 2 * DAY, "localhost"));
        NetworkSettings trusting = NetworkSettings.DEFAULTS.withCaCertificates(List.of(ACME_ROOT.certificatePem()));
        GatewayException e = assertThrows(GatewayException.class,
                () -> transport(trusting).execute("Loading projects", get()));
        Failure.Tls tls = tls(e);
        assertEquals(Failure.TlsProblem.EXPIRED, tls.problem());
        assertTrue(tls.server().notAfter().isBefore(Instant.now()));
        String day = LocalDate.ofInstant(tls.server().notAfter(), ZoneOffset.UTC).toString();
        assertEquals("Loading projects failed: the certificate of localhost expired on " + day + " (subject"
                + " CN=localhost). Keyward does not connect to a server whose certificate has expired; its"
                + " administrators must renew it.", e.getMessage());
        assertTrue(waits.isEmpty());
    }

    @Test
    void anExpiredCertificateFromAnUnknownCaIsExpiredFirst() throws Exception {
        long now = System.currentTimeMillis();
        serve(leaf(ACME_ROOT, now - 10 * DAY, now - 2 * DAY, "localhost"), ACME_ROOT);
        GatewayException e = assertThrows(GatewayException.class,
                () -> transport(NetworkSettings.DEFAULTS).execute("Loading projects", get()));
        assertEquals(Failure.TlsProblem.EXPIRED, tls(e).problem(), "trusting the CA would not help");
    }

    @Test
    void aCertificateNotValidYetSaysFromWhen() throws Exception {
        long now = System.currentTimeMillis();
        serve(leaf(ACME_ROOT, now + 3 * DAY, now + 30 * DAY, "localhost"));
        NetworkSettings trusting = NetworkSettings.DEFAULTS.withCaCertificates(List.of(ACME_ROOT.certificatePem()));
        GatewayException e = assertThrows(GatewayException.class,
                () -> transport(trusting).execute("Loading projects", get()));
        Failure.Tls tls = tls(e);
        assertEquals(Failure.TlsProblem.NOT_YET_VALID, tls.problem());
        String day = LocalDate.ofInstant(tls.server().notBefore(), ZoneOffset.UTC).toString();
        assertTrue(e.getMessage().startsWith("Loading projects failed: the certificate of localhost is not valid"
                + " before " + day + " (subject CN=localhost). If that day has come, this computer's clock is wrong"),
                e.getMessage());
    }

    @Test
    void aCertificateForAnotherHostNamesTheHostsItIsFor() throws Exception {
        serve(leaf(ACME_ROOT, "api.other.example", "*.other.example"));
        NetworkSettings trusting = NetworkSettings.DEFAULTS.withCaCertificates(List.of(ACME_ROOT.certificatePem()));
        GatewayException e = assertThrows(GatewayException.class,
                () -> transport(trusting).execute("Loading projects", get()));
        Failure.Tls tls = tls(e);
        assertEquals(Failure.TlsProblem.NAME_MISMATCH, tls.problem());
        assertEquals(List.of("api.other.example", "*.other.example"), tls.server().subjectAltNames());
        assertEquals("Loading projects failed: the server at localhost showed a certificate for api.other.example"
                + " and *.other.example, not for localhost. Keyward does not connect to it: check the address, or ask"
                + " the server's administrators for a certificate that names localhost.", e.getMessage());
        assertEquals(0, server.getRequestCount());
        assertTrue(waits.isEmpty());
    }

    @Test
    void aChangeToAnUntrustedServerSaysNothingWasChanged() throws Exception {
        serve(leaf(ACME_ROOT, "api.other.example"));
        NetworkSettings trusting = NetworkSettings.DEFAULTS.withCaCertificates(List.of(ACME_ROOT.certificatePem()));
        GatewayException e = assertThrows(GatewayException.class,
                () -> transport(trusting).execute("Deleting key \u201Ck\u201D", delete()));
        assertEquals(Failure.TlsProblem.NAME_MISMATCH, tls(e).problem());
        assertTrue(e.getMessage().endsWith(" Nothing was changed."), e.getMessage());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aSignInToAnUntrustedServerIsATlsFailureToo() throws Exception {
        serve(leaf(ACME_ROOT, "localhost"), ACME_ROOT);
        GatewayException e = assertThrows(GatewayException.class, () -> transport(NetworkSettings.DEFAULTS)
                .sendOnce("Signing in", new Request.Builder().url(server.url("/auth/token"))
                        .post(okhttp3.RequestBody.create("{}", okhttp3.MediaType.get("application/json"))).build()));
        assertEquals(Failure.TlsProblem.UNKNOWN_ISSUER, tls(e).problem());
        assertTrue(e.getMessage().startsWith("Signing in failed: the certificate of localhost is issued by"),
                e.getMessage());
    }

    @Test
    void aTrustedCaThatIsNotACertificateStopsEveryCallBeforeSending() throws Exception {
        serve(leaf(ACME_ROOT, "localhost"));
        NetworkSettings broken = NetworkSettings.DEFAULTS.withCaCertificates(
                List.of(ACME_ROOT.certificatePem(), "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n"));
        HttpTransport t = transport(broken);
        GatewayException e = assertThrows(GatewayException.class, () -> t.execute("Loading projects", get()));
        assertEquals(new Failure.Misconfigured(Failure.Setting.TRUSTED_CA), e.failure());
        assertEquals("Loading projects failed, and nothing was sent. Trusted CA 2 of this connection cannot be read"
                + " as a certificate; paste the whole PEM text, from -----BEGIN CERTIFICATE----- to"
                + " -----END CERTIFICATE-----.", e.getMessage());
        GatewayException plain = assertThrows(GatewayException.class, () -> transport(
                NetworkSettings.DEFAULTS.withCaCertificates(List.of("Acme Root CA"))).execute("Loading projects", get()));
        assertTrue(plain.getMessage().endsWith("The trusted CA of this connection is not a PEM certificate (text that"
                + " starts with -----BEGIN CERTIFICATE-----)."), plain.getMessage());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void factsDescribeACertificate() throws Exception {
        HeldCertificate cert = leaf(ACME_ROOT, "manager.example.com", "10.1.2.3");
        CertificateFacts facts = CertificateFacts.of(cert.certificate());
        assertEquals("CN=manager.example.com", facts.subject());
        assertEquals("CN=Acme Root CA", facts.issuer());
        assertEquals("manager.example.com", facts.commonName());
        assertEquals(List.of("manager.example.com", "10.1.2.3"), facts.subjectAltNames());
        assertFalse(facts.selfSigned());
        assertEquals(fingerprint(cert.certificate()), facts.sha256Fingerprint());
        assertTrue(facts.sha256Fingerprint().matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), facts.sha256Fingerprint());
        assertEquals(cert.certificate(), NetworkClients.certificates(facts.pem(), 1, 1).get(0), "the PEM round-trips");
        assertTrue(CertificateFacts.of(ACME_ROOT.certificate()).selfSigned());
        assertNotNull(facts.notBefore());
        assertTrue(facts.validAt(Instant.now()));
    }
}
