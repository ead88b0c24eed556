package io.keyward.gateway.http;

import io.keyward.gateway.Failure;
import io.keyward.gateway.GatewayException;
import io.keyward.gateway.NetworkSettings;
import io.keyward.gateway.ProxyChoice;
import io.keyward.model.Secret;
import okhttp3.Credentials;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static io.keyward.gateway.http.TlsFixtures.TOKEN;
import static io.keyward.gateway.http.TlsFixtures.assertNoSecret;
import static io.keyward.gateway.http.TlsFixtures.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A proxy between Keyward and the manager (a MockWebServer playing the proxy): a manual proxy, its
 * Basic sign-in answered once, and a 407 that reads as the proxy's, never as the manager's 401.
 */
class ProxyAuthenticationTest {

    static final String PROXY_PASSWORD = "proxy-pw-71c0e2aa";
    static final URI MANAGER = URI.create("http://manager.test/");

    MockWebServer proxy;
    List<Duration> waits;

    @BeforeEach
    void start() throws IOException {
        proxy = new MockWebServer();
        waits = new CopyOnWriteArrayList<>();
    }

    @AfterEach
    void stop() throws IOException {
        proxy.shutdown();
    }

    String proxyAddress() {
        return proxy.getHostName() + ":" + proxy.getPort();
    }

    NetworkSettings viaProxy(String username, String password) {
        return NetworkSettings.DEFAULTS.withPlainHttp(true).withProxy(ProxyChoice.manual(proxy.getHostName(),
                proxy.getPort(), username, password == null ? null : Secret.of(password)));
    }

    HttpTransport transport(URI base, NetworkSettings network) {
        return TlsFixtures.transport(settings(base, network), Map.of(), waits);
    }

    static MockResponse challenge() {
        return new MockResponse().setResponseCode(407).setHeader("Proxy-Authenticate", "Basic realm=\"corp\"")
                .setHeader("Content-Type", "text/html").setBody("<html><title>Proxy sign-in</title></html>");
    }

    Request get() {
        return new Request.Builder().url("http://manager.test/v1/projects").header("X-Api-Key", TOKEN).build();
    }

    @Test
    void theProxySignInIsSentOnceAskedAndTheCallGoesThrough() throws Exception {
        proxy.start();
        proxy.enqueue(challenge());
        proxy.enqueue(new MockResponse().setBody("[]"));
        HttpAnswer answer = transport(MANAGER, viaProxy("alice", PROXY_PASSWORD)).execute("Loading projects", get());
        assertEquals(200, answer.status());
        assertEquals("[]", answer.body());

        RecordedRequest first = proxy.takeRequest(1, TimeUnit.SECONDS);
        assertNotNull(first);
        assertEquals("GET http://manager.test/v1/projects HTTP/1.1", first.getRequestLine(),
                "a proxy gets the absolute URI");
        assertNull(first.getHeader("Proxy-Authorization"), "nothing is sent before the proxy asks");
        RecordedRequest second = proxy.takeRequest(1, TimeUnit.SECONDS);
        assertEquals(Credentials.basic("alice", PROXY_PASSWORD, StandardCharsets.UTF_8),
                second.getHeader("Proxy-Authorization"));
        assertEquals(TOKEN, second.getHeader("X-Api-Key"));
        assertTrue(waits.isEmpty());
    }

    @Test
    void aProxyThatRefusesTheSignInEndsTheCallInItsOwnWords() throws Exception {
        proxy.start();
        proxy.enqueue(challenge());
        proxy.enqueue(challenge());
        proxy.enqueue(new MockResponse().setBody("never"));
        GatewayException e = assertThrows(GatewayException.class,
                () -> transport(MANAGER, viaProxy("alice", PROXY_PASSWORD)).execute("Loading projects", get()));
        assertEquals(new Failure.ProxyAuthentication(proxyAddress()), e.failure());
        assertFalse(e.isUnauthorized(), "the proxy's 407 is not the manager's 401");
        assertEquals(407, e.httpStatus());
        assertEquals("Loading projects failed: the proxy " + proxyAddress() + " asked Keyward to sign in (HTTP 407)"
                + " and did not accept the proxy username and password Keyward sent; check them in the connection's"
                + " proxy settings. The server itself was not reached, so nothing was done there.", e.getMessage());
        assertFalse(e.getMessage().contains("manager.test"), "it names the proxy, not the manager");
        assertEquals(2, proxy.getRequestCount(), "one answer to the challenge, not 20");
        assertTrue(waits.isEmpty(), "a 407 is not retried");
        assertNoSecret(e, PROXY_PASSWORD, TOKEN, "alice");
    }

    @Test
    void aProxyThatAsksWhenNoSignInIsSetSaysWhereToEnterIt() throws Exception {
        proxy.start();
        proxy.enqueue(challenge());
        GatewayException e = assertThrows(GatewayException.class,
                () -> transport(MANAGER, viaProxy(null, null)).execute("Creating key \u201Ck\u201D",
                        new Request.Builder().url("http://manager.test/v1/keys")
                                .post(RequestBody.create("{}", MediaType.get("application/json"))).build()));
        assertEquals(new Failure.ProxyAuthentication(proxyAddress()), e.failure());
        assertTrue(e.getMessage().startsWith("Creating key \u201Ck\u201D failed: the proxy " + proxyAddress()
                + " asked Keyward to sign in (HTTP 407), and this connection has no proxy username and password;"
                + " enter them in the connection's proxy settings."), e.getMessage());
        assertEquals(1, proxy.getRequestCount());
    }

    @Test
    void aProxyThatWantsAnotherMethodGetsNoPassword() throws Exception {
        proxy.start();
        proxy.enqueue(new MockResponse().setResponseCode(407).setHeader("Proxy-Authenticate", "Negotiate"));
        GatewayException e = assertThrows(GatewayException.class,
                () -> transport(MANAGER, viaProxy("alice", PROXY_PASSWORD)).execute("Loading projects", get()));
        assertEquals(new Failure.ProxyAuthentication(proxyAddress()), e.failure());
        assertTrue(e.getMessage().contains("asking for Negotiate, which Keyward cannot do"), e.getMessage());
        assertEquals(1, proxy.getRequestCount(), "the password went nowhere");
        assertNoSecret(e, PROXY_PASSWORD);
    }

    @Test
    void aTunnelToAnHttpsManagerIsSignedInOnceTooAndThenVerifiedEndToEnd() throws Exception {
        HeldCertificate ca = TlsFixtures.ca("Acme Root CA");
        proxy.useHttps(TlsFixtures.serverSide(TlsFixtures.leaf(ca, "manager.test")).sslSocketFactory(), true);
        proxy.start();
        proxy.enqueue(challenge());
        proxy.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.UPGRADE_TO_SSL_AT_END));
        proxy.enqueue(new MockResponse().setBody("[]"));
        NetworkSettings network = viaProxy("alice", PROXY_PASSWORD).withPlainHttp(false)
                .withCaCertificates(List.of(ca.certificatePem()));
        HttpAnswer answer = transport(URI.create("https://manager.test/"), network).execute("Loading projects",
                new Request.Builder().url("https://manager.test/v1/projects").build());
        assertEquals("[]", answer.body());
        RecordedRequest connect = proxy.takeRequest(1, TimeUnit.SECONDS);
        assertEquals("CONNECT manager.test:443 HTTP/1.1", connect.getRequestLine());
        assertNull(connect.getHeader("Proxy-Authorization"));
        RecordedRequest signedIn = proxy.takeRequest(1, TimeUnit.SECONDS);
        assertEquals("CONNECT manager.test:443 HTTP/1.1", signedIn.getRequestLine());
        assertEquals(Credentials.basic("alice", PROXY_PASSWORD, StandardCharsets.UTF_8),
                signedIn.getHeader("Proxy-Authorization"));
        RecordedRequest inside = proxy.takeRequest(1, TimeUnit.SECONDS);
        assertEquals("GET /v1/projects HTTP/1.1", inside.getRequestLine());
        assertNull(inside.getHeader("Proxy-Authorization"), "the proxy's sign-in stays with the proxy");
    }

    @Test
    void aTunnelThatIsRefusedTwiceIsAProxyFailureBeforeAnythingIsSent() throws Exception {
        proxy.start();
        proxy.enqueue(challenge());
        proxy.enqueue(challenge());
        NetworkSettings network = viaProxy("alice", PROXY_PASSWORD).withPlainHttp(false);
        GatewayException e = assertThrows(GatewayException.class, () -> transport(URI.create("https://manager.test/"),
                network).execute("Deleting key", new Request.Builder().url("https://manager.test/v1/keys/k").delete()
                .build()));
        assertEquals(new Failure.ProxyAuthentication(proxyAddress()), e.failure());
        assertTrue(e.getMessage().contains("did not accept the proxy username and password Keyward sent"),
                e.getMessage());
        assertEquals(2, proxy.getRequestCount());
        assertNoSecret(e, PROXY_PASSWORD, "alice");
    }

    @Test
    void noProxyMeansStraightThereWhateverTheEnvironmentSays() throws Exception {
        proxy.start();
        MockWebServer manager = new MockWebServer();
        manager.start();
        try {
            manager.enqueue(new MockResponse().setBody("direct"));
            Map<String, String> env = Map.of("HTTP_PROXY", "http://" + proxyAddress(), "NO_PROXY", "");
            // A loopback manager never goes through the environment's proxy; a NONE choice never does either.
            HttpTransport t = TlsFixtures.transport(settings(manager.url("/").uri(),
                    NetworkSettings.DEFAULTS.withProxy(ProxyChoice.NONE)), env, waits);
            assertEquals("direct", t.execute("Loading projects", new Request.Builder().url(manager.url("/v1")).build())
                    .body());
            assertEquals(0, proxy.getRequestCount());
        } finally {
            manager.shutdown();
        }
    }
}
