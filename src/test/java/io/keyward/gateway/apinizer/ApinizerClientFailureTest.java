package io.keyward.gateway.apinizer;

import io.keyward.model.Project;
import io.keyward.gateway.Authentication;
import io.keyward.gateway.ConnectionSettings;
import io.keyward.gateway.Failure;
import io.keyward.gateway.GatewayException;
import io.keyward.model.CredentialSlot;
import io.keyward.model.DerivedJwkPolicy;
import io.keyward.model.JwkUpdate;
import io.keyward.model.MutationResult;
import io.keyward.model.Secret;
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
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every failure kind, as the server (or the network, or a proxy) produces it. */
class ApinizerClientFailureTest {

    static final String TOKEN = "tok-5b0e77d1-must-never-leak";

    MockWebServer server;
    ApinizerClient client;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        client = clientWith(settings());
    }

    /** Retries without waiting: how long to wait is the transport's test. */
    ConnectionSettings settings() {
        return ConnectionSettings.of(server.url("/").uri(), new Authentication.PersonalToken(Secret.of(TOKEN)))
                .withMaxRetryWait(Duration.ZERO);
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    static ApinizerClient clientWith(ConnectionSettings settings) {
        return new ApinizerClient(settings);
    }

    void error(int status, String contentType, String body) {
        MockResponse r = new MockResponse().setResponseCode(status).setBody(body);
        if (contentType != null) {
            r.setHeader("Content-Type", contentType);
        }
        server.enqueue(r);
    }

    /** The same answer to a read's first attempt and its two retries. */
    void errorOnEveryAttempt(int status, String contentType, String body) {
        for (int i = 0; i <= ConnectionSettings.DEFAULT_READ_RETRIES; i++) {
            error(status, contentType, body);
        }
    }

    static GatewayException fails(Executable call) {
        GatewayException e = assertThrows(GatewayException.class, call);
        assertFalse(e.getMessage().contains(TOKEN), "token in message: " + e.getMessage());
        assertFalse(String.valueOf(e.serverMessage()).contains(TOKEN), "token in server message");
        return e;
    }

    @Test
    void unauthorizedIsTyped() {
        error(401, "application/json", "{\"error\":\"unauthorized_client\",\"error_description\":\"Invalid token\"}");
        GatewayException e = fails(client::listProjects);
        assertInstanceOf(Failure.Unauthorized.class, e.failure());
        assertTrue(e.isUnauthorized());
        assertEquals("Loading projects failed: Invalid token (HTTP 401).", e.getMessage());
    }

    @Test
    void forbiddenIsTyped() {
        error(403, "application/json", "{\"error\":\"forbidden\",\"error_description\":\"You do not have permission to perform this action\"}");
        GatewayException e = fails(() -> client.deleteJwk(Project.named("p"), "j"));
        assertInstanceOf(Failure.Forbidden.class, e.failure());
        assertEquals("forbidden", e.errorCode());
        assertTrue(e.getMessage().startsWith("Deleting JWK \u201Cj\u201D in project \u201Cp\u201D failed: You do not have permission"),
                e.getMessage());
    }

    @Test
    void notFound404IsTyped() {
        error(404, "application/json", "{\"error\":\"not_found\",\"error_description\":\"Project(MyProject) was not found or user does not have privilege to access it!\"}");
        GatewayException e = fails(() -> client.listCredentials(Project.named("MyProject")));
        assertInstanceOf(Failure.NotFound.class, e.failure());
        assertEquals(404, e.httpStatus());
    }

    @Test
    void conflict409IsAlreadyExists() {
        error(409, "application/json", "{\"error\":\"duplicate_name\",\"error_description\":\"API Proxy with name 'MyAPI' already exists\"}");
        assertInstanceOf(Failure.AlreadyExists.class, fails(() -> client.updateJwk(Project.named("p"), "j", new JwkUpdate("x", null))).failure());
    }

    @Test
    void validationErrorsAreListed() {
        error(400, "application/json", """
                {"error": "validation_failed", "error_description": "Validation failed",
                 "validation_errors": [{"field": "name", "message": "Name is required"},
                                       {"field": "description", "message": "Too long"}]}""");
        GatewayException e = fails(() -> client.updateJwk(Project.named("p"), "j", new JwkUpdate("", null)));
        Failure.Validation v = assertInstanceOf(Failure.Validation.class, e.failure());
        assertEquals(List.of(new Failure.FieldError("name", "Name is required"),
                new Failure.FieldError("description", "Too long")), v.fieldErrors());
        assertTrue(e.getMessage().contains("name – Name is required; description – Too long"), e.getMessage());
    }

    @Test
    void aPlain400IsValidationWithoutFieldErrors() {
        error(400, "application/json", "{\"error\":\"bad_request\",\"error_description\":\"jwkDeleteAction value must be NULLIFY or DELETE!\"}");
        GatewayException e = fails(() -> client.deleteKey(Project.named("p"), "k", DerivedJwkPolicy.KEEP));
        assertTrue(((Failure.Validation) e.failure()).fieldErrors().isEmpty());
        assertEquals("jwkDeleteAction value must be NULLIFY or DELETE!", e.serverMessage());
    }

    @Test
    void rateLimitedCarriesRetryAfterFromTheBody() {
        errorOnEveryAttempt(429, "application/json", "{\"error\":\"rate_limit_exceeded\",\"error_description\":\"Rate limit exceeded. Please try again later.\",\"retry_after\":60}");
        GatewayException e = fails(client::listProjects);
        assertEquals(Duration.ofSeconds(60), assertInstanceOf(Failure.RateLimited.class, e.failure()).retryAfter());
        assertTrue(e.getMessage().contains("retry in 60 s"), e.getMessage());
        assertEquals(3, server.getRequestCount(), "a 429 is retried; the last one is the failure");
    }

    @Test
    void rateLimitedFallsBackToTheRetryAfterHeader() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "7")
                    .setBody("{\"error\":\"rate_limit_exceeded\"}"));
        }
        assertEquals(Duration.ofSeconds(7), ((Failure.RateLimited) fails(client::listProjects).failure()).retryAfter());
    }

    @Test
    void serverErrorIsTyped() {
        error(500, "application/json", "{\"error\":\"internal_error\",\"error_description\":\"An unexpected error occurred\"}");
        GatewayException e = fails(client::listProjects);
        assertInstanceOf(Failure.ServerError.class, e.failure());
        assertEquals(1, server.getRequestCount(), "an HTTP 500 is an answer, not a network failure: no retry");
    }

    @Test
    void problemJsonBodiesAreUnderstood() {
        error(404, "application/problem+json", """
                {"type": "https://withampersand.com/problems/not-found", "title": "Not Found", "status": 404,
                 "detail": "JWT key abc was not found", "subsystem": "api", "requestId": "89eb1ffb#1",
                 "remedy": "Check the key id", "retryable": false}""");
        GatewayException e = fails(() -> client.getJwk(Project.named("p"), "abc"));
        assertInstanceOf(Failure.NotFound.class, e.failure());
        assertEquals("https://withampersand.com/problems/not-found", e.errorCode());
        assertEquals("JWT key abc was not found", e.serverMessage());
    }

    @Test
    void problemJsonBodiesAreAttachedAsProblemDetailsWithTheirFieldErrors() {
        error(400, "application/problem+json", """
                {"type": "https://httpstatuses.com/400", "title": "Bad Request", "status": 400, "detail": "invalid JWK",
                 "remedy": "Check the name", "requestId": "req-1",
                 "validationIssues": [{"field": "name", "detail": "must not be blank", "remedy": "give it a name"}]}""");
        GatewayException e = fails(() -> client.updateJwk(Project.named("p"), "j", new JwkUpdate(" ", null)));
        Failure.Validation v = assertInstanceOf(Failure.Validation.class, e.failure());
        assertEquals(List.of(new Failure.FieldError("name", "must not be blank")), v.fieldErrors());
        assertEquals("Check the name", e.problem().remedy());
        assertEquals("req-1", e.problem().requestId());
        assertEquals(List.of("name"), e.problem().fieldNames());
        assertTrue(e.getMessage().contains("invalid JWK: name – must not be blank (HTTP 400)"), e.getMessage());
    }

    @Test
    void apinizersOwnErrorBodyCarriesNoProblem() {
        error(400, "application/json", "{\"error\":\"bad_request\",\"error_description\":\"jwkDeleteAction value must be NULLIFY or DELETE!\"}");
        assertNull(fails(() -> client.deleteKey(Project.named("p"), "k", DerivedJwkPolicy.KEEP)).problem());
    }

    @Test
    void aRateLimitWithoutJsonStillCarriesTheRetryAfterHeader() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "12").setBody("Too Many Requests"));
        }
        GatewayException e = fails(client::listProjects);
        assertEquals(Duration.ofSeconds(12), assertInstanceOf(Failure.RateLimited.class, e.failure()).retryAfter());
    }

    @Test
    void signingInNeverQuotesThePasswordNorAnAnswerWithoutAccessToken() {
        error(401, "application/json", "{\"error\":\"unauthorized_client\",\"error_description\":\"Bad credentials: s3cr3t-pw\"}");
        GatewayException e = fails(() -> client.createToken("admin", Secret.of("s3cr3t-pw")));
        assertFalse(e.getMessage().contains("s3cr3t-pw"), e.getMessage());
        assertNull(e.serverMessage());

        error(200, "application/json", "{\"accessToken\":\"eyJ-under-another-name\"}");
        GatewayException missing = fails(() -> client.createToken("admin", Secret.of("s3cr3t-pw")));
        assertInstanceOf(Failure.Protocol.class, missing.failure());
        assertFalse(missing.getMessage().contains("eyJ-under-another-name"), missing.getMessage());
        assertTrue(missing.getMessage().contains("without an access_token"), missing.getMessage());
    }

    /** Every failure of the token endpoint, whatever its body: the status and a fixed sentence, no snippet. */
    @Test
    void theTokenEndpointsAnswerIsNeverQuoted() {
        String signingIn = "Signing in as \u201Cadmin\u201D failed: ";
        String echo = "{\"error\":\"invalid_client\",\"error_description\":\"client_secret=other-pw-7781 rejected\","
                + "\"access_token\":\"leaked-tok-4412\",\"detail\":\"quoted server text\"}";
        String page = "<html><head><title>502 Bad Gateway</title></head><body>upstream said: other-pw-7781</body></html>";
        record Case(int status, String contentType, String body, Class<?> failure, String sentence) { }
        for (Case c : List.of(
                new Case(401, "application/json", echo, Failure.Unauthorized.class,
                        "the sign-in was refused (HTTP 401)."),
                new Case(400, "application/problem+json", echo, Failure.Unexpected.class,
                        "the server refused the sign-in request (HTTP 400)."),
                new Case(403, "application/json", echo, Failure.Forbidden.class,
                        "this user is not allowed to sign in (HTTP 403)."),
                new Case(404, "text/html", page, Failure.NotFound.class,
                        "the sign-in address was not found (HTTP 404); check the manager URL."),
                new Case(429, "application/json", "{\"retry_after\": 30, \"message\": \"slow down other-pw-7781\"}",
                        Failure.RateLimited.class, "too many requests (HTTP 429); try again later."),
                new Case(502, "text/html", page, Failure.ServerError.class,
                        "the server had an internal error (HTTP 502)."),
                new Case(500, "application/json", echo, Failure.ServerError.class,
                        "the server had an internal error (HTTP 500)."))) {
            error(c.status(), c.contentType(), c.body());
            GatewayException e = fails(() -> client.createToken("admin", Secret.of("s3cr3t-pw")));
            assertEquals(signingIn + c.sentence(), e.getMessage(), c.toString());
            assertInstanceOf(c.failure(), e.failure(), c.toString());
            assertEquals(c.status(), e.httpStatus());
            assertNull(e.serverMessage(), c.toString());
            assertNull(e.errorCode(), c.toString());
            assertNull(e.problem(), c.toString());
        }
        server.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", "https://sso.example/login?client_secret=x"));
        GatewayException redirected = fails(() -> client.createToken("admin", Secret.of("s3cr3t-pw")));
        assertEquals(signingIn + "the server redirected (HTTP 302); check the URL, Keyward does not follow redirects.",
                redirected.getMessage());
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "12").setBody(echo));
        assertEquals(signingIn + "too many requests (HTTP 429); try again in 12 s.",
                fails(() -> client.createToken("admin", Secret.of("s3cr3t-pw"))).getMessage());
    }

    /** Signing in on the way to a call: the same fixed sentence reaches the call's caller. */
    @Test
    void aFailedSignInBeforeACallQuotesNothingEither() {
        client = clientWith(ConnectionSettings.of(server.url("/").uri(),
                new Authentication.UsernamePassword("admin", Secret.of("s3cr3t-pw"))).withMaxRetryWait(Duration.ZERO));
        error(401, "application/json", "{\"error_description\":\"no such user; you sent client_secret=s3cr3t-pw\"}");
        GatewayException e = fails(client::listProjects);
        assertEquals("Signing in as \u201Cadmin\u201D failed: the sign-in was refused (HTTP 401).",
                e.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void anEchoedPemIsRemovedFromQuotedText() {
        error(400, "application/json", "{\"error\":\"bad_request\",\"error_description\":\"bad key -----BEGIN PUBLIC KEY-----\\nMIIBIjANBgkq\\n-----END PUBLIC KEY-----\"}");
        GatewayException e = fails(client::listProjects);
        assertEquals("bad key [PEM removed]", e.serverMessage());
    }

    @Test
    void problemJsonRateLimitUnderstandsAnRfc3339RetryAfter() {
        String in90s = java.time.OffsetDateTime.now().plusSeconds(90).toString();
        errorOnEveryAttempt(429, "application/problem+json", "{\"title\":\"Too Many Requests\",\"status\":429,\"retryAfter\":\"" + in90s + "\"}");
        Duration d = ((Failure.RateLimited) fails(client::listProjects).failure()).retryAfter();
        assertTrue(d.toSeconds() >= 85 && d.toSeconds() <= 90, d.toString());
    }

    @Test
    void anHtmlPageFromAProxyIsAProtocolFailureWithAShortSafeSnippet() {
        error(502, "text/html", """
                <html><head><title>502 Bad Gateway</title><style>body{color:red}</style></head>
                <body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx/1.25.3</center>
                <script>var t = "%s";</script></body></html>""".formatted(TOKEN) + "x".repeat(5000));
        GatewayException e = fails(() -> client.deleteJwk(Project.named("p"), "j"));
        Failure.Protocol p = assertInstanceOf(Failure.Protocol.class, e.failure());
        assertEquals(502, e.httpStatus());
        assertEquals("text/html", p.contentType());
        assertTrue(p.snippet().startsWith("502 Bad Gateway"), p.snippet());
        assertTrue(p.snippet().length() <= io.keyward.gateway.http.Snippets.SNIPPET_LENGTH, "snippet too long: " + p.snippet().length());
        assertFalse(p.snippet().contains("<"), "tags must be stripped: " + p.snippet());
        assertFalse(p.snippet().contains(TOKEN));
        assertTrue(e.getMessage().contains("HTTP 502") && e.getMessage().contains("proxy"), e.getMessage());
    }

    @Test
    void anEchoedTokenIsScrubbedFromJsonErrorDescriptions() {
        error(400, "application/json", "{\"error\":\"bad_request\",\"error_description\":\"Header 'Bearer " + TOKEN + "' is malformed\"}");
        GatewayException e = fails(client::listProjects);
        assertTrue(e.serverMessage().contains("****"), e.serverMessage());
    }

    @Test
    void a200WithHtmlIsAProtocolFailure() {
        error(200, "text/html", "<html><body>Please sign in to the corporate portal</body></html>");
        GatewayException e = fails(client::listProjects);
        assertInstanceOf(Failure.Protocol.class, e.failure());
        assertTrue(e.getMessage().contains("Please sign in to the corporate portal"), e.getMessage());
    }

    @Test
    void truncatedJsonIsAProtocolFailure() {
        error(200, "application/json", "{\"success\": true, \"resultList\": [{\"name\": \"a\"");
        assertInstanceOf(Failure.Protocol.class, fails(() -> client.listJwks(Project.named("p"))).failure());
    }

    @Test
    void aResultListThatIsNotAListIsAProtocolFailure() {
        error(200, "application/json", "{\"success\": true, \"resultList\": \"oops\"}");
        assertInstanceOf(Failure.Protocol.class, fails(() -> client.listKeys(Project.named("p"))).failure());
    }

    @Test
    void aFieldOfTheWrongTypeIsAProtocolFailure() {
        error(200, "application/json", "{\"success\": true, \"resultList\": [{\"name\": \"k\", \"cryptoKeyInfoEnvironmentList\": 5}]}");
        assertInstanceOf(Failure.Protocol.class, fails(() -> client.listKeys(Project.named("p"))).failure());
    }

    @Test
    void anEmptyErrorBodyIsReportedWithItsStatus() {
        errorOnEveryAttempt(503, null, "");
        GatewayException e = fails(client::listProjects);
        assertInstanceOf(Failure.Protocol.class, e.failure());
        assertTrue(e.getMessage().contains("HTTP 503") && e.getMessage().contains("empty body"), e.getMessage());
    }

    @Test
    void aMutationWhoseBodySaysItFailedIsAnError() {
        error(200, "application/json", "{\"success\": false, \"message\": \"Key is locked by another operation\"}");
        GatewayException e = fails(() -> client.deleteKey(Project.named("p"), "k", DerivedJwkPolicy.KEEP));
        assertTrue(e.getMessage().contains("Key is locked by another operation"), e.getMessage());
    }

    @Test
    void aMutationWithoutDeploymentResultStillSucceeds() {
        error(200, "application/json", "{\"success\": true}");
        MutationResult r = client.removeCredentialJwk(Project.named("p"), "u", CredentialSlot.ENCRYPTION);
        assertTrue(r.success());
        assertNull(r.deployment());
        assertEquals(MutationResult.Outcome.SUCCEEDED, r.outcome());
    }

    @Test
    void aReadTimeoutIsANetworkTimeout() {
        client = clientWith(ConnectionSettings.of(server.url("/").uri(), new Authentication.PersonalToken(Secret.of(TOKEN)))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(200), Duration.ofSeconds(5)).withReadRetries(0));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        Failure.Network n = assertInstanceOf(Failure.Network.class, fails(client::listProjects).failure());
        assertEquals(Failure.NetworkProblem.TIMEOUT, n.problem());
    }

    @Test
    void aCallTimeoutIsANetworkTimeout() {
        client = clientWith(ConnectionSettings.of(server.url("/").uri(), new Authentication.PersonalToken(Secret.of(TOKEN)))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofMillis(300)).withReadRetries(0));
        server.enqueue(new MockResponse().setBody("{}").setHeadersDelay(3, java.util.concurrent.TimeUnit.SECONDS));
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
        client = clientWith(ConnectionSettings.of(URI.create("http://127.0.0.1:" + closedPort),
                new Authentication.PersonalToken(Secret.of(TOKEN))).withReadRetries(0));
        GatewayException e = fails(client::listProjects);
        assertEquals(Failure.NetworkProblem.REFUSED, ((Failure.Network) e.failure()).problem());
        assertEquals(0, e.httpStatus());
        assertEquals("Loading projects failed: the connection was refused (127.0.0.1:" + closedPort + ").", e.getMessage());
    }

    @Test
    void getsAreRetriedAfterAConnectionClosedWithoutAnswer() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(new MockResponse().setBody("{\"status\":\"SUCCESS\",\"resultList\":[{\"name\":\"p\"}]}"));
        assertEquals(1, client.listProjects().size());
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void getsGiveUpAfterTheConfiguredRetries() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        }
        GatewayException e = fails(client::listProjects);
        assertEquals(Failure.NetworkProblem.CLOSED, ((Failure.Network) e.failure()).problem());
        assertEquals(3, server.getRequestCount(), "1 attempt + 2 retries");
    }

    List<Executable> mutations() {
        return List.of(
                () -> client.deleteKey(Project.named("p"), "k", DerivedJwkPolicy.DELETE),
                () -> client.updateJwk(Project.named("p"), "j", new JwkUpdate("n", null)),
                () -> client.deleteJwk(Project.named("p"), "j"),
                () -> client.setCredentialJwk(Project.named("p"), "u", CredentialSlot.VALIDATION, "j"),
                () -> client.removeCredentialJwk(Project.named("p"), "u", CredentialSlot.ENCRYPTION));
    }

    @Test
    void mutationsAreNeverRetriedAndALostAnswerIsUnknownNotFailed() {
        int before = 0;
        for (Executable m : mutations()) {
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
            server.enqueue(new MockResponse().setBody("{\"success\":true}")); // what a retry would get
            GatewayException e = fails(m);
            assertEquals(new Failure.OutcomeUnknown(Failure.NetworkProblem.CLOSED), e.failure());
            assertTrue(e.getMessage().endsWith(": no answer came (the connection was closed without an answer), so it is "
                    + "unknown whether it happened; reload to check."), e.getMessage());
            assertFalse(e.getMessage().contains("failed"), e.getMessage());
            assertEquals(before + 1, server.getRequestCount(), "a mutation was sent more than once");
            assertTrue(client.listProjects().isEmpty(), "the spare answer is still queued, so nothing consumed it");
            before = server.getRequestCount();
        }
    }

    @Test
    void mutationsAreNeverRetriedWhateverTheStatus() {
        int before = 0;
        for (Executable m : mutations()) {
            for (int status : List.of(502, 503, 504, 429)) {
                server.enqueue(new MockResponse().setResponseCode(status).setHeader("Retry-After", "0")
                        .setBody("{\"error\":\"busy\"}"));
                server.enqueue(new MockResponse().setBody("{\"success\":true}")); // what a retry would get
                GatewayException e = fails(m);
                assertEquals(status, e.httpStatus());
                assertEquals(before + 1, server.getRequestCount(), "a mutation was sent again after HTTP " + status);
                assertTrue(client.listProjects().isEmpty(), "the spare answer is still queued");
                before = server.getRequestCount();
            }
        }
    }

    @Test
    void aTimedOutChangeIsUnknownNotFailed() {
        client = clientWith(settings().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(5))
                .withMutationTimeout(Duration.ofMillis(300)));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        GatewayException e = fails(() -> client.deleteKey(Project.named("p"), "k", DerivedJwkPolicy.KEEP));
        assertEquals(new Failure.OutcomeUnknown(Failure.NetworkProblem.TIMEOUT), e.failure());
        assertEquals("Deleting key \u201Ck\u201D in project \u201Cp\u201D: no answer came (the server did not answer in "
                + "time), so it is unknown whether it happened; reload to check.", e.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aChangeThatCouldNotConnectFailedAndNothingWasSent() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        client = clientWith(ConnectionSettings.of(URI.create("http://127.0.0.1:" + closedPort),
                new Authentication.PersonalToken(Secret.of(TOKEN))));
        GatewayException e = fails(() -> client.deleteJwk(Project.named("p"), "j"));
        assertEquals(new Failure.Network(Failure.NetworkProblem.REFUSED), e.failure());
        assertEquals("Deleting JWK \u201Cj\u201D in project \u201Cp\u201D failed: the connection was refused (127.0.0.1:"
                + closedPort + "), so nothing was sent.", e.getMessage());
    }

    @Test
    void getsAreRetriedAfterABadGatewayAndGiveTheLastAnswer() {
        error(502, "text/html", "<html><title>502 Bad Gateway</title></html>");
        error(504, "text/html", "<html><title>504 Gateway Timeout</title></html>");
        answer200("{\"success\":true,\"resultList\":[{\"name\":\"j1\"}]}");
        assertEquals(1, client.listJwks(Project.named("p")).size());
        assertEquals(3, server.getRequestCount());

        errorOnEveryAttempt(502, "text/html", "<html><title>502 Bad Gateway</title></html>");
        GatewayException e = fails(() -> client.listJwks(Project.named("p")));
        Failure.Protocol p = assertInstanceOf(Failure.Protocol.class, e.failure());
        assertEquals("502 Bad Gateway", p.snippet());
        assertEquals(6, server.getRequestCount());
    }

    @Test
    void signingInIsNeverRetriedAndALostAnswerIsAPlainFailure() {
        error(503, "text/plain", "busy");
        assertEquals(503, fails(() -> client.createToken("admin", Secret.of("s3cr3t-pw"))).httpStatus());
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        GatewayException e = fails(() -> client.createToken("admin", Secret.of("s3cr3t-pw")));
        assertEquals(new Failure.Network(Failure.NetworkProblem.CLOSED), e.failure());
        assertTrue(e.getMessage().startsWith("Signing in as \u201Cadmin\u201D failed: the connection was closed without "
                + "an answer ("), e.getMessage());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void anAnswerLargerThanTheLimitIsNotRead() {
        client = clientWith(settings().withMaxResponseBytes(1024));
        answer200("{\"success\":true,\"resultList\":[{\"name\":\"" + "j".repeat(2000) + "\"}]}");
        GatewayException e = fails(() -> client.listJwks(Project.named("p")));
        assertEquals("Loading JWKs of project \u201Cp\u201D failed: the answer was larger than 1 KiB, the limit set for "
                + "this connection.", e.getMessage());
        assertEquals(1, server.getRequestCount());

        answer200(DEPLOYED_PADDED);
        GatewayException change = fails(() -> client.deleteJwk(Project.named("p"), "j"));
        assertEquals("Deleting JWK \u201Cj\u201D in project \u201Cp\u201D: the server accepted it (HTTP 200), but its "
                + "answer was larger than 1 KiB, the limit set for this connection, so it was not read; reload to see "
                + "the result.", change.getMessage());
    }

    @Test
    void anUnreadableChangeAnswerSaysTheStatusSaysItWasDone() {
        error(200, "text/html", "<html><body>Done, maybe</body></html>");
        GatewayException e = fails(() -> client.deleteJwk(Project.named("p"), "j"));
        assertInstanceOf(Failure.Protocol.class, e.failure());
        assertTrue(e.getMessage().endsWith("; the status says it was done, so reload to see the result before trying "
                + "again."), e.getMessage());
    }

    static final String DEPLOYED_PADDED = "{\"success\": true, \"message\": \"" + "d".repeat(2000) + "\"}";

    void answer200(String body) {
        error(200, "application/json", body);
    }
}
