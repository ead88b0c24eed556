package io.keyward.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Projects, environments, the trailing-slash rules and the unknown-project answers. */
class RoutingTest {
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
    void projectsAnswerWithStatusNotSuccess() {
        SandboxHttp.Response response = api.get("/apiops/projects/");
        assertEquals(200, response.status());
        assertEquals(HttpIo.JSON_TYPE, response.contentType());
        JsonNode body = response.json();
        assertEquals("SUCCESS", body.get("status").asText());
        assertFalse(body.has("success"), "the published quirk: projects say status, not success");
        assertEquals(3, body.get("resultCount").asInt());
        assertEquals(List.of("payments", "Partner Gateway", "müşteri-portalı"),
                SandboxHttp.texts(body.get("resultList"), "name"));
        for (JsonNode project : body.get("resultList")) {
            assertEquals(Set.of("id", "name", "description"), fieldNames(project));
            assertFalse(project.get("id").asText().isBlank());
            assertFalse(project.get("description").asText().isBlank());
        }
    }

    @Test
    void environmentsHaveNoTrailingSlash() {
        SandboxHttp.Response response = api.get("/apiops/environments/payments");
        assertEquals(200, response.status(), response.body());
        JsonNode body = response.json();
        assertTrue(body.get("success").asBoolean());
        assertEquals(3, body.get("resultCount").asInt());
        JsonNode list = body.get("resultList");
        assertEquals(List.of("production", "staging", "test"), SandboxHttp.texts(list, "name"));
        assertEquals(List.of("PRODUCTION", "SANDBOX", "TEST"), SandboxHttp.texts(list, "type"));
        for (JsonNode environment : list) {
            assertEquals(Set.of("id", "name", "description", "type", "status", "accessUrl", "deployed",
                    "redeployRequired"), fieldNames(environment));
            assertEquals("PUBLISHED", environment.get("status").asText());
            assertTrue(environment.get("accessUrl").asText().startsWith("https://"));
            assertTrue(environment.get("deployed").asBoolean());
            assertFalse(environment.get("redeployRequired").asBoolean());
        }

        api.get("/apiops/environments/payments/")
                .assertError(404, "not_found", "No endpoint for GET /apiops/environments/payments/");
    }

    @Test
    void resourcePathsNeedTheirTrailingSlash() {
        api.get("/apiops/projects").assertError(404, "not_found", "No endpoint for GET /apiops/projects");
        api.get("/apiops/projects/payments/keys")
                .assertError(404, "not_found", "No endpoint for GET /apiops/projects/payments/keys");
        api.get("/apiops/projects/payments/jwks/idp-signing")
                .assertError(404, "not_found", "No endpoint for GET /apiops/projects/payments/jwks/idp-signing");
        api.delete("/apiops/projects/payments/credentials/checkout-service/jwk/validation")
                .assertError(404, "not_found",
                        "No endpoint for DELETE /apiops/projects/payments/credentials/checkout-service/jwk/validation");
        // The rejected delete above must not have reached the store.
        assertEquals("api-signing-2026-private",
                api.credential("payments", "checkout-service").get("validationJwkName").asText());
    }

    @Test
    void extraSlashesAreNotTolerated() {
        api.get("/apiops/projects//").assertError(404, "not_found", "No endpoint for GET /apiops/projects//");
        api.get("/apiops/projects/payments//keys/")
                .assertError(404, "not_found", "No endpoint for GET /apiops/projects/payments//keys/");
        api.get("/apiops/projects/payments/jwks//")
                .assertError(404, "not_found", "No endpoint for GET /apiops/projects/payments/jwks//");
    }

    @Test
    void routingErrorsComeBeforeAuthentication() {
        api.send("GET", "/apiops/projects", null, null)
                .assertError(404, "not_found", "No endpoint for GET /apiops/projects");
    }

    @Test
    void wrongMethodIs405WithAllowHeader() {
        SandboxHttp.Response response = api.send("POST", "/apiops/projects/", api.server.adminToken(), "{}");
        assertEquals(405, response.status());
        assertEquals(HttpIo.JSON_TYPE, response.contentType());
        assertEquals("method_not_allowed", response.json().get("error").asText());
        assertTrue(response.json().get("error_description").asText().contains("POST"));
        assertEquals("GET", response.headers().firstValue("Allow").orElseThrow());

        SandboxHttp.Response onJwk = api.send("POST", "/apiops/projects/payments/jwks/idp-signing/",
                api.server.adminToken(), "{}");
        assertEquals(405, onJwk.status());
        assertEquals("DELETE, GET, PUT", onJwk.headers().firstValue("Allow").orElseThrow());
    }

    @Test
    void headAndOptionsAreNotSupported() {
        SandboxHttp.Response head = api.send("HEAD", "/apiops/projects/", api.server.adminToken(), null);
        assertEquals(405, head.status());
        assertEquals("", head.body());
        assertEquals(405, api.send("OPTIONS", "/apiops/projects/", api.server.adminToken(), null).status());
    }

    @Test
    void unknownTopLevelPathIs404Json() {
        api.get("/").assertError(404, "not_found", "No endpoint for GET /");
        api.get("/api/projects/").assertError(404, "not_found", "No endpoint for GET /api/projects/");
    }

    @Test
    void escapeThatIsNotUtf8Is400() {
        // A lone %C3 is a valid URI but no UTF-8 text; guessing a name from it would hide a client bug.
        SandboxHttp.Response response = api.get("/apiops/projects/m%C3/keys/");
        assertEquals(400, response.status(), response.body());
        assertEquals(HttpIo.JSON_TYPE, response.contentType());
        assertEquals("bad_request", response.json().get("error").asText());
        assertTrue(response.json().get("error_description").asText().contains("m%C3"));
    }

    @Test
    void unknownProjectIs404OnEveryProjectScopedEndpoint() {
        String project = "/apiops/projects/" + SandboxHttp.seg("no such project") + "/";
        String expected = "Project(no such project) was not found or user does not have privilege to access it!";
        List<String[]> calls = List.of(
                new String[]{"GET", project + "keys/", null},
                new String[]{"GET", project + "keys/api-signing-2026/", null},
                new String[]{"DELETE", project + "keys/api-signing-2026/", null},
                new String[]{"GET", project + "jwks/", null},
                new String[]{"GET", project + "jwks/idp-signing/", null},
                new String[]{"PUT", project + "jwks/idp-signing/", "{\"name\":\"x\"}"},
                new String[]{"DELETE", project + "jwks/idp-signing/", null},
                new String[]{"GET", project + "credentials/", null},
                new String[]{"PUT", project + "credentials/checkout-service/jwk/validation/idp-signing/", null},
                new String[]{"PUT", project + "credentials/checkout-service/jwk/encryption/idp-signing/", null},
                new String[]{"DELETE", project + "credentials/checkout-service/jwk/validation/", null},
                new String[]{"DELETE", project + "credentials/checkout-service/jwk/encryption/", null});
        for (String[] call : calls) {
            api.send(call[0], call[1], api.server.adminToken(), call[2]).assertError(404, "not_found", expected);
        }
    }

    @Test
    void unknownProjectOnEnvironmentsIsThePublished400() {
        api.get("/apiops/environments/Nope").assertError(400, "bad_request",
                "Project not found for name: (Nope) or user has not privilege to access it!");
    }

    @Test
    void projectNamesAreCaseSensitive() {
        api.get("/apiops/projects/Payments/keys/").assertError(404, "not_found",
                "Project(Payments) was not found or user does not have privilege to access it!");
    }

    @Test
    void everyEntityHasAnId() {
        for (String collection : List.of("keys", "jwks", "credentials")) {
            for (JsonNode item : api.list("payments", collection)) {
                assertNotNull(item.get("id"), collection);
                assertFalse(item.get("id").asText().isBlank(), collection);
            }
        }
    }

    static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
