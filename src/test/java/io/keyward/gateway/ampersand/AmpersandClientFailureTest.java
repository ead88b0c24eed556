package io.keyward.gateway.ampersand;

import io.keyward.gateway.Authentication;
import io.keyward.gateway.ConnectionSettings;
import io.keyward.gateway.Failure;
import io.keyward.gateway.GatewayException;
import io.keyward.gateway.ProblemDetails;
import io.keyward.gateway.http.Snippets;
import io.keyward.model.JwtKeyUpdate;
import io.keyward.model.NewJwtKey;
import io.keyward.model.Project;
import io.keyward.model.Secret;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.keyward.gateway.ampersand.AmpersandSpec.PEM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every failure kind, as the server (or the network, or a proxy) produces it, and what its message says. */
class AmpersandClientFailureTest {

    static final String API_KEY = "amp-9d8c7b6a-must-never-leak";
    static final Project PAYMENTS = new Project("proj_42", "payments", "");
    static final String KID = "550e8400-e29b-41d4-a716-446655440000";
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    MockWebServer server;
    AmpersandClient client;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        client = clientWith(settings());
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    /** Retries without waiting: how long to wait is the transport's test. */
    ConnectionSettings settings() {
        return ConnectionSettings.of(server.url("/v1").uri(), new Authentication.ApiKey(Secret.of(API_KEY)))
                .withMaxRetryWait(Duration.ZERO);
    }

    /** The same answer to a read's first attempt and its two retries. */
    void onEveryAttempt(MockResponse response) {
        for (int i = 0; i <= ConnectionSettings.DEFAULT_READ_RETRIES; i++) {
            server.enqueue(response.clone());
        }
    }

    static AmpersandClient clientWith(ConnectionSettings settings) {
        return new AmpersandClient(settings, new OkHttpClient(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    void error(int status, String contentType, String body) {
        MockResponse r = new MockResponse().setResponseCode(status).setBody(body);
        if (contentType != null) {
            r.setHeader("Content-Type", contentType);
        }
        server.enqueue(r);
    }

    void problem(int status, String body) {
        error(status, "application/problem+json", body);
    }

    /** Fails as a GatewayException with neither the API key nor PEM material anywhere a user or log can see. */
    static GatewayException fails(Executable call) {
        GatewayException e = assertThrows(GatewayException.class, call);
        List<String> visible = new java.util.ArrayList<>(List.of(e.getMessage(), String.valueOf(e.serverMessage()),
                String.valueOf(e.errorCode()), e.failure().toString(), String.valueOf(e.problem())));
        if (e.problem() != null) {
            visible.addAll(e.problem().explanation());
        }
        for (String text : visible) {
            assertFalse(text.contains(API_KEY), "API key in: " + text);
            assertFalse(text.contains("BEGIN PUBLIC KEY") || text.contains(AmpersandSpec.PEM_BODY_LINE), "PEM in: " + text);
        }
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e;
    }

    // ------------------------------------------------------------------ the published problems

    @Test
    void a400WithValidationIssuesIsValidationWithFieldErrorsAndTheProblem() {
        problem(400, AmpersandSpec.INVALID_PUBLIC_KEY);

        GatewayException e = fails(() -> client.createJwtKey(PAYMENTS, new NewJwtKey("prod-1", PEM)));

        Failure.Validation v = assertInstanceOf(Failure.Validation.class, e.failure());
        assertEquals(List.of(new Failure.FieldError("publicKeyPem", "invalid RSA public key in PEM format")), v.fieldErrors());
        assertEquals("Creating JWT key \u201Cprod-1\u201D in project \u201Cpayments\u201D failed: invalid public key (HTTP 400).",
                e.getMessage());
        assertEquals(400, e.httpStatus());
        assertEquals("https://httpstatuses.com/400", e.errorCode());
        assertEquals("invalid public key", e.serverMessage());
        ProblemDetails p = e.problem();
        assertEquals("Bad Request", p.title());
        assertEquals(400, p.status());
        assertEquals(List.of("publicKeyPem"), p.fieldNames());
        assertEquals(List.of("Field publicKeyPem: invalid RSA public key in PEM format \u2014 provide a valid RSA public key in PEM format"),
                p.explanation());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void a404WithRemedyIsNotFoundAndNamesTheKeyByItsLabelOnceKnown() {
        error(200, "application/json", "[{\"id\": \"" + KID + "\", \"label\": \"prod-1\"}]");
        client.listJwtKeys(PAYMENTS, false);
        problem(404, AmpersandSpec.KEY_NOT_FOUND);

        GatewayException e = fails(() -> client.deleteJwtKey(PAYMENTS, KID));

        assertInstanceOf(Failure.NotFound.class, e.failure());
        assertEquals("Deleting JWT key \u201Cprod-1\u201D (id 550e8400\u2026) in project \u201Cpayments\u201D failed: "
                + "JWT key not found (HTTP 404).", e.getMessage());
        assertEquals("check the key ID and project ID are both correct, and try again", e.problem().remedy());
        assertEquals(List.of("Remedy: check the key ID and project ID are both correct, and try again"),
                e.problem().explanation());
    }

    @Test
    void aKeyWhoseLabelIsNotKnownIsNamedByItsFullId() {
        problem(404, AmpersandSpec.KEY_NOT_FOUND);
        GatewayException e = fails(() -> client.getJwtKey(Project.named("payments"), KID));
        assertEquals("Loading JWT key \u201C" + KID + "\u201D in project \u201Cpayments\u201D failed: JWT key not found (HTTP 404).",
                e.getMessage());
    }

    @Test
    void aMissingProjectIsNotFound() {
        problem(404, AmpersandSpec.PROJECT_NOT_FOUND);
        GatewayException e = fails(() -> client.createJwtKey(PAYMENTS, new NewJwtKey("k", PEM)));
        assertInstanceOf(Failure.NotFound.class, e.failure());
        assertEquals(List.of("projectId"), e.problem().fieldNames());
        assertTrue(e.getMessage().endsWith("failed: project not found (HTTP 404)."), e.getMessage());
        assertEquals(1, server.getRequestCount(), "a 404 is no reason to try another reading");
    }

    @Test
    void a422MissingValueIsValidation() {
        problem(422, AmpersandSpec.MISSING_VALUE);
        GatewayException e = fails(() -> client.updateJwtKey(PAYMENTS, KID, JwtKeyUpdate.activate(true)));
        Failure.Validation v = assertInstanceOf(Failure.Validation.class, e.failure());
        assertEquals(List.of(new Failure.FieldError("jwtKey", "required field missing for specified mask")), v.fieldErrors());
        assertEquals("Activating JWT key \u201C" + KID + "\u201D in project \u201Cpayments\u201D failed: value not found "
                + "for mask (HTTP 422).", e.getMessage());
    }

    @Test
    void anInputValidationProblemKeepsNamesAndWhereTheyWere() {
        problem(400, AmpersandSpec.INPUT_VALIDATION);
        GatewayException e = fails(() -> client.listJwtKeys(PAYMENTS, false));
        Failure.Validation v = assertInstanceOf(Failure.Validation.class, e.failure());
        assertEquals(List.of("exampleNumericProperty", "items[0].examplePropertyWithPattern"),
                v.fieldErrors().stream().map(Failure.FieldError::field).toList());
        assertEquals("path", e.problem().issues().get(0).location());
        assertEquals("body", e.problem().issues().get(1).location());
        assertEquals(List.of(
                "Field exampleNumericProperty (in path): exampleNumericProperty should be numeric",
                "Field items[0].examplePropertyWithPattern (in body): examplePropertyWithPattern a2345678901 doesn't "
                        + "match pattern '^\\d{11}$'",
                "Problem instance: 123456-1234-1235-4567489798"), e.problem().explanation());
        assertEquals("Loading JWT keys of project \u201Cpayments\u201D failed: The input message is incorrect (HTTP 400).",
                e.getMessage());
    }

    @Test
    void unauthorizedSaysTheApiKeyWasNotAccepted() {
        problem(401, "{\"type\":\"https://httpstatuses.com/401\",\"title\":\"Unauthorized\",\"status\":401}");
        GatewayException e = fails(client::listProjects);
        assertTrue(e.isUnauthorized());
        assertEquals("Loading projects failed: the server did not accept the API key (HTTP 401).", e.getMessage());

        problem(401, "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"API key revoked\"}");
        assertEquals("Loading projects failed: the server did not accept the API key: API key revoked (HTTP 401).",
                fails(client::listProjects).getMessage());
    }

    @Test
    void forbiddenIsTyped() {
        problem(403, "{\"title\":\"Forbidden\",\"status\":403}");
        GatewayException e = fails(() -> client.deleteJwtKey(PAYMENTS, KID));
        assertInstanceOf(Failure.Forbidden.class, e.failure());
        assertTrue(e.getMessage().endsWith("failed: this API key is not allowed to do that (HTTP 403)."), e.getMessage());
    }

    @Test
    void aGatewaysJsonThatIsNotAProblemStillGivesItsMessage() {
        error(403, "application/json", "{\"message\":\"Forbidden by the API gateway\"}");
        GatewayException e = fails(client::listProjects);
        assertInstanceOf(Failure.Forbidden.class, e.failure());
        assertNull(e.problem());
        assertEquals("Loading projects failed: Forbidden by the API gateway (HTTP 403).", e.getMessage());
    }

    @Test
    void conflictIsAlreadyExists() {
        problem(409, "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"a key with this label already exists\"}");
        GatewayException e = fails(() -> client.createJwtKey(PAYMENTS, new NewJwtKey("prod-1", PEM)));
        assertInstanceOf(Failure.AlreadyExists.class, e.failure());
        assertTrue(e.getMessage().endsWith("failed: a key with this label already exists (HTTP 409)."), e.getMessage());
    }

    @Test
    void rateLimitedTakesTheRetryAfterHeaderInSeconds() {
        onEveryAttempt(new MockResponse().setResponseCode(429).setHeader("Retry-After", "30")
                .setHeader("Content-Type", "application/problem+json")
                .setBody("{\"title\":\"Too Many Requests\",\"status\":429,\"detail\":\"rate limit exceeded\"}"));
        GatewayException e = fails(client::listProjects);
        assertEquals(Duration.ofSeconds(30), assertInstanceOf(Failure.RateLimited.class, e.failure()).retryAfter());
        assertEquals("Loading projects failed: rate limit exceeded (HTTP 429); try again in 30 s.", e.getMessage());
        assertEquals(3, server.getRequestCount(), "a read is retried after a 429; the last one is the failure");
    }

    @Test
    void rateLimitedTakesAnHttpDateRetryAfterHeader() {
        onEveryAttempt(new MockResponse().setResponseCode(429).setHeader("Retry-After", "Sun, 01 Mar 2026 12:02:00 GMT"));
        Failure.RateLimited r = assertInstanceOf(Failure.RateLimited.class, fails(client::listProjects).failure());
        assertEquals(Duration.ofMinutes(2), r.retryAfter());
    }

    @Test
    void rateLimitedTakesTheProblemsRetryAfter() {
        for (int i = 0; i < 3; i++) {
            problem(429, "{\"title\":\"Too Many Requests\",\"status\":429,\"retryable\":true,"
                    + "\"retryAfter\":\"2026-03-01T12:00:45.5Z\"}");
        }
        GatewayException e = fails(() -> client.listJwtKeys(PAYMENTS, true));
        assertEquals(Duration.ofSeconds(45), ((Failure.RateLimited) e.failure()).retryAfter());
        assertEquals(Instant.parse("2026-03-01T12:00:45.5Z"), e.problem().retryAfter());
        assertTrue(e.getMessage().endsWith("too many requests (HTTP 429); try again in 45 s."), e.getMessage());
    }

    @Test
    void rateLimitedWithoutAnyHintSaysLater() {
        onEveryAttempt(new MockResponse().setResponseCode(429));
        GatewayException e = fails(client::listProjects);
        assertNull(((Failure.RateLimited) e.failure()).retryAfter());
    }

    @Test
    void aServerProblemIsServerErrorWithEveryMemberParsed() {
        problem(500, AmpersandSpec.SERVER_PROBLEM);
        GatewayException e = fails(() -> client.getJwtKey(PAYMENTS, KID));
        assertInstanceOf(Failure.ServerError.class, e.failure());
        assertEquals(1, server.getRequestCount(), "an HTTP 500 is an answer, not a network failure: no retry");
        ProblemDetails p = e.problem();
        assertEquals("urn:problem-type:exampleOrganization:exampleProblem", p.type());
        assertEquals("urn:uuid:123e4567-e89b-12d3-a456-426614174000", p.instance());
        assertEquals("89eb1ffb-2a54-4105-aaae-7bf990f1aa69#87715", p.requestId());
        assertEquals(List.of("database connection failed", "database query failed", "unable to fetch user"), p.causes());
        assertEquals(Boolean.FALSE, p.retryable());
        assertEquals(Instant.parse("2024-04-22T18:55:28.456076Z"), p.retryAfter());
        assertEquals(List.of("Remedy: Shorten your input to be under 100 characters",
                "Causes: database connection failed; database query failed; unable to fetch user",
                "Retrying will not help.",
                "Request id: 89eb1ffb-2a54-4105-aaae-7bf990f1aa69#87715"), p.explanation());
        assertTrue(e.getMessage().endsWith("failed: Description of specific occurrence of the problem (HTTP 500)."),
                e.getMessage());
    }

    // ------------------------------------------------------------------ not the API's JSON

    @Test
    void aProxysHtml502IsAProtocolFailureWithAShortSafeSnippet() {
        error(502, "text/html", """
                <html><head><title>502 Bad Gateway</title><style>body{color:red}</style></head>
                <body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx/1.25.3</center>
                <p>upstream said: %s</p></body></html>""".formatted(API_KEY) + "x".repeat(5000));
        GatewayException e = fails(() -> client.deleteJwtKey(PAYMENTS, KID));
        Failure.Protocol p = assertInstanceOf(Failure.Protocol.class, e.failure());
        assertEquals(502, e.httpStatus());
        assertNull(e.problem());
        assertEquals("text/html", p.contentType());
        assertTrue(p.snippet().startsWith("502 Bad Gateway"), p.snippet());
        assertTrue(p.snippet().length() <= Snippets.SNIPPET_LENGTH, "snippet too long: " + p.snippet().length());
        assertFalse(p.snippet().contains("<"), "tags must be stripped: " + p.snippet());
        assertTrue(e.getMessage().contains("HTTP 502") && e.getMessage().contains("proxy"), e.getMessage());
        assertEquals(1, server.getRequestCount(), "a DELETE is never repeated");
    }

    @Test
    void anEmpty503IsAProtocolFailure() {
        onEveryAttempt(new MockResponse().setResponseCode(503));
        GatewayException e = fails(client::listProjects);
        assertInstanceOf(Failure.Protocol.class, e.failure());
        assertEquals("Loading projects failed: the server answered HTTP 503 with an empty body; a proxy in front of "
                + "the server may be failing.", e.getMessage());
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void a200WithHtmlIsAProtocolFailure() {
        error(200, "text/html", "<html><body>Please sign in to the corporate portal</body></html>");
        GatewayException e = fails(() -> client.listJwtKeys(PAYMENTS, false));
        assertInstanceOf(Failure.Protocol.class, e.failure());
        assertTrue(e.getMessage().contains("Please sign in to the corporate portal"), e.getMessage());
    }

    @Test
    void truncatedJsonIsAProtocolFailure() {
        error(200, "application/json", "[{\"id\": \"k1\", \"label\": \"a\"");
        assertInstanceOf(Failure.Protocol.class, fails(() -> client.listJwtKeys(PAYMENTS, false)).failure());
        error(200, "application/json", "[] trailing");
        assertInstanceOf(Failure.Protocol.class, fails(client::listProjects).failure());
    }

    @Test
    void wrongTypesAreProtocolFailures() {
        Map<String, Executable> wrong = new java.util.LinkedHashMap<>();
        wrong.put("{\"items\": []}", () -> client.listJwtKeys(PAYMENTS, false));
        wrong.put("[1, 2]", () -> client.listJwtKeys(PAYMENTS, false));
        wrong.put("[{\"id\": \"k\", \"active\": \"yes\"}]", () -> client.listJwtKeys(PAYMENTS, false));
        wrong.put("[{\"id\": \"k\", \"label\": {\"text\": \"x\"}}]", () -> client.listJwtKeys(PAYMENTS, false));
        wrong.put("[{\"id\": true}]", () -> client.listJwtKeys(PAYMENTS, false));
        wrong.put("[{\"name\": 42}]", client::listProjects);
        wrong.put("[\"payments\"]", client::listProjects);
        wrong.put("[{\"id\": \"k\"}]", () -> client.getJwtKey(PAYMENTS, KID));
        wrong.put("{\"label\": \"no id\"}", () -> client.getJwtKey(PAYMENTS, KID));
        wrong.forEach((body, call) -> {
            error(200, "application/json", body);
            assertInstanceOf(Failure.Protocol.class, fails(call).failure(), body);
        });
    }

    @Test
    void aCreateAnswerWithoutKidIsAProtocolFailureThatSaysTheKeyWasProbablyCreated() {
        error(201, "application/json", "{\"id\": \"550e8400\"}");
        GatewayException e = fails(() -> client.createJwtKey(PAYMENTS, new NewJwtKey("prod-1", PEM)));
        assertInstanceOf(Failure.Protocol.class, e.failure());
        assertEquals("Creating JWT key \u201Cprod-1\u201D in project \u201Cpayments\u201D failed: the server answered HTTP 201 "
                + "without the new key's id (kid); the key was probably created, so reload the list before trying again.",
                e.getMessage());
        error(200, "text/plain", "created");
        assertTrue(fails(() -> client.createJwtKey(PAYMENTS, new NewJwtKey("prod-1", PEM))).getMessage()
                .contains("probably created"));
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void anUnreadableUpdateAnswerSaysTheChangeWasProbablyApplied() {
        error(200, "application/json", "{\"ok\": true}");
        GatewayException e = fails(() -> client.updateJwtKey(PAYMENTS, KID, JwtKeyUpdate.relabel("new")));
        assertInstanceOf(Failure.Protocol.class, e.failure());
        assertTrue(e.getMessage().startsWith("Renaming JWT key \u201C" + KID + "\u201D in project \u201Cpayments\u201D to "
                + "\u201Cnew\u201D failed: the server answered HTTP 200"), e.getMessage());
        assertTrue(e.getMessage().endsWith("; the change was probably applied, so reload before trying again."),
                e.getMessage());
    }

    @Test
    void aRedirectIsNotFollowed() {
        server.enqueue(new MockResponse().setResponseCode(301).setHeader("Location", "https://api.withampersand.com/v1/projects"));
        GatewayException e = fails(client::listProjects);
        assertEquals(301, e.httpStatus());
        assertTrue(e.getMessage().contains("redirected to https://api.withampersand.com/v1/projects (HTTP 301)"),
                e.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void a404FromProjectsSaysToCheckTheBaseUrl() {
        problem(404, "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"route not found\"}");
        GatewayException e = fails(client::listProjects);
        assertInstanceOf(Failure.NotFound.class, e.failure());
        assertEquals("Loading projects failed: route not found (HTTP 404); check the API base URL (now "
                + server.url("/v1").toString().replaceAll("/$", "") + "), for example https://api.withampersand.com/v1.",
                e.getMessage());
        assertNotNull(e.problem());

        error(404, "text/plain", "404 page not found");
        GatewayException plain = fails(client::listProjects);
        assertInstanceOf(Failure.Protocol.class, plain.failure());
        assertTrue(plain.getMessage().endsWith("for example https://api.withampersand.com/v1."), plain.getMessage());
    }

    // ------------------------------------------------------------------ secrets in quoted text

    @Test
    void theApiKeyIsScrubbedFromEveryQuotedPart() {
        problem(400, """
                {"type": "urn:%1$s", "title": "Bad key %1$s", "status": 400, "detail": "X-Api-Key %1$s is malformed",
                 "remedy": "do not send %1$s", "causes": ["header %1$s"], "requestId": "r-%1$s",
                 "validationIssues": [{"field": "X-Api-Key", "detail": "value %1$s", "remedy": "rotate %1$s"}]}"""
                .formatted(API_KEY));
        GatewayException e = fails(client::listProjects);
        assertTrue(e.serverMessage().contains("****"), e.serverMessage());

        error(500, "text/plain", "stack trace: header X-Api-Key=" + API_KEY);
        assertTrue(fails(client::listProjects).getMessage().contains("X-Api-Key=****"));

        error(200, "text/html", "<p>key " + API_KEY + "</p>");
        fails(() -> client.getJwtKey(PAYMENTS, KID));
    }

    @Test
    void anEchoedPemIsRemovedFromEveryQuotedPart() {
        String echoed = PEM.replace("\n", "\\n");
        problem(400, """
                {"title": "Bad Request", "status": 400, "detail": "cannot parse %1$s",
                 "remedy": "send a key like %1$s",
                 "validationIssues": [{"field": "publicKeyPem", "value": "%1$s", "detail": "not RSA: %1$s"}]}"""
                .formatted(echoed));
        GatewayException e = fails(() -> client.createJwtKey(PAYMENTS, new NewJwtKey("prod-1", PEM)));
        assertEquals("cannot parse [PEM removed]", e.serverMessage());
        assertEquals("Creating JWT key \u201Cprod-1\u201D in project \u201Cpayments\u201D failed: cannot parse [PEM removed] "
                + "(HTTP 400).", e.getMessage());

        error(500, "text/plain", "failed on " + PEM.substring(0, 80)); // cut off before its END line
        fails(() -> client.createJwtKey(PAYMENTS, new NewJwtKey("prod-1", PEM)));

        error(201, "application/json", "{\"echo\": \"" + echoed + "\"}");
        fails(() -> client.createJwtKey(PAYMENTS, new NewJwtKey("prod-1", PEM)));
    }

    // ------------------------------------------------------------------ the network

    @Test
    void aReadTimeoutIsANetworkTimeout() {
        client = clientWith(settings().withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(200), Duration.ofSeconds(5))
                .withReadRetries(0));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        Failure.Network n = assertInstanceOf(Failure.Network.class, fails(client::listProjects).failure());
        assertEquals(Failure.NetworkProblem.TIMEOUT, n.problem());
    }

    @Test
    void aCallTimeoutIsANetworkTimeout() {
        client = clientWith(settings().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofMillis(300))
                .withReadRetries(0));
        server.enqueue(new MockResponse().setBody("[]").setHeadersDelay(3, TimeUnit.SECONDS));
        GatewayException e = fails(client::listProjects);
        assertEquals(Failure.NetworkProblem.TIMEOUT, ((Failure.Network) e.failure()).problem());
        assertTrue(e.getMessage().contains("did not answer in time"), e.getMessage());
    }

    @Test
    void aRefusedConnectionIsTyped() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        client = clientWith(ConnectionSettings.of(URI.create("http://127.0.0.1:" + closedPort + "/v1"),
                new Authentication.ApiKey(Secret.of(API_KEY))).withReadRetries(0));
        GatewayException e = fails(client::listProjects);
        assertEquals(Failure.NetworkProblem.REFUSED, ((Failure.Network) e.failure()).problem());
        assertEquals(0, e.httpStatus());
        assertEquals("Loading projects failed: the connection was refused (127.0.0.1:" + closedPort + ").", e.getMessage());
    }

    @Test
    void getsAreRetriedAfterAConnectionClosedWithoutAnswer() {
        List<Executable> reads = List.of(client::listProjects, () -> client.listJwtKeys(PAYMENTS, true),
                () -> client.getJwtKey(PAYMENTS, KID));
        List<String> answers = List.of("[]", "[]", AmpersandSpec.KEY);
        for (int i = 0; i < reads.size(); i++) {
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
            server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(answers.get(i)));
            Executable read = reads.get(i);
            org.junit.jupiter.api.Assertions.assertDoesNotThrow(read);
            assertEquals(3 * (i + 1), server.getRequestCount());
        }
    }

    @Test
    void getsGiveUpAfterTheConfiguredRetries() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        }
        GatewayException e = fails(() -> client.listJwtKeys(PAYMENTS, false));
        assertEquals(Failure.NetworkProblem.CLOSED, ((Failure.Network) e.failure()).problem());
        assertEquals(3, server.getRequestCount(), "1 attempt + 2 retries");
    }

    @Test
    void mutationsAreNeverSentTwiceAfterADroppedAnswer() {
        List<Executable> mutations = List.of(
                () -> client.createJwtKey(PAYMENTS, new NewJwtKey("prod-1", PEM)),
                () -> client.updateJwtKey(PAYMENTS, KID, new JwtKeyUpdate(false, "x")),
                () -> client.deleteJwtKey(PAYMENTS, KID));
        int before = 0;
        for (Executable m : mutations) {
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
            server.enqueue(new MockResponse().setResponseCode(201).setBody(AmpersandSpec.CREATED)); // what a retry would get
            GatewayException e = fails(m);
            assertInstanceOf(Failure.OutcomeUnknown.class, e.failure());
            assertEquals(before + 1, server.getRequestCount(), "a mutation was sent more than once");
            // The spare answer is still queued: the next request takes it.
            assertEquals("550e8400-e29b-41d4-a716-446655440000",
                    org.junit.jupiter.api.Assertions.assertDoesNotThrow(
                            () -> client.createJwtKey(PAYMENTS, new NewJwtKey("spare", PEM))));
            before = server.getRequestCount();
        }
    }

    @Test
    void aMutationThatGotNoAnswerIsUnknownNotFailed() {
        List<Executable> mutations = List.of(
                () -> client.createJwtKey(PAYMENTS, new NewJwtKey("prod-1", PEM)),
                () -> client.updateJwtKey(PAYMENTS, KID, JwtKeyUpdate.activate(false)),
                () -> client.deleteJwtKey(PAYMENTS, KID));
        List<String> howToCheck = List.of("reload the list to check before creating it again",
                "reload to check before trying again", "reload the list to check before trying again");
        for (int i = 0; i < mutations.size(); i++) {
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
            GatewayException e = fails(mutations.get(i));
            assertEquals(new Failure.OutcomeUnknown(Failure.NetworkProblem.CLOSED), e.failure());
            assertTrue(e.getMessage().endsWith(": no answer came (the connection was closed without an answer), so it is "
                    + "unknown whether it happened; " + howToCheck.get(i) + "."), e.getMessage());
            assertFalse(e.getMessage().contains("failed"), "the server may have made the change: " + e.getMessage());
            assertNotNull(e.getCause(), "the cause is kept for diagnostics");
        }
        assertEquals(3, server.getRequestCount(), "each sent once");
    }

    @Test
    void mutationsAreNeverRetriedWhateverTheStatus() {
        List<Executable> mutations = List.of(
                () -> client.createJwtKey(PAYMENTS, new NewJwtKey("prod-1", PEM)),
                () -> client.updateJwtKey(PAYMENTS, KID, new JwtKeyUpdate(false, "x")),
                () -> client.deleteJwtKey(PAYMENTS, KID));
        int before = 0;
        for (Executable m : mutations) {
            for (int status : List.of(502, 503, 504, 429)) {
                server.enqueue(new MockResponse().setResponseCode(status).setHeader("Retry-After", "0"));
                server.enqueue(new MockResponse().setResponseCode(201).setBody(AmpersandSpec.CREATED)); // a retry's
                assertEquals(status, fails(m).httpStatus());
                assertEquals(before + 1, server.getRequestCount(), "a mutation was sent again after HTTP " + status);
                org.junit.jupiter.api.Assertions.assertDoesNotThrow(
                        () -> client.createJwtKey(PAYMENTS, new NewJwtKey("spare", PEM)), "the spare is still queued");
                before = server.getRequestCount();
            }
        }
    }

    @Test
    void getsAreRetriedAfterTheStatusesThatMeanTryAgain() {
        for (int status : List.of(502, 503, 504, 429)) {
            int before = server.getRequestCount();
            server.enqueue(new MockResponse().setResponseCode(status));
            server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(AmpersandSpec.KEYS));
            assertEquals(2, client.listJwtKeys(PAYMENTS, false).size(), "HTTP " + status);
            assertEquals(before + 2, server.getRequestCount());
        }
    }

    @Test
    void anAnswerLargerThanTheLimitIsNotRead() {
        client = clientWith(settings().withMaxResponseBytes(1024));
        error(200, "application/json", AmpersandSpec.KEYS + " ".repeat(1024)); // valid JSON, too long
        GatewayException e = fails(() -> client.listJwtKeys(PAYMENTS, false));
        assertEquals("Loading JWT keys of project \u201Cpayments\u201D failed: the answer was larger than 1 KiB, the limit "
                + "set for this connection.", e.getMessage());
        error(200, "application/json", AmpersandSpec.UPDATED + " ".repeat(1024));
        GatewayException change = fails(() -> client.updateJwtKey(PAYMENTS, KID, JwtKeyUpdate.relabel("new")));
        assertTrue(change.getMessage().contains(": the server accepted it (HTTP 200), but its answer was larger than 1 KiB"),
                change.getMessage());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void aMutationWhoseAnswerBrokeOffIsUnknown() {
        server.enqueue(new MockResponse().setResponseCode(201).setBody(AmpersandSpec.CREATED)
                .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        GatewayException e = fails(() -> client.createJwtKey(PAYMENTS, new NewJwtKey("prod-1", PEM)));
        assertEquals(new Failure.OutcomeUnknown(Failure.NetworkProblem.CLOSED), e.failure());
        assertEquals("Creating JWT key \u201Cprod-1\u201D in project \u201Cpayments\u201D: the server answered HTTP 201, "
                + "but its answer broke off (the connection was closed), so it is unknown whether it happened; reload the "
                + "list to check before creating it again.", e.getMessage());
    }

    @Test
    void aMutationThatTimedOutIsUnknownNotFailed() {
        client = clientWith(settings().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(5))
                .withMutationTimeout(Duration.ofMillis(200)));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        GatewayException e = fails(() -> client.deleteJwtKey(PAYMENTS, KID));
        assertEquals(new Failure.OutcomeUnknown(Failure.NetworkProblem.TIMEOUT), e.failure());
        assertEquals("Deleting JWT key \u201C" + KID + "\u201D in project \u201Cpayments\u201D: no answer came (the server "
                + "did not answer in time), so it is unknown whether it happened; reload the list to check before trying "
                + "again.", e.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aMutationThatCouldNotConnectFailed() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        client = clientWith(ConnectionSettings.of(URI.create("http://127.0.0.1:" + closedPort + "/v1"),
                new Authentication.ApiKey(Secret.of(API_KEY))));
        GatewayException e = fails(() -> client.deleteJwtKey(PAYMENTS, KID));
        assertEquals(Failure.NetworkProblem.REFUSED, ((Failure.Network) e.failure()).problem());
        assertEquals("Deleting JWT key \u201C" + KID + "\u201D in project \u201Cpayments\u201D failed: the connection was "
                + "refused (127.0.0.1:" + closedPort + "), so nothing was sent.", e.getMessage(),
                "nothing arrived, so it did fail");
    }

    @Test
    void anApiKeyAHeaderCannotCarryIsRefusedWithoutQuotingIt() {
        for (String key : List.of(API_KEY + "\n", API_KEY + "\u00fc", "amp\r\n" + API_KEY, API_KEY + "\u200b")) {
            client = clientWith(ConnectionSettings.of(server.url("/v1").uri(), new Authentication.ApiKey(Secret.of(key))));
            for (Executable call : List.<Executable>of(client::listProjects,
                    () -> client.createJwtKey(PAYMENTS, new NewJwtKey("prod-1", PEM)),
                    () -> client.updateJwtKey(PAYMENTS, KID, JwtKeyUpdate.activate(false)),
                    () -> client.deleteJwtKey(PAYMENTS, KID))) {
                GatewayException e = fails(call); // fails() checks the key is nowhere in it
                assertInstanceOf(Failure.Unauthorized.class, e.failure());
                assertEquals(0, e.httpStatus());
                assertTrue(e.getMessage().contains("cannot be sent in an HTTP header")
                        && e.getMessage().contains("nothing was sent; enter the key again."), e.getMessage());
                assertNull(e.getCause());
            }
        }
        assertEquals(0, server.getRequestCount());
        assertEquals(-1, AmpersandClient.unsendableAt("tab\tand space ~ are fine"));
    }
}
