package io.keyward.gateway.http;

import io.keyward.gateway.Authentication;
import io.keyward.gateway.CallObserver;
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

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.net.ssl.SSLHandshakeException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules every adapter inherits: what is sent again and after how long, what a lost answer
 * means, the timeouts, the size limit, what is logged. Waits are recorded instead of slept, except
 * where a real sleep is the point (cancelling one).
 */
class HttpTransportTest {

    static final String SECRET = "hdr-secret-0a1b2c3d";
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final List<String> CHANGES = List.of("POST", "PUT", "PATCH", "DELETE");

    MockWebServer server;
    ConnectionSettings settings;
    List<Duration> waits;
    List<String> told;
    HttpTransport transport;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        waits = new CopyOnWriteArrayList<>();
        told = new CopyOnWriteArrayList<>();
        settings = ConnectionSettings.of(server.url("/").uri(), new Authentication.ApiKey(Secret.of(SECRET)))
                .withObserver((action, attempt, of, wait, reason) ->
                        told.add(action + " | " + attempt + "/" + of + " | " + wait.toMillis() + " ms | " + reason));
        transport = transport(settings);
    }

    @AfterEach
    void stop() throws IOException {
        Thread.interrupted(); // never leak an interrupt into the next test
        server.shutdown();
    }

    /** Waits recorded, not slept; jitter in the middle of its range. */
    HttpTransport transport(ConnectionSettings s) {
        return new HttpTransport(s, new OkHttpClient(), CLOCK, waits::add, () -> 0.5);
    }

    Request.Builder request() {
        return new Request.Builder().url(server.url("/v1/projects/p/items?secretQuery=" + SECRET))
                .header("X-Api-Key", SECRET);
    }

    Request.Builder request(String method) {
        return request().method(method, method.equals("GET") || method.equals("HEAD") || method.equals("DELETE")
                ? null : json("{}"));
    }

    static RequestBody json(String body) {
        return RequestBody.create(body, MediaType.get("application/json"));
    }

    static MockResponse status(int code) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "text/plain").setBody("answer " + code);
    }

    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    // ------------------------------------------------------------------ the clients

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
    void changesTakeTheChangeTimeoutAndShareTheConnectTimeoutAndPool() {
        HttpTransport t = new HttpTransport(settings.withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(7),
                Duration.ofSeconds(11)).withMutationTimeout(Duration.ofSeconds(90)), new OkHttpClient());
        OkHttpClient changes = t.changeClient();
        assertEquals(3_000, changes.connectTimeoutMillis());
        assertEquals(90_000, changes.readTimeoutMillis());
        assertEquals(90_000, changes.callTimeoutMillis());
        assertEquals(7_000, t.client().readTimeoutMillis());
        assertEquals(11_000, t.client().callTimeoutMillis());
        assertSame(t.client().connectionPool(), changes.connectionPool());
        assertSame(t.client().dispatcher(), changes.dispatcher());
        assertFalse(changes.retryOnConnectionFailure());
        assertFalse(changes.followRedirects());
    }

    // ------------------------------------------------------------------ which answers a read retries

    @Test
    void aReadIsRetriedAfter502503504And429UpTo1PlusNAttemptsAndGetsTheLastAnswer() {
        for (int code : List.of(502, 503, 504, 429)) {
            int before = server.getRequestCount();
            waits.clear();
            told.clear();
            server.enqueue(status(code).setBody("first"));
            server.enqueue(status(code).setBody("second"));
            server.enqueue(status(code).setBody("last"));
            server.enqueue(new MockResponse().setBody("what a fourth attempt would get"));

            HttpAnswer a = transport.execute("Reading", request("GET").build());

            assertEquals(code, a.status());
            assertEquals("last", a.body(), "the failure is the last attempt's");
            assertEquals(before + 3, server.getRequestCount(), "1 attempt + 2 retries for HTTP " + code);
            assertEquals(2, waits.size());
            assertEquals(List.of("Reading | 2/3 | " + waits.get(0).toMillis() + " ms | HTTP " + code,
                    "Reading | 3/3 | " + waits.get(1).toMillis() + " ms | HTTP " + code), told);
            assertEquals("what a fourth attempt would get", transport.execute("x", request("GET").build()).body());
        }
    }

    @Test
    void aRetriedReadThatSucceedsReturnsTheSuccess() {
        server.enqueue(status(503));
        server.enqueue(new MockResponse().setBody("ok"));
        assertEquals("ok", transport.execute("Reading", request("GET").build()).body());
        assertEquals(2, server.getRequestCount());
        assertEquals(1, told.size());
    }

    @Test
    void otherStatusesAreAnswersAndNeverRetried() {
        for (int code : List.of(500, 501, 400, 401, 403, 404, 409, 422, 301)) {
            int before = server.getRequestCount();
            server.enqueue(status(code));
            server.enqueue(new MockResponse().setBody("what a retry would get"));
            HttpAnswer a = transport.execute("Reading", request("GET").build());
            assertEquals(code, a.status());
            assertEquals(before + 1, server.getRequestCount(), "HTTP " + code + " was retried");
            transport.execute("x", request("GET").build()); // the spare
        }
        assertTrue(told.isEmpty(), told.toString());
        assertTrue(waits.isEmpty());
    }

    @Test
    void noRetriesMeansOneAttempt() {
        HttpTransport once = transport(settings.withReadRetries(0));
        server.enqueue(status(503));
        assertEquals(503, once.execute("Reading", request("GET").build()).status());
        assertEquals(1, server.getRequestCount());
        assertTrue(told.isEmpty());
    }

    // ------------------------------------------------------------------ how long a read waits

    @Test
    void retryAfterInSecondsIsHonouredUpToTheLongestWait() {
        HttpTransport t = transport(settings.withMaxRetryWait(Duration.ofSeconds(5)).withReadRetries(1));
        server.enqueue(status(429).setHeader("Retry-After", "2"));
        server.enqueue(status(429).setHeader("Retry-After", "2"));
        HttpAnswer a = t.execute("Loading keys", request("GET").build());
        assertEquals(429, a.status());
        assertEquals("2", a.header("Retry-After"), "the last answer keeps its header for the adapter");
        assertEquals(List.of(Duration.ofSeconds(2)), waits);
        assertEquals(List.of("Loading keys | 2/2 | 2000 ms | HTTP 429"), told);

        waits.clear();
        HttpTransport capped = transport(settings.withMaxRetryWait(Duration.ofMillis(1500)).withReadRetries(1));
        server.enqueue(status(503).setHeader("Retry-After", "2"));
        server.enqueue(status(503));
        capped.execute("x", request("GET").build());
        assertEquals(List.of(Duration.ofMillis(1500)), waits, "capped at the longest wait");
    }

    @Test
    void retryAfterAsAnHttpDateIsHonouredUpToTheLongestWait() {
        HttpTransport t = transport(settings.withMaxRetryWait(Duration.ofSeconds(10)).withReadRetries(3));
        server.enqueue(status(503).setHeader("Retry-After", "Sun, 01 Mar 2026 12:00:04 GMT"));
        server.enqueue(status(503).setHeader("Retry-After", "Sun, 01 Mar 2026 11:59:00 GMT")); // past: now
        server.enqueue(status(429).setHeader("Retry-After", "Sun, 01 Mar 2026 13:00:00 GMT")); // an hour: capped
        server.enqueue(new MockResponse().setBody("ok"));
        assertEquals(200, t.execute("x", request("GET").build()).status());
        assertEquals(List.of(Duration.ofSeconds(4), Duration.ofSeconds(10)), waits, "a zero wait is not slept");
        assertEquals(3, told.size());
        assertTrue(told.get(1).contains("| 0 ms |"), told.toString());
    }

    @Test
    void garbageOrHugeRetryAfterValues() {
        HttpTransport t = transport(settings.withMaxRetryWait(Duration.ofSeconds(3)).withReadRetries(3));
        server.enqueue(status(503).setHeader("Retry-After", "soon"));
        server.enqueue(status(503).setHeader("Retry-After", "99999999999999999999999999"));
        server.enqueue(status(503).setHeader("Retry-After", "86400"));
        server.enqueue(new MockResponse().setBody("ok"));
        t.execute("x", request("GET").build());
        assertEquals(List.of(HttpTransport.backoff(1, Duration.ofSeconds(3), 0.5), Duration.ofSeconds(3),
                Duration.ofSeconds(3)), waits, "unreadable: the backoff; huge: the longest wait");
        assertEquals(187, waits.get(0).toMillis(), "in [125, 250] ms, jitter 0.5");
    }

    @Test
    void withoutRetryAfterTheBodysRetryAfterCounts() {
        HttpTransport t = transport(settings.withMaxRetryWait(Duration.ofSeconds(30)).withReadRetries(3));
        server.enqueue(status(429).setHeader("Content-Type", "application/json")
                .setBody("{\"error\":\"rate_limit_exceeded\",\"retry_after\":7}"));
        server.enqueue(status(429).setHeader("Content-Type", "application/problem+json")
                .setBody("{\"status\":429,\"retryAfter\":\"2026-03-01T12:00:09Z\"}"));
        server.enqueue(status(429).setHeader("Retry-After", "1").setHeader("Content-Type", "application/json")
                .setBody("{\"retry_after\":20}"));
        server.enqueue(new MockResponse().setBody("ok"));
        t.execute("x", request("GET").build());
        assertEquals(List.of(Duration.ofSeconds(7), Duration.ofSeconds(9), Duration.ofSeconds(1)), waits,
                "the header first, as HTTP defines it; then the body");
    }

    @Test
    void theBackoffDoublesIsJitteredWithinItsUpperHalfAndIsCapped() {
        Duration cap = Duration.ofSeconds(10);
        long[] ceilings = {250, 500, 1000, 2000, 4000, 8000, 10_000, 10_000};
        for (int attempt = 1; attempt <= ceilings.length; attempt++) {
            long ceiling = ceilings[attempt - 1];
            assertEquals(ceiling / 2, HttpTransport.backoff(attempt, cap, 0).toMillis(), "attempt " + attempt);
            long top = HttpTransport.backoff(attempt, cap, 0.999_999).toMillis();
            assertTrue(top <= ceiling && top >= ceiling - 1, "attempt " + attempt + ": " + top);
        }
        assertEquals(Duration.ofMillis(40), HttpTransport.backoff(3, Duration.ofMillis(80), 0));
        assertEquals(Duration.ZERO, HttpTransport.backoff(1, Duration.ZERO, 0.7));
        assertEquals(Duration.ofSeconds(10), HttpTransport.backoff(200, cap, 1.0), "no overflow for a big attempt");

        // Real randomness stays in bounds.
        HttpTransport random = new HttpTransport(settings, new OkHttpClient());
        for (int i = 0; i < 200; i++) {
            long ms = random.backoff(2).toMillis();
            assertTrue(ms >= 250 && ms <= 500, ms + " ms");
        }
    }

    // ------------------------------------------------------------------ reads that got no answer

    @Test
    void aReadIsRetriedAfterEveryKindOfLostAnswerAndThenIsANetworkFailure() {
        HttpTransport t = transport(settings.withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(200),
                Duration.ofSeconds(5)));
        for (SocketPolicy policy : List.of(SocketPolicy.DISCONNECT_AFTER_REQUEST, SocketPolicy.NO_RESPONSE,
                SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY)) {
            int before = server.getRequestCount();
            told.clear();
            for (int i = 0; i < 3; i++) {
                server.enqueue(new MockResponse().setBody("{\"items\": [1, 2, 3, 4, 5, 6]}").setSocketPolicy(policy));
            }
            GatewayException e = assertThrows(GatewayException.class, () -> t.execute("Reading", request("GET").build()));
            Failure.Network n = assertInstanceOf(Failure.Network.class, e.failure(), policy.toString());
            assertEquals(policy == SocketPolicy.NO_RESPONSE ? Failure.NetworkProblem.TIMEOUT
                    : Failure.NetworkProblem.CLOSED, n.problem(), policy.toString());
            assertEquals(before + 3, server.getRequestCount(), policy.toString());
            assertTrue(e.getMessage().startsWith("Reading failed: " + n.problem().sentence() + " ("), e.getMessage());
            assertEquals(2, told.size(), told.toString());
            assertTrue(told.get(0).startsWith("Reading | 2/3 | ") && told.get(0).endsWith(n.problem().sentence()),
                    told.toString());
        }
    }

    @Test
    void aRefusedReadIsRetriedToo() throws IOException {
        int port = closedPort();
        HttpTransport t = transport(settings.withReadRetries(1));
        Request r = new Request.Builder().url("http://127.0.0.1:" + port + "/v1/projects").build();
        GatewayException e = assertThrows(GatewayException.class, () -> t.execute("Loading projects", r));
        assertEquals(new Failure.Network(Failure.NetworkProblem.REFUSED), e.failure());
        assertEquals("Loading projects failed: the connection was refused (127.0.0.1:" + port + ").", e.getMessage());
        assertEquals(List.of("Loading projects | 2/2 | 187 ms | the connection was refused"), told);
    }

    // ------------------------------------------------------------------ cancelling

    @Test
    void anInterruptEndsABackoffAtOnceAndNoFurtherRequestIsMade() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        HttpTransport t = new HttpTransport(settings.withMaxRetryWait(Duration.ofSeconds(20))
                .withObserver((a, attempt, of, wait, reason) -> waiting.countDown()), new OkHttpClient());
        for (int i = 0; i < 3; i++) {
            server.enqueue(status(503).setHeader("Retry-After", "20"));
        }
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread loader = new Thread(() -> {
            try {
                t.execute("Loading keys", request("GET").build());
            } catch (Throwable e) {
                thrown.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        loader.start();
        assertTrue(waiting.await(5, TimeUnit.SECONDS), "the first attempt's 503 starts a 20 s wait");
        Thread.sleep(100); // into the sleep
        long interrupted = System.nanoTime();
        loader.interrupt();
        loader.join(5_000);

        assertFalse(loader.isAlive());
        long took = (System.nanoTime() - interrupted) / 1_000_000;
        assertTrue(took < 1_000, "the wait ended " + took + " ms after the interrupt");
        GatewayException e = assertInstanceOf(GatewayException.class, thrown.get());
        assertEquals("Loading keys was cancelled.", e.getMessage());
        assertInstanceOf(InterruptedException.class, e.getCause());
        assertTrue(stillInterrupted.get(), "the interrupt flag is restored for the task runner");
        Thread.sleep(300);
        assertEquals(1, server.getRequestCount(), "no attempt after the interrupt");
    }

    @Test
    void anInterruptedThreadStartsNoAttemptAtAll() {
        for (String method : List.of("GET", "DELETE", "POST")) {
            Thread.currentThread().interrupt();
            GatewayException e = assertThrows(GatewayException.class,
                    () -> transport.execute("Working", request(method).build()));
            assertTrue(Thread.interrupted(), "the flag stays set");
            assertTrue(e.getMessage().startsWith("Working was cancelled"), e.getMessage());
            assertInstanceOf(Failure.Network.class, e.failure(), "nothing was sent, so nothing is unknown");
        }
        assertEquals(0, server.getRequestCount());
    }

    // ------------------------------------------------------------------ changes are sent once

    @Test
    void aChangeIsNeverRetriedWhateverTheStatus() {
        for (String method : CHANGES) {
            for (int code : List.of(502, 503, 504, 429, 500, 408)) {
                int before = server.getRequestCount();
                // Retry-After: 0 on a 503 makes OkHttp itself resend any request, unless the transport stops it.
                server.enqueue(status(code).setHeader("Retry-After", "0"));
                server.enqueue(new MockResponse().setBody("what a second attempt would get"));
                HttpAnswer a = transport.execute("Changing", request(method).build());
                assertEquals(code, a.status(), method);
                assertEquals("0", a.header("Retry-After"), "the header arrives as the server sent it");
                assertNull(a.header(HttpTransport.DEFERRED_RETRY_AFTER));
                assertEquals(before + 1, server.getRequestCount(), method + " after HTTP " + code + " was sent twice");
                assertEquals("what a second attempt would get", transport.execute("x", request("GET").build()).body());
            }
        }
        assertTrue(told.isEmpty(), told.toString());
    }

    @Test
    void a503WithRetryAfterZeroIsRetriedByTheTransportAloneForAReadToo() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(status(503).setHeader("Retry-After", "0"));
        }
        server.enqueue(new MockResponse().setBody("what an extra attempt would get"));
        assertEquals(503, transport.execute("x", request("GET").build()).status());
        assertEquals(3, server.getRequestCount(), "OkHttp's own resend would make it 6");
    }

    @Test
    void aChangeSentWithoutAnAnswerHasAnUnknownOutcome() {
        HttpTransport t = transport(settings.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofSeconds(10)).withMutationTimeout(Duration.ofMillis(300)));
        for (String method : CHANGES) {
            for (SocketPolicy policy : List.of(SocketPolicy.NO_RESPONSE, SocketPolicy.DISCONNECT_AFTER_REQUEST,
                    SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY)) {
                int before = server.getRequestCount();
                server.enqueue(new MockResponse().setBody("{\"success\": true, \"padding\": \"0123456789\"}")
                        .setSocketPolicy(policy));
                server.enqueue(new MockResponse().setBody("what a second attempt would get"));
                GatewayException e = assertThrows(GatewayException.class,
                        () -> t.execute("Deleting key \u201Ck\u201D in project \u201Cp\u201D", request(method).build()));
                String what = method + " " + policy;
                Failure.OutcomeUnknown u = assertInstanceOf(Failure.OutcomeUnknown.class, e.failure(), what);
                assertEquals(before + 1, server.getRequestCount(), what + " was sent twice");
                assertFalse(e.getMessage().contains("failed"), what + ": " + e.getMessage());
                switch (policy) {
                    case NO_RESPONSE -> assertEquals("Deleting key \u201Ck\u201D in project \u201Cp\u201D: no answer came "
                            + "(the server did not answer in time), so it is unknown whether it happened; reload to check.",
                            e.getMessage());
                    case DISCONNECT_AFTER_REQUEST -> assertEquals("Deleting key \u201Ck\u201D in project \u201Cp\u201D: no "
                            + "answer came (the connection was closed without an answer), so it is unknown whether it "
                            + "happened; reload to check.", e.getMessage());
                    default -> {
                        assertEquals("Deleting key \u201Ck\u201D in project \u201Cp\u201D: the server answered HTTP 200, "
                                + "but its answer broke off (the connection was closed), so it is unknown whether it "
                                + "happened; reload to check.", e.getMessage());
                        assertEquals(200, e.httpStatus());
                    }
                }
                assertEquals(policy == SocketPolicy.NO_RESPONSE ? Failure.NetworkProblem.TIMEOUT
                        : Failure.NetworkProblem.CLOSED, u.problem(), what);
                assertEquals("what a second attempt would get", t.execute("x", request("GET").build()).body());
            }
        }
    }

    @Test
    void aChangeCutOffByTheCallTimeoutHasAnUnknownOutcome() {
        // Every byte comes within the read timeout, the whole answer not within the call timeout.
        HttpTransport t = transport(settings.withMutationTimeout(Duration.ofMillis(400)));
        server.enqueue(new MockResponse().setBody("{\"success\": true}").throttleBody(1, 100, TimeUnit.MILLISECONDS));
        GatewayException e = assertThrows(GatewayException.class,
                () -> t.execute("Updating", request("PATCH").build(), "reload the list to check"));
        assertEquals(new Failure.OutcomeUnknown(Failure.NetworkProblem.TIMEOUT), e.failure());
        assertEquals("Updating: the server answered HTTP 200, but its answer broke off (the rest did not arrive in "
                + "time), so it is unknown whether it happened; reload the list to check.", e.getMessage());
    }

    @Test
    void aChangeThatCouldNotConnectFailedAndSaysNothingWasSent() throws IOException {
        int port = closedPort();
        for (String method : CHANGES) {
            Request r = new Request.Builder().url("http://127.0.0.1:" + port + "/v1/keys/k")
                    .method(method, method.equals("DELETE") ? null : json("{}")).build();
            GatewayException e = assertThrows(GatewayException.class, () -> transport.execute("Deleting key", r));
            assertEquals(new Failure.Network(Failure.NetworkProblem.REFUSED), e.failure(), method);
            assertEquals("Deleting key failed: the connection was refused (127.0.0.1:" + port + "), so nothing was sent.",
                    e.getMessage());
        }
        Request unknownHost = new Request.Builder().url("http://keyward-no-such-host.invalid/v1/keys/k").delete().build();
        GatewayException e = assertThrows(GatewayException.class, () -> transport.execute("Deleting key", unknownHost));
        assertEquals(new Failure.Network(Failure.NetworkProblem.UNKNOWN_HOST), e.failure());
        assertTrue(e.getMessage().endsWith(", so nothing was sent."), e.getMessage());
        assertTrue(told.isEmpty());
    }

    @Test
    void aFailedTlsHandshakeSentNothing() throws Exception {
        // A plain-HTTP server behind an https URL: the handshake fails before the request is written.
        try (ServerSocket plain = new ServerSocket(0)) {
            Thread answering = new Thread(() -> {
                try (java.net.Socket s = plain.accept()) {
                    s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                    s.getInputStream().read();
                } catch (IOException ignored) {
                    // the client gave up
                }
            });
            answering.setDaemon(true);
            answering.start();
            Request r = new Request.Builder().url("https://127.0.0.1:" + plain.getLocalPort() + "/v1/keys/k").delete().build();
            GatewayException e = assertThrows(GatewayException.class, () -> transport.execute("Deleting key", r));
            assertEquals(new Failure.Network(Failure.NetworkProblem.TLS), e.failure(), e.getMessage());
            assertTrue(e.getMessage().endsWith(", so nothing was sent."), e.getMessage());
        }
    }

    @Test
    void aHandshakeThatTimedOutSentNothingThoughItIsATimeout() {
        // MockWebServer waits for a request line that a TLS ClientHello never completes.
        Request r = new Request.Builder().url(server.url("/v1/keys/k").newBuilder().scheme("https").build()).delete().build();
        HttpTransport t = transport(settings.withMutationTimeout(Duration.ofMillis(400)));
        GatewayException e = assertThrows(GatewayException.class, () -> t.execute("Deleting key", r));
        assertEquals(new Failure.Network(Failure.NetworkProblem.TIMEOUT), e.failure(), e.getMessage());
        assertTrue(e.getMessage().endsWith(", so nothing was sent."), e.getMessage());
    }

    @Test
    void aSignInIsSentOnceAndALostAnswerIsAPlainFailure() {
        server.enqueue(status(503).setHeader("Retry-After", "0"));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(new MockResponse().setBody("spare"));
        assertEquals(503, transport.sendOnce("Signing in", request("POST").build()).status());
        GatewayException e = assertThrows(GatewayException.class,
                () -> transport.sendOnce("Signing in", request("POST").build()));
        assertEquals(new Failure.Network(Failure.NetworkProblem.CLOSED), e.failure());
        assertTrue(e.getMessage().startsWith("Signing in failed: the connection was closed without an answer ("),
                e.getMessage());
        assertEquals(2, server.getRequestCount());
        assertTrue(told.isEmpty());
    }

    @Test
    void theExceptionMappingNamesTheProblem() {
        assertEquals(Failure.NetworkProblem.REFUSED, HttpFailures.networkProblem(new ConnectException("refused")));
        assertEquals(Failure.NetworkProblem.UNKNOWN_HOST, HttpFailures.networkProblem(new UnknownHostException("x")));
        assertEquals(Failure.NetworkProblem.TLS, HttpFailures.networkProblem(new SSLHandshakeException("bad cert")));
        assertEquals(Failure.NetworkProblem.TIMEOUT, HttpFailures.networkProblem(new SocketTimeoutException("Read timed out")));
        assertEquals(Failure.NetworkProblem.TIMEOUT, HttpFailures.networkProblem(new InterruptedIOException("timeout")));
        assertEquals(Failure.NetworkProblem.CLOSED, HttpFailures.networkProblem(new EOFException("\\n not found")));
        assertEquals(Failure.NetworkProblem.CLOSED, HttpFailures.networkProblem(new SocketException("Connection reset")));
        assertEquals(Failure.NetworkProblem.CLOSED, HttpFailures.networkProblem(new IOException("unexpected end of stream on x")));
        assertEquals(Failure.NetworkProblem.OTHER, HttpFailures.networkProblem(new IOException("something")));

        // After sending, a problem that only happens before sending reads as "the connection failed".
        GatewayException tls = HttpFailures.outcomeUnknown("Deleting", new SSLHandshakeException("alert"), "reload to check");
        assertEquals(new Failure.OutcomeUnknown(Failure.NetworkProblem.OTHER), tls.failure());
        assertEquals("Deleting: no answer came (the connection failed), so it is unknown whether it happened; reload to check.",
                tls.getMessage());
    }

    // ------------------------------------------------------------------ the change timeout

    @Test
    void aChangeMayTakeLongerThanAReadButAReadMayNot() {
        HttpTransport t = transport(settings.withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(250),
                Duration.ofMillis(400)).withMutationTimeout(Duration.ofSeconds(3)).withReadRetries(0));
        server.enqueue(new MockResponse().setBody("{\"success\":true}").setHeadersDelay(700, TimeUnit.MILLISECONDS));
        HttpAnswer patched = t.execute("Updating", request("PATCH").build());
        assertEquals(200, patched.status());
        assertEquals("{\"success\":true}", patched.body());

        server.enqueue(new MockResponse().setBody("[]").setHeadersDelay(700, TimeUnit.MILLISECONDS));
        GatewayException e = assertThrows(GatewayException.class, () -> t.execute("Loading", request("GET").build()));
        assertEquals(new Failure.Network(Failure.NetworkProblem.TIMEOUT), e.failure());
        assertEquals(2, server.getRequestCount());
    }

    // ------------------------------------------------------------------ the size limit

    @Test
    void anAnswerWhoseContentLengthIsOverTheLimitIsNotRead() {
        HttpTransport t = transport(settings.withMaxResponseBytes(1024));
        server.enqueue(new MockResponse().setBody("x".repeat(1025)));
        GatewayException e = assertThrows(GatewayException.class,
                () -> t.execute("Loading JWKs of project \u201Cp\u201D", request("GET").build()));
        assertEquals("Loading JWKs of project \u201Cp\u201D failed: the answer was larger than 1 KiB, the limit set for "
                + "this connection.", e.getMessage());
        assertInstanceOf(Failure.Protocol.class, e.failure());
        assertEquals(200, e.httpStatus());
        assertEquals(1, server.getRequestCount(), "a size is no reason to try again");

        // A Content-Length of 100 MB is refused before any of it is read.
        server.enqueue(new MockResponse().setBody("[]").setHeader("Content-Length", 100_000_000));
        long start = System.nanoTime();
        assertThrows(GatewayException.class, () -> t.execute("Loading", request("GET").build()));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2));
    }

    @Test
    void aChunkedAnswerOverTheLimitIsCutAtTheLimit() {
        HttpTransport t = transport(settings.withMaxResponseBytes(1024));
        server.enqueue(new MockResponse().setChunkedBody("y".repeat(1025), 100));
        GatewayException e = assertThrows(GatewayException.class, () -> t.execute("Loading", request("GET").build()));
        assertEquals("Loading failed: the answer was larger than 1 KiB, the limit set for this connection.", e.getMessage());
    }

    @Test
    void anAnswerOfExactlyTheLimitIsRead() {
        HttpTransport t = transport(settings.withMaxResponseBytes(1000));
        server.enqueue(new MockResponse().setBody("z".repeat(1000)));
        server.enqueue(new MockResponse().setChunkedBody("w".repeat(1000), 64));
        assertEquals("z".repeat(1000), t.execute("x", request("GET").build()).body());
        assertEquals("w".repeat(1000), t.execute("x", request("GET").build()).body());
        assertEquals(ConnectionSettings.DEFAULT_MAX_RESPONSE_BYTES, settings.maxResponseBytes());
        assertEquals("64 MiB", HttpFailures.bytes(settings.maxResponseBytes()));
        assertEquals("1000 bytes", HttpFailures.bytes(1000));
    }

    @Test
    void aSuccessfulChangeWithAnAnswerOverTheLimitSaysItWasAccepted() {
        HttpTransport t = transport(settings.withMaxResponseBytes(2048));
        server.enqueue(new MockResponse().setResponseCode(201).setBody("{\"kid\": \"" + "k".repeat(4096) + "\"}"));
        GatewayException e = assertThrows(GatewayException.class, () -> t.execute("Creating JWT key \u201Ca\u201D",
                request("POST").build(), "reload the list to check before creating it again"));
        assertEquals("Creating JWT key \u201Ca\u201D: the server accepted it (HTTP 201), but its answer was larger than "
                + "2 KiB, the limit set for this connection, so it was not read; reload to see the result.", e.getMessage());
        assertEquals(201, e.httpStatus());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void anErrorBodyIsReadOnlyAsFarAsItsPrefixWhateverItClaimsAndTheLimit() throws Exception {
        try (EndlessServer endless = new EndlessServer("HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\n"
                + "Content-Length: 104857600\r\n\r\n<html><title>502 Bad Gateway</title>")) {
            HttpTransport t = transport(settings.withReadRetries(0).withMaxResponseBytes(Long.MAX_VALUE));
            long start = System.nanoTime();
            HttpAnswer a = t.execute("x", new Request.Builder().url(endless.url()).build());
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "read only its prefix");
            assertEquals(502, a.status());
            assertEquals(HttpTransport.ERROR_BODY_PREFIX, a.body().length());
            assertTrue(a.body().startsWith("<html><title>502 Bad Gateway</title>xxxx"));
        }
    }

    @Test
    void anEndlessSuccessfulBodyStopsAtTheLimit() throws Exception {
        try (EndlessServer endless = new EndlessServer("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n", true)) {
            HttpTransport t = transport(settings.withMaxResponseBytes(1024 * 1024));
            GatewayException e = assertThrows(GatewayException.class,
                    () -> t.execute("Loading", new Request.Builder().url(endless.url()).build()));
            assertEquals("Loading failed: the answer was larger than 1 MiB, the limit set for this connection.",
                    e.getMessage());
            assertEquals(1, endless.connections(), "not retried");
        }
    }

    @Test
    void anErrorBodyThatBrokeOffKeepsWhatArrived() {
        server.enqueue(status(400).setHeader("Content-Type", "application/json")
                .setBody("{\"detail\": \"bad name\", \"more\": \"" + "m".repeat(200) + "\"}")
                .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        HttpAnswer a = transport.execute("Renaming", request("PATCH").build());
        assertEquals(400, a.status(), "the status is the answer");
        assertTrue(a.body().startsWith("{\"detail\": \"bad name\""), a.body());
    }

    // ------------------------------------------------------------------ reads parsed as they stream

    /** Reads the whole stream as text in the charset given: what a parser sees. */
    static final HttpTransport.BodyParser<String> TEXT = (body, charset) -> new String(body.readAllBytes(), charset);

    @Test
    void aStreamedReadHandsTheParserTheBodyAndKeepsItsFirstBytesForQuoting() {
        String big = "{\"resultList\": [\"" + "r".repeat(40_000) + "\"]}";
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setChunkedBody(big, 1000));
        HttpTransport.Streamed<String> s = transport.read("Loading", request("GET").build(), TEXT);
        assertEquals(200, s.answer().status());
        assertEquals(big, s.value());
        assertEquals(big.substring(0, HttpTransport.ERROR_BODY_PREFIX), s.answer().body());
    }

    @Test
    void aStreamedReadIsRetriedLikeAnyReadAndAnUnsuccessfulAnswerIsNotParsed() {
        server.enqueue(status(503));
        server.enqueue(new MockResponse().setBody("{\"items\": [1, 2, 3]}")
                .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        server.enqueue(new MockResponse().setBody("{\"items\": []}"));
        assertEquals("{\"items\": []}", transport.read("Loading", request("GET").build(), TEXT).value());
        assertEquals(3, server.getRequestCount(), "a 503 and a body that broke off are tried again");

        server.enqueue(status(404).setBody("{\"detail\": \"no such project\"}"));
        HttpTransport.Streamed<String> s = transport.read("Loading", request("GET").build(), (body, cs) -> {
            throw new AssertionError("an error body is no list");
        });
        assertEquals(404, s.answer().status());
        assertNull(s.value());
        assertEquals("{\"detail\": \"no such project\"}", s.answer().body());
    }

    @Test
    void aStreamedBodyOverTheLimitFailsAsAReadOfItWould() {
        HttpTransport t = transport(settings.withMaxResponseBytes(1024));
        server.enqueue(new MockResponse().setChunkedBody("y".repeat(1025), 100));
        GatewayException e = assertThrows(GatewayException.class, () -> t.read("Loading", request("GET").build(), TEXT));
        assertEquals("Loading failed: the answer was larger than 1 KiB, the limit set for this connection.", e.getMessage());
        assertEquals(1, server.getRequestCount(), "a size is no reason to try again");

        server.enqueue(new MockResponse().setBody("[]").setHeader("Content-Length", 100_000_000));
        assertThrows(GatewayException.class, () -> t.read("Loading", request("GET").build(),
                (body, cs) -> { throw new AssertionError("not read at all"); }));

        server.enqueue(new MockResponse().setChunkedBody("w".repeat(1024), 64));
        assertEquals("w".repeat(1024), t.read("x", request("GET").build(), TEXT).value(), "exactly the limit is read");
    }

    @Test
    void aStreamedBodysCharsetComesFromItsByteOrderMarkElseItsContentType() {
        okio.Buffer utf16 = new okio.Buffer().write(okio.ByteString.decodeHex("feff"))
                .writeString("{\"n\": \"\u00e7\"}", StandardCharsets.UTF_16BE);
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(utf16));
        assertEquals("{\"n\": \"\u00e7\"}", transport.read("x", request("GET").build(), TEXT).value());

        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json; charset=ISO-8859-1")
                .setBody(new okio.Buffer().writeString("{\"n\": \"\u00e7\"}", StandardCharsets.ISO_8859_1)));
        HttpTransport.Streamed<String> latin = transport.read("x", request("GET").build(), TEXT);
        assertEquals("{\"n\": \"\u00e7\"}", latin.value());
        assertEquals("{\"n\": \"\u00e7\"}", latin.answer().body());

        server.enqueue(new MockResponse().setBody(new okio.Buffer().write(okio.ByteString.decodeHex("efbbbf"))
                .writeUtf8("{}")));
        assertEquals("{}", transport.read("x", request("GET").build(), TEXT).value(), "a UTF-8 byte order mark is skipped");
    }

    @Test
    void onlyReadsAreStreamed() {
        assertThrows(IllegalArgumentException.class, () -> transport.read("x", request("DELETE").build(), TEXT));
        assertEquals(0, server.getRequestCount());
    }

    // ------------------------------------------------------------------ logs

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

    @Test
    void anObserverThatThrowsDoesNotEndTheRead() {
        HttpTransport t = transport(settings.withObserver((a, attempt, of, wait, reason) -> {
            throw new IllegalStateException("the status line broke");
        }));
        server.enqueue(status(502));
        server.enqueue(new MockResponse().setBody("ok"));
        assertEquals("ok", t.execute("x", request("GET").build()).body());
    }

    @Test
    void theNoOpObserverIsTheDefault() {
        assertSame(CallObserver.NONE, ConnectionSettings.of(URI.create("http://127.0.0.1/"),
                new Authentication.ApiKey(Secret.of(SECRET))).observer());
    }

    /**
     * Answers every connection with a fixed head and then bytes until the client hangs up: a body
     * too large to hold, without holding it in the test either.
     */
    static final class EndlessServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0);
        private final Thread thread;
        private final java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();

        EndlessServer(String head) throws IOException {
            this(head, false);
        }

        EndlessServer(String head, boolean chunked) throws IOException {
            thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (java.net.Socket s = socket.accept()) {
                        connections.incrementAndGet();
                        java.io.InputStream in = s.getInputStream();
                        int matched = 0;
                        while (matched < 4) { // to the end of the request's head
                            int c = in.read();
                            if (c < 0) {
                                break;
                            }
                            matched = (c == "\r\n\r\n".charAt(matched)) ? matched + 1 : (c == '\r' ? 1 : 0);
                        }
                        java.io.OutputStream out = s.getOutputStream();
                        out.write(head.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                        byte[] block = "x".repeat(8192).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                        byte[] chunkHead = "2000\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                        byte[] crlf = "\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                        while (written.get() < 200_000_000L) {
                            if (chunked) {
                                out.write(chunkHead);
                            }
                            out.write(block);
                            if (chunked) {
                                out.write(crlf);
                            }
                            written.addAndGet(block.length);
                        }
                    } catch (IOException hungUp) {
                        // the client closed: what the test wants
                    }
                }
            }, "endless-server");
            thread.setDaemon(true);
            thread.start();
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/v1/projects";
        }

        long written() {
            return written.get();
        }

        int connections() {
            return connections.get();
        }

        @Override
        public void close() throws Exception {
            socket.close();
            thread.join(2_000);
        }
    }
}
