package io.keyward.gateway.http;

import io.keyward.gateway.Authentication;
import io.keyward.gateway.ConnectionSettings;
import io.keyward.gateway.Failure;
import io.keyward.gateway.GatewayException;
import io.keyward.gateway.NetworkSettings;
import io.keyward.gateway.ampersand.AmpersandClient;
import io.keyward.gateway.apinizer.ApinizerClient;
import io.keyward.model.Secret;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;

import static io.keyward.gateway.http.TlsFixtures.TOKEN;
import static io.keyward.gateway.http.TlsFixtures.assertNoSecret;
import static io.keyward.gateway.http.TlsFixtures.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A connection whose address {@link io.keyward.gateway.UrlPolicy} refuses sends nothing, on every call. */
class UrlPolicyTransportTest {

    MockWebServer server;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        server.enqueue(new MockResponse().setBody("[]"));
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    @Test
    void aRefusedAddressFailsEveryCallWithItsSentenceAndSendsNothing() {
        URI withQuery = server.url("/v1?apikey=" + TOKEN).uri(); // this computer, so only the query is wrong
        HttpTransport t = TlsFixtures.transport(settings(withQuery, NetworkSettings.DEFAULTS));
        Request read = new Request.Builder().url(server.url("/v1/projects")).build();
        Request change = new Request.Builder().url(server.url("/v1/keys/k")).delete().build();
        String sentence = "The address must not have a query (the part from \u201C?\u201D). Enter the base address only;"
                + " Keyward adds the paths and parameters itself.";
        assertEquals(new HttpTransport.Refusal(Failure.Setting.URL, sentence), t.refusal());
        assertEquals(t.refusal(), HttpTransport.check(settings(withQuery, NetworkSettings.DEFAULTS)));
        for (Runnable call : new Runnable[] {() -> t.execute("Loading projects", read),
                () -> t.execute("Loading projects", change), () -> t.sendOnce("Loading projects", read)}) {
            GatewayException e = assertThrows(GatewayException.class, call::run);
            assertEquals(new Failure.Misconfigured(Failure.Setting.URL), e.failure());
            assertEquals("Loading projects failed, and nothing was sent. " + sentence, e.getMessage());
            assertNoSecret(e, TOKEN);
        }
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void plainHttpToAnotherHostIsRefusedByTheClientsUntilAllowed() {
        ConnectionSettings plain = ConnectionSettings.of(URI.create("http://manager.invalid/"),
                new Authentication.PersonalToken(Secret.of(TOKEN)));
        GatewayException e = assertThrows(GatewayException.class,
                () -> new ApinizerClient(plain, new OkHttpClient()).listProjects());
        assertEquals(new Failure.Misconfigured(Failure.Setting.URL), e.failure());
        assertEquals("Loading projects failed, and nothing was sent. Plain HTTP to manager.invalid would send the"
                + " token unencrypted. Use https://, or tick \u201CAllow unencrypted HTTP\u201D for this connection.",
                e.getMessage());
        GatewayException ampersand = assertThrows(GatewayException.class, () -> new AmpersandClient(
                ConnectionSettings.of(URI.create("http://api.example.com/v1"), new Authentication.ApiKey(Secret.of(TOKEN))),
                new OkHttpClient()).listProjects());
        assertEquals(new Failure.Misconfigured(Failure.Setting.URL), ampersand.failure());
        assertNoSecret(ampersand, TOKEN);

        // Allowed: the call goes out (and fails on the network: .invalid names never resolve).
        GatewayException network = assertThrows(GatewayException.class, () -> new ApinizerClient(
                plain.withNetwork(NetworkSettings.DEFAULTS.withPlainHttp(true).withProxy(io.keyward.gateway.ProxyChoice.NONE)
                        ), new OkHttpClient()).listProjects());
        assertEquals(Failure.Network.class, network.failure().getClass(), network.getMessage());
    }

    @Test
    void theMockServersLoopbackAddressNeedsNoPermission() {
        assertNull(io.keyward.gateway.UrlPolicy.check(server.url("/").uri(), false), server.url("/").toString());
        HttpTransport t = TlsFixtures.transport(settings(server.url("/v1").uri(), NetworkSettings.DEFAULTS));
        assertEquals("[]", t.execute("Loading projects", new Request.Builder().url(server.url("/v1/projects")).build())
                .body());
    }
}
