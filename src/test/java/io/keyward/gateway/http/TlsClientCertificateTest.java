package io.keyward.gateway.http;

import io.keyward.gateway.Failure;
import io.keyward.gateway.GatewayException;
import io.keyward.gateway.NetworkSettings;
import io.keyward.model.Secret;
import okhttp3.Request;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static io.keyward.gateway.http.TlsFixtures.TOKEN;
import static io.keyward.gateway.http.TlsFixtures.assertNoSecret;
import static io.keyward.gateway.http.TlsFixtures.ca;
import static io.keyward.gateway.http.TlsFixtures.leaf;
import static io.keyward.gateway.http.TlsFixtures.pkcs12;
import static io.keyward.gateway.http.TlsFixtures.serverSideTrustingClients;
import static io.keyward.gateway.http.TlsFixtures.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mutual TLS: a server that requires a client certificate, and a PKCS#12 file per connection. */
class TlsClientCertificateTest {

    static final String P12_PASSWORD = "p12-pass-8d2e71b4";
    static final HeldCertificate SERVER_CA = ca("Acme Server CA");
    static final HeldCertificate CLIENT_CA = ca("Acme Client CA");

    @TempDir
    Path dir;
    MockWebServer server;
    List<Duration> waits;
    NetworkSettings trusting;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.useHttps(serverSideTrustingClients(leaf(SERVER_CA, "localhost"), CLIENT_CA).sslSocketFactory(), false);
        server.requireClientAuth();
        server.start();
        waits = new CopyOnWriteArrayList<>();
        trusting = NetworkSettings.DEFAULTS.withCaCertificates(List.of(SERVER_CA.certificatePem()));
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    HttpTransport transport(NetworkSettings network) {
        return TlsFixtures.transport(settings(server.url("/v1").uri(), network), Map.of(), waits);
    }

    Request get() {
        return new Request.Builder().url(server.url("/v1/projects")).header("X-Api-Key", TOKEN).build();
    }

    Path clientP12(HeldCertificate issuer, String commonName) throws Exception {
        HeldCertificate client = new HeldCertificate.Builder().commonName(commonName).signedBy(issuer).build();
        return pkcs12(dir, commonName + ".p12", client, P12_PASSWORD, issuer.certificate());
    }

    @Test
    void theRightClientCertificateIsAccepted() throws Exception {
        server.enqueue(new MockResponse().setBody("[]"));
        NetworkSettings network = trusting.withClientCertificate(clientP12(CLIENT_CA, "keyward-admin"),
                Secret.of(P12_PASSWORD));
        assertEquals("[]", transport(network).execute("Loading projects", get()).body());
        RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS);
        assertNotNull(r);
        assertNotNull(r.getHandshake());
        X509Certificate presented = (X509Certificate) r.getHandshake().peerCertificates().get(0);
        assertEquals("CN=keyward-admin", presented.getSubjectX500Principal().getName());
    }

    @Test
    void withoutAClientCertificateTheServerRefusesAndTheMessageSaysWhatToChoose() {
        server.enqueue(new MockResponse().setBody("[]"));
        GatewayException e = assertThrows(GatewayException.class,
                () -> transport(trusting).execute("Loading projects", get()));
        Failure.Tls tls = assertInstanceOf(Failure.Tls.class, e.failure(), e.getMessage());
        assertEquals(Failure.TlsProblem.CLIENT_CERTIFICATE_REFUSED, tls.problem());
        assertEquals("CN=localhost", tls.server().subject(), "the server's certificate was seen and trusted");
        assertTrue(e.getMessage().startsWith("Loading projects failed: localhost asks for a client certificate, and"
                + " this connection has none"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Choose the PKCS#12 file (.p12 or .pfx) in the connection's settings."),
                e.getMessage());
        assertTrue(waits.isEmpty(), "not retried");
        assertNoSecret(e, TOKEN);
    }

    @Test
    void aCertificateFromAnotherCaIsRefused() throws Exception {
        server.enqueue(new MockResponse().setBody("[]"));
        Path other = clientP12(ca("Someone Else CA"), "intruder");
        GatewayException e = assertThrows(GatewayException.class, () -> transport(
                trusting.withClientCertificate(other, Secret.of(P12_PASSWORD))).execute("Loading projects", get()));
        Failure.Tls tls = assertInstanceOf(Failure.Tls.class, e.failure(), e.getMessage());
        assertEquals(Failure.TlsProblem.CLIENT_CERTIFICATE_REFUSED, tls.problem());
        // The runtime offers only a certificate from a CA the server names; it names Acme Client CA only.
        assertTrue(e.getMessage().contains("localhost asks for a client certificate issued by a CA it accepts, and"
                + " the one in \u201C" + other + "\u201D is not, so none was sent"), e.getMessage());
        assertNoSecret(e, P12_PASSWORD, TOKEN);
    }

    /**
     * In TLS 1.3 the client's certificate is judged after the client considers the handshake done, so
     * the change may already be on its way when the server refuses. The refusal is certain when its
     * alert is read, or when the connection closed before the request went out; when a reset overtook
     * the alert after sending, the outcome stays unknown, with the likely cause said as likely. Which
     * of the two happens is the network's timing, so both are accepted here, each exactly.
     */
    @Test
    void aChangeRefusedForItsClientCertificateChangedNothingOrSaysTheLikelyCause() {
        for (int i = 0; i < 5; i++) {
            GatewayException e = assertThrows(GatewayException.class, () -> transport(trusting).execute("Deleting key",
                    new Request.Builder().url(server.url("/v1/keys/k")).delete().build()));
            if (e.failure() instanceof Failure.Tls tls) {
                assertEquals(Failure.TlsProblem.CLIENT_CERTIFICATE_REFUSED, tls.problem());
                assertTrue(e.getMessage().endsWith(" Nothing was changed."), e.getMessage());
            } else {
                assertInstanceOf(Failure.OutcomeUnknown.class, e.failure(), e.getMessage());
                assertTrue(e.getMessage().endsWith("; reload to check. The server had asked for a client certificate"
                        + " and none was sent; that is the likely reason, and then nothing happened."), e.getMessage());
            }
        }
    }

    @Test
    void aWrongPasswordIsSaidBeforeAnythingIsSentAndNeverRepeated() throws Exception {
        Path p12 = clientP12(CLIENT_CA, "keyward-admin");
        String wrong = "wrong-pass-33c1f0";
        HttpTransport t = transport(trusting.withClientCertificate(p12, Secret.of(wrong)));
        GatewayException e = assertThrows(GatewayException.class, () -> t.execute("Loading projects", get()));
        assertEquals(new Failure.Misconfigured(Failure.Setting.CLIENT_CERTIFICATE_PASSWORD), e.failure());
        assertEquals("Loading projects failed, and nothing was sent. The password of the client certificate file"
                + " \u201C" + p12 + "\u201D is wrong.", e.getMessage());
        assertEquals(new HttpTransport.Refusal(Failure.Setting.CLIENT_CERTIFICATE_PASSWORD,
                e.getMessage().substring("Loading projects failed, and nothing was sent. ".length())), t.refusal());
        assertEquals(t.refusal(), HttpTransport.check(settings(server.url("/v1").uri(),
                trusting.withClientCertificate(p12, Secret.of(wrong)))), "the settings dialog's check says the same");
        assertEquals(null, HttpTransport.check(settings(server.url("/v1").uri(),
                trusting.withClientCertificate(p12, Secret.of(P12_PASSWORD)))));
        assertNoSecret(e, wrong, P12_PASSWORD, TOKEN);
        // Every call, reads and changes and sign-ins alike.
        assertThrows(GatewayException.class, () -> t.sendOnce("Signing in", get()));
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aMissingOrForeignFileIsSaidInWords() throws Exception {
        Path missing = dir.resolve("nowhere.p12");
        GatewayException e = assertThrows(GatewayException.class, () -> transport(
                trusting.withClientCertificate(missing, Secret.of(P12_PASSWORD))).execute("Loading projects", get()));
        assertEquals(new Failure.Misconfigured(Failure.Setting.CLIENT_CERTIFICATE_FILE), e.failure());
        assertTrue(e.getMessage().endsWith("The client certificate file \u201C" + missing + "\u201D does not exist."),
                e.getMessage());

        Path pem = Files.writeString(dir.resolve("client.pem"), CLIENT_CA.certificatePem());
        GatewayException notP12 = assertThrows(GatewayException.class, () -> transport(
                trusting.withClientCertificate(pem, Secret.of(P12_PASSWORD))).execute("Loading projects", get()));
        assertEquals(new Failure.Misconfigured(Failure.Setting.CLIENT_CERTIFICATE_FILE), notP12.failure());
        assertTrue(notP12.getMessage().endsWith("is not a PKCS#12 file (.p12 or .pfx) Keyward can read."),
                notP12.getMessage());
        assertNoSecret(notP12, P12_PASSWORD);
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aFileWithOnlyCertificatesHoldsNoKey() throws Exception {
        java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("ca", CLIENT_CA.certificate());
        Path p12 = dir.resolve("certs-only.p12");
        try (var out = Files.newOutputStream(p12)) {
            ks.store(out, P12_PASSWORD.toCharArray());
        }
        GatewayException e = assertThrows(GatewayException.class, () -> transport(
                trusting.withClientCertificate(p12, Secret.of(P12_PASSWORD))).execute("Loading projects", get()));
        assertEquals(new Failure.Misconfigured(Failure.Setting.CLIENT_CERTIFICATE_FILE), e.failure());
        assertTrue(e.getMessage().endsWith("holds no private key with its certificate; export the client"
                + " certificate together with its key."), e.getMessage());
    }
}
