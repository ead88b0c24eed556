package io.keyward.gateway.http;

import io.keyward.gateway.Authentication;
import io.keyward.gateway.ConnectionSettings;
import io.keyward.gateway.Failure;
import io.keyward.gateway.GatewayException;
import io.keyward.model.Secret;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules every adapter inherits: which requests may be sent twice, the client's settings, what is logged. */
class HttpTransportTest {

    static final String SECRET = "hdr-secret-0a1b2c3d";

    MockWebServer server;
    ConnectionSettings settings;
    HttpTransport transport;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        settings = ConnectionSettings.of(server.url("/").uri(), new Authentication.ApiKey(Secret.of(SECRET)));
        transport = new HttpTransport(settings, new OkHttpClient());
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    Request.Builder request() {
        return new Request.Builder().url(server.url("/v1/projects/p/items?secretQuery=" + SECRET))
                .header("X-Api-Key", SECRET);
    }

    static RequestBody json(String body) {
        return RequestBody.create(body, MediaType.get("application/json"));
    }

    @Test
    void theConnectionsClientTakesItsTimeoutsAndNeverRetriesOrRedirectsOnItsOwn() {
        OkHttpClient base = new OkHttpClient();
        OkHttpClient c = HttpTransport.connectionClient(settings.withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(7),
                Duration.ofSeconds(11)), base);
        assertEquals(3_000, c.connectTimeoutMillis());
        assertEquals(7_000, c.readTimeoutMillis());
        assertEquals(7_000, c.writeTimeoutMillis());
        assertEquals(11_000, c.callTimeoutMillis());
        assertFalse(c.retryOnConnectionFailure());
        assertFalse(c.followRedirects());
        assertFalse(c.followSslRedirects());
        assertSame(base.dispatcher(), c.dispatcher(), "connections share the base client's threads");
    }

    @Test
    void anyAnswerIsReturnedReadInFullAndNeverRetried() {
        server.enqueue(new MockResponse().setResponseCode(503).setHeader("Content-Type", "text/plain").setBody("busy"));
        HttpAnswer a = transport.execute("Reading", request().get().build());
        assertEquals(503, a.status());
        assertEquals("text/plain", a.contentType());
        assertEquals("busy", a.body());
        assertFalse(a.isSuccessful());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void readsAreRetriedAfterANetworkFailure() {
        for (String method : List.of("GET", "HEAD")) {
            int before = server.getRequestCount();
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
            server.enqueue(new MockResponse().setBody(method.equals("HEAD") ? "" : "ok"));
            HttpAnswer a = transport.execute("Reading", request().method(method, null).build());
            assertEquals(200, a.status(), method);
            assertEquals(before + 3, server.getRequestCount(), method);
        }
    }

    @Test
    void noOtherMethodIsEverSentTwice() {
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            int before = server.getRequestCount();
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
            server.enqueue(new MockResponse().setBody("what a second attempt would get"));
            RequestBody body = method.equals("DELETE") ? null : json("{}");
            GatewayException e = assertThrows(GatewayException.class,
                    () -> transport.execute("Changing", request().method(method, body).build()), method);
            assertEquals(Failure.NetworkProblem.CLOSED, assertInstanceOf(Failure.Network.class, e.failure()).problem());
            assertEquals(before + 1, server.getRequestCount(), method + " was sent more than once");
            assertTrue(e.getMessage().startsWith("Changing failed: the connection was closed without an answer ("),
                    e.getMessage());
            // Take the spare answer so the next method starts clean.
            assertEquals("what a second attempt would get", transport.execute("x", request().get().build()).body());
        }
        assertFalse(HttpTransport.isRetried("POST"));
        assertTrue(HttpTransport.isRetried("GET"));
    }

    @Test
    void debugLogsTellMethodPathStatusAndTimeButNoHeaderQueryOrBody() {
        Logger jul = Logger.getLogger(HttpTransport.class.getName());
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(Level.ALL);
        Level old = jul.getLevel();
        jul.setLevel(Level.FINE);
        jul.addHandler(handler);
        try {
            server.enqueue(new MockResponse().setResponseCode(400).setBody("{\"detail\":\"answer body " + SECRET + "\"}"));
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
            transport.execute("x", request().post(json("{\"publicKeyPem\":\"request body\"}")).build());
            assertThrows(GatewayException.class,
                    () -> transport.execute("x", request().patch(json("{\"label\":\"request body\"}")).build()));
        } finally {
            jul.removeHandler(handler);
            jul.setLevel(old);
        }
        assertEquals(2, records.size(), records.toString());
        String first = records.get(0).getMessage();
        assertTrue(first.matches("POST /v1/projects/p/items -> 400 in \\d+ ms"), first);
        assertTrue(records.get(1).getMessage().startsWith("PATCH /v1/projects/p/items failed after "),
                records.get(1).getMessage());
        for (LogRecord r : records) {
            assertEquals(Level.FINE, r.getLevel());
            assertFalse(r.getMessage().contains(SECRET), r.getMessage());
            assertFalse(r.getMessage().contains("body"), r.getMessage());
            assertFalse(r.getMessage().contains("secretQuery"), r.getMessage());
        }
    }
}
