package io.keyward.sandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each injected fault, switched on through the control endpoint and observed over real HTTP. */
class FaultInjectionTest {
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
    void errorRateAnswers500() {
        assertEquals(200, api.setFaults("{\"errorRate\":1.0}").status());
        for (int i = 0; i < 3; i++) {
            api.get("/apiops/projects/").assertError(500, "internal_error", "An unexpected error occurred");
        }
        api.delete("/apiops/projects/payments/jwks/idp-signing/")
                .assertError(500, "internal_error", "An unexpected error occurred");
        assertEquals(200, api.setFaults("{\"errorRate\":0}").status());
        assertNotNull(api.jwkNamed("payments", "idp-signing"), "a faulted request is never handled");
    }

    @Test
    void rateLimitAnswers429WithRetryAfter() {
        api.setFaults("{\"rateLimitRate\":1}");
        SandboxHttp.Response response = api.get("/apiops/projects/");
        assertEquals(429, response.status());
        assertEquals(HttpIo.JSON_TYPE, response.contentType());
        assertEquals("60", response.headers().firstValue("Retry-After").orElseThrow());
        assertEquals("rate_limit_exceeded", response.json().get("error").asText());
        assertEquals("Rate limit exceeded. Please try again later.", response.json().get("error_description").asText());
        assertEquals(60, response.json().get("retry_after").asInt());
        assertEquals(3, response.json().size());
    }

    @Test
    void badGatewayAnswersAnHtmlPage() {
        api.setFaults("{\"badGatewayRate\":1}");
        SandboxHttp.Response response = api.get("/apiops/projects/payments/keys/");
        assertEquals(502, response.status());
        assertTrue(response.contentType().startsWith("text/html"), response.contentType());
        assertTrue(response.body().startsWith("<html>"), response.body());
        assertTrue(response.body().contains("<title>502 Bad Gateway</title>"));
        assertTrue(response.body().contains("nginx"));
        assertThrows(UncheckedIOException.class, response::json, "a client must not take this page for JSON");
    }

    @Test
    void dropClosesTheConnectionWithoutAnyAnswer() {
        api.setFaults("{\"dropRate\":1}");
        HttpRequest request = api.request("/apiops/projects/")
                .header("Authorization", "Bearer " + api.server.adminToken()).GET().build();
        assertThrows(IOException.class, () -> SandboxHttp.CLIENT.send(request, HttpResponse.BodyHandlers.ofString()));

        // On the wire: the connection closes and not a single byte of HTTP comes back.
        assertEquals("", api.raw("GET", "/apiops/projects/", api.server.adminToken()));
    }

    @Test
    void droppedMutationsAreNotApplied() {
        api.setFaults("{\"dropRate\":1}");
        HttpRequest request = api.request("/apiops/projects/payments/jwks/idp-signing/")
                .header("Authorization", "Bearer " + api.server.adminToken())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"dropped\"}")).build();
        assertThrows(IOException.class, () -> SandboxHttp.CLIENT.send(request, HttpResponse.BodyHandlers.ofString()));
        api.server.faults().reset();
        assertNotNull(api.jwkNamed("payments", "idp-signing"));
    }

    @Test
    void rejectTokensRevokesEveryTokenUntilSwitchedOff() {
        api.setFaults("{\"rejectTokens\":true}");
        api.get("/apiops/projects/").assertError(401, "unauthorized_client", "Invalid token");
        api.send("GET", "/apiops/projects/", api.server.readOnlyToken(), null)
                .assertError(401, "unauthorized_client", "Invalid token");

        // Logging in again works, but the new token is refused just the same.
        SandboxHttp.Response login = api.postForm("/apiops/auth/token", AuthEndpoints.FORM_TYPE,
                "grant_type=client_credentials&client_id=admin&client_secret=" + api.server.password());
        assertEquals(200, login.status(), login.body());
        api.send("GET", "/apiops/projects/", login.json().get("access_token").asText(), null)
                .assertError(401, "unauthorized_client", "Invalid token");

        api.setFaults("{\"rejectTokens\":false}");
        assertEquals(200, api.get("/apiops/projects/").status());
    }

    @Test
    void latencyDelaysEveryApiAnswer() {
        api.setFaults("{\"latencyMillis\":300}");
        long start = System.nanoTime();
        assertEquals(200, api.get("/apiops/projects/").status());
        assertTrue(elapsedMillis(start) >= 300, "answer came too early");
        start = System.nanoTime();
        api.send("GET", "/apiops/projects/", null, null).assertError(401, "unauthorized_client", "Invalid token");
        assertTrue(elapsedMillis(start) >= 300, "error answers are delayed too");
    }

    @Test
    void latencyNeverDelaysTheControlEndpoint() {
        api.setFaults("{\"latencyMillis\":60000}");
        // Answering at all within the 20 s request timeout proves the minute of latency was skipped.
        assertEquals(200, api.controlGet("/_sandbox/faults").status());
        assertEquals(200, api.setFaults("{\"latencyMillis\":0}").status());
    }

    @Test
    void faultsComeInTheDocumentedOrder() {
        api.setFaults("{\"rejectTokens\":true,\"errorRate\":1}");
        api.get("/apiops/projects/").assertError(401, "unauthorized_client", "Invalid token");

        api.setFaults("{\"rejectTokens\":false,\"dropRate\":1,\"badGatewayRate\":1,\"rateLimitRate\":1}");
        assertEquals("", api.raw("GET", "/apiops/projects/", api.server.adminToken()), "drop wins");

        api.setFaults("{\"dropRate\":0}");
        assertEquals(502, api.get("/apiops/projects/").status(), "502 before 429");

        api.setFaults("{\"badGatewayRate\":0}");
        assertEquals(429, api.get("/apiops/projects/").status(), "429 before 500");

        api.setFaults("{\"rateLimitRate\":0}");
        assertEquals(500, api.get("/apiops/projects/").status());
        // Faults come before authentication and routing.
        assertEquals(500, api.send("GET", "/apiops/nowhere", null, null).status());
    }

    @Test
    void faultsNeverTouchTheControlEndpoint() {
        api.setFaults("{\"rejectTokens\":true,\"dropRate\":1,\"badGatewayRate\":1,\"rateLimitRate\":1,\"errorRate\":1}");
        SandboxHttp.Response response = api.controlGet("/_sandbox/faults");
        assertEquals(200, response.status());
        assertEquals(200, SandboxHttp.send(api.controlRequest("/_sandbox/faults/reset")
                .POST(HttpRequest.BodyPublishers.noBody()).build()).status());
        assertEquals(200, api.get("/apiops/projects/").status());
    }

    @Test
    void fractionalRatesFireSometimes() {
        api.server.faults().setErrorRate(0.5);
        int failures = 0;
        for (int i = 0; i < 100; i++) {
            int status = api.get("/apiops/projects/").status();
            assertTrue(status == 200 || status == 500, "status " + status);
            failures += status == 500 ? 1 : 0;
        }
        // Binomial(100, 0.5) falls outside 20..80 with probability below 1e-9.
        assertTrue(failures >= 20 && failures <= 80, "failures: " + failures);
    }

    @Test
    void initialFaultsApplyFromTheFirstRequestAndAreCopied() {
        FaultSettings initial = new FaultSettings().setErrorRate(1.0);
        try (SandboxHttp faulty = SandboxHttp.start(new SandboxOptions(0, "fixed-admin-token", initial))) {
            assertEquals("fixed-admin-token", faulty.server.adminToken());
            faulty.get("/apiops/projects/").assertError(500, "internal_error", "An unexpected error occurred");
            initial.setErrorRate(0);
            assertEquals(1.0, faulty.server.faults().getErrorRate(), "the server keeps its own copy");
            faulty.server.faults().setErrorRate(0);
            assertEquals(200, faulty.get("/apiops/projects/").status());
        }
    }

    @Test
    void closeIsPromptEvenWithARequestSleepingInLatency() throws Exception {
        SandboxHttp slow = SandboxHttp.start();
        try {
            slow.server.faults().setLatencyMillis(FaultSettings.MAX_LATENCY_MILLIS);
            var pending = SandboxHttp.CLIENT.sendAsync(slow.request("/apiops/projects/").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Thread.sleep(200);
            long start = System.nanoTime();
            slow.close();
            assertTrue(elapsedMillis(start) < 3_000, "close took " + elapsedMillis(start) + " ms");
            Throwable failure = pending.handle((response, error) -> error).get();
            assertNotNull(failure, "the sleeping request must fail, not be answered");
        } finally {
            slow.close();
        }
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
