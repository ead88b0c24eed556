package io.keyward.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The /v1 routes: no trailing slash, 404 and 405 problems, segment-wise decoding, problems only. */
class AmpersandRoutingTest {
    private static final String KEY = "/projects/payments-prod/jwt-keys/13d92d15-4642-41aa-9fd2-783ae2cc85ba";
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
    void baseUrlIsTheRootThatHoldsProjects() {
        assertEquals(api.server.baseUrl() + "/v1", api.server.ampersandBaseUrl().toString());
        assertEquals(200, api.v1Get("/projects").status());
    }

    @Test
    void trailingSlashesAndExtraSlashesAre404() {
        for (String path : List.of("/projects/", "/projects/payments-prod/", "/projects/payments-prod/jwt-keys/",
                KEY + "/", "/projects//jwt-keys", "/projects/payments-prod//jwt-keys", "", "/", "/jwt-keys",
                "/projects/payments-prod/keys", "/projects/payments-prod/jwt-keys/x/y")) {
            JsonNode problem = api.v1Get(path).assertProblem(404);
            assertEquals("no endpoint for GET /v1" + path, problem.get("detail").asText(), path);
        }
    }

    @Test
    void wrongMethodIs405WithAllow() {
        assertAllowed("PUT", "/projects", "GET");
        assertAllowed("DELETE", "/projects/payments-prod", "GET");
        assertAllowed("PUT", "/projects/payments-prod/jwt-keys", "GET, POST");
        assertAllowed("DELETE", "/projects/payments-prod/jwt-keys", "GET, POST");
        assertAllowed("POST", KEY, "DELETE, GET, PATCH");
        assertAllowed("PUT", KEY, "DELETE, GET, PATCH");
        SandboxHttp.Response head = api.v1("HEAD", "/projects", null);
        assertEquals(405, head.status());
        assertEquals("", head.body(), "a HEAD answer has no body");
    }

    @Test
    void routingErrorsComeBeforeTheApiKey() {
        api.v1("GET", "/projects/", null, null, null).assertProblem(404);
        api.v1("PUT", "/projects", "X-Api-Key", "wrong", null).assertProblem(405);
        api.v1("GET", "/projects", null, null, null).assertProblem(401);
    }

    @Test
    void anEncodedSlashStaysInsideTheProjectName() {
        // Decoded per segment: this is one project named "payments-prod/jwt-keys", not the key list.
        JsonNode problem = api.v1Get("/projects/payments-prod%2Fjwt-keys").assertProblem(404);
        assertEquals("project not found", problem.get("detail").asText());
        assertTrue(problem.get("causes").get(0).asText().contains("'payments-prod/jwt-keys'"), problem.toString());
    }

    @Test
    void brokenEscapesAre400Problems() {
        JsonNode problem = api.v1Get("/projects/m%C3").assertProblem(400);
        assertTrue(problem.get("detail").asText().contains("m%C3"), problem.toString());
        // A valid escape that is no UTF-8 text in the query is refused as a bad flag, in the same format.
        api.v1Get("/projects/payments-prod/jwt-keys?active=%C3").assertProblem(400);
        // (A malformed escape such as %zz never reaches the sandbox: the JDK server answers it with its
        // own HTML 400 before any handler runs, as it does for /apiops.)
        String raw = api.raw("GET", "/v1/projects/m%zz/jwt-keys", api.server.ampersandApiKey());
        assertTrue(raw.startsWith("HTTP/1.1 400 "), raw);
    }

    @Test
    void anOversizedBodyIsA413Problem() {
        String huge = "{\"label\":\"" + "x".repeat(HttpIo.MAX_BODY_BYTES) + "\"}";
        api.v1("POST", "/projects/payments-prod/jwt-keys", huge).assertProblem(413);
        assertEquals(5, api.jwtKeys("payments-prod").size());
    }

    @Test
    void aNulByteInAKeyIdIsJustAnUnknownKey() {
        api.v1Get("/projects/payments-prod/jwt-keys/%00").assertProblem(404);
    }

    @Test
    void everyRequestHasItsOwnRequestId() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            ids.add(api.v1Get("/projects/nope").assertProblem(404).get("requestId").asText());
        }
        assertEquals(20, ids.size());
    }

    @Test
    void theApinizerErrorFormatNeverAppearsUnderV1() {
        SandboxHttp.Response response = SandboxHttp.send(HttpRequest.newBuilder(
                api.server.ampersandBaseUrl().resolve("/v1/projects/payments-prod/jwt-keys"))
                .header("X-Api-Key", api.server.ampersandApiKey())
                .POST(HttpRequest.BodyPublishers.ofString("not json")).build());
        JsonNode problem = response.assertProblem(400);
        assertFalse(problem.has("error"));
        assertFalse(problem.has("error_description"));
        // And the other way round: /apiops keeps its own format.
        api.get("/apiops/projects").assertError(404, "not_found", "No endpoint for GET /apiops/projects");
    }

    private void assertAllowed(String method, String path, String allowed) {
        SandboxHttp.Response response = api.v1(method, path, method.equals("GET") ? null : "{}");
        JsonNode problem = response.assertProblem(405);
        assertEquals(allowed, response.headers().firstValue("Allow").orElse(null), method + " " + path);
        assertTrue(problem.get("detail").asText().contains(method), problem.toString());
    }
}
