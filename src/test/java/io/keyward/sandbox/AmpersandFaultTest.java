package io.keyward.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared fault settings, switched on through the control endpoint and observed under /v1. */
class AmpersandFaultTest {
    private static final String KEY = "/projects/payments-prod/jwt-keys/8b30645b-fbbb-4b20-be55-f99954317ce0";
    private SandboxHttp api;

    @BeforeEach
    void start() {
        api = SandboxHttp.start();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void errorRateAnswersA500Problem() {
        assertEquals(200, api.setFaults("{\"errorRate\":1.0}").status());
        JsonNode problem = api.v1Get("/projects").assertProblem(500);
        assertTrue(problem.get("retryable").asBoolean());
        assertTrue(problem.get("causes").get(0).asText().contains("errorRate"), problem.toString());
        api.v1("DELETE", KEY, null).assertProblem(500);
        api.setFaults("{\"errorRate\":0}");
        assertEquals(200, api.v1Get(KEY).status(), "a faulted request is never handled");
    }

    @Test
    void rateLimitAnswersA429ProblemWithRetryAfter() {
        api.setFaults("{\"rateLimitRate\":1}");
        SandboxHttp.Response response = api.v1Get("/projects");
        JsonNode problem = response.assertProblem(429);
        assertEquals("60", response.headers().firstValue("Retry-After").orElse(null));
        assertTrue(problem.get("retryable").asBoolean());
        Instant time = Instant.parse(problem.get("time").asText());
        assertEquals(Duration.ofSeconds(60), Duration.between(time, Instant.parse(problem.get("retryAfter").asText())));
    }

    @Test
    void badGatewayAnswersTheSameNginxPage() {
        api.setFaults("{\"badGatewayRate\":1}");
        SandboxHttp.Response response = api.v1Get("/projects/payments-prod/jwt-keys");
        assertEquals(502, response.status());
        assertTrue(response.contentType().startsWith("text/html"), response.contentType());
        assertEquals(HttpIo.BAD_GATEWAY_PAGE, response.body());
        assertEquals(HttpIo.BAD_GATEWAY_PAGE, api.get("/apiops/projects/").body(), "the same page as /apiops");
        assertThrows(UncheckedIOException.class, response::json, "a client must not take this page for JSON");
    }

    @Test
    void dropClosesTheConnectionWithoutAnAnswerAndChangesNothing() {
        api.setFaults("{\"dropRate\":1}");
        HttpRequest delete = HttpRequest.newBuilder(URI.create(api.server.ampersandBaseUrl() + KEY))
                .header("X-Api-Key", api.server.ampersandApiKey()).DELETE().build();
        assertThrows(IOException.class, () -> SandboxHttp.CLIENT.send(delete, HttpResponse.BodyHandlers.ofString()));
        assertEquals("", api.raw("GET", "/v1/projects", api.server.ampersandApiKey()));
        api.server.faults().reset();
        assertEquals(200, api.v1Get(KEY).status());
    }

    @Test
    void rejectTokensRefusesTheApiKeyUntilSwitchedOff() {
        api.setFaults("{\"rejectTokens\":true}");
        SandboxHttp.Response response = api.v1Get("/projects");
        JsonNode problem = response.assertProblem(401);
        assertEquals("invalid API key", problem.get("detail").asText(), "looks exactly like a revoked key");
        api.v1("GET", "/projects", "Authorization", "Bearer " + api.server.ampersandApiKey(), null).assertProblem(401);
        api.setFaults("{\"rejectTokens\":false}");
        assertEquals(200, api.v1Get("/projects").status());
    }

    @Test
    void latencyDelaysEveryV1Answer() {
        api.setFaults("{\"latencyMillis\":300}");
        long start = System.nanoTime();
        assertEquals(200, api.v1Get("/projects").status());
        assertTrue(elapsedMillis(start) >= 300, "answer came too early");
        start = System.nanoTime();
        api.v1Get("/projects/nope").assertProblem(404);
        assertTrue(elapsedMillis(start) >= 300, "problems are delayed too");
    }

    @Test
    void failingEnvironmentDoesNotApplyToAmpersand() {
        api.setFaults("{\"failingEnvironment\":\"production\"}");
        assertEquals(204, api.v1("DELETE", KEY, null).status());
        assertEquals(200, api.v1("PATCH", "/projects/partner-sso/jwt-keys/56927b59-f9e1-44e9-9f66-35dcc2f594cc",
                "{\"updateMask\":[\"active\"],\"jwtKey\":{\"active\":false}}").status());
    }

    @Test
    void oneSettingFaultsBothApis() {
        api.setFaults("{\"errorRate\":1}");
        api.v1Get("/projects").assertProblem(500);
        api.get("/apiops/projects/").assertError(500, "internal_error", "An unexpected error occurred");
        api.setFaults("{\"errorRate\":0}");
        assertEquals(200, api.v1Get("/projects").status());
        assertEquals(200, api.get("/apiops/projects/").status());
    }

    @Test
    void faultsComeInTheDocumentedOrder() {
        api.setFaults("{\"rejectTokens\":true,\"errorRate\":1}");
        api.v1Get("/projects").assertProblem(401);
        api.setFaults("{\"rejectTokens\":false,\"dropRate\":1,\"badGatewayRate\":1,\"rateLimitRate\":1}");
        assertEquals("", api.raw("GET", "/v1/projects", api.server.ampersandApiKey()), "drop wins");
        api.setFaults("{\"dropRate\":0}");
        assertEquals(502, api.v1Get("/projects").status(), "502 before 429");
        api.setFaults("{\"badGatewayRate\":0}");
        api.v1Get("/projects").assertProblem(429);
        api.setFaults("{\"rateLimitRate\":0}");
        api.v1Get("/projects").assertProblem(500);
        // Faults come before routing and the key, as in /apiops.
        api.v1("GET", "/projects/", null, null, null).assertProblem(500);
    }

    @Test
    void faultedCreatesAreNotApplied() {
        api.setFaults("{\"errorRate\":1}");
        api.v1("POST", "/projects/partner-sso/jwt-keys", "{\"label\":\"faulted\",\"algorithm\":\"RS256\","
                + "\"publicKeyPem\":" + api.quote(TestPems.rsa2048Public()) + "}").assertProblem(500);
        api.server.faults().reset();
        assertEquals(2, api.jwtKeys("partner-sso").size());
        assertNotNull(SandboxHttp.findBy(api.jwtKeys("partner-sso"), "label", "sso-signing"));
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
