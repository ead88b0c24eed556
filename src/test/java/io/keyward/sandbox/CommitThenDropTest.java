package io.keyward.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Map;

import static io.keyward.sandbox.SandboxHttp.seg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * commitThenDropRate and commitThenDropNext: a mutation is carried out in full, then its connection
 * closes without a byte of answer. Observed over real HTTP on both APIs; a later GET shows the change.
 */
class CommitThenDropTest {
    private static final String JWK = "/apiops/projects/payments/jwks/idp-signing/";
    private static final String CREDENTIALS = "/apiops/projects/payments/credentials/";
    private static final String PAYMENTS_KEYS = "/projects/payments-prod/jwt-keys";
    /** mobile-app-legacy, an inactive key. */
    private static final String LEGACY = PAYMENTS_KEYS + "/8b30645b-fbbb-4b20-be55-f99954317ce0";
    private static final String CHECKOUT = PAYMENTS_KEYS + "/13d92d15-4642-41aa-9fd2-783ae2cc85ba";
    private static final String SSO_KEYS = "/projects/partner-sso/jwt-keys";
    private static final String DEACTIVATE = "{\"updateMask\":[\"active\"],\"jwtKey\":{\"active\":false}}";

    private SandboxHttp api;

    @BeforeEach
    void start() {
        api = SandboxHttp.start();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    // ---- /apiops ----

    @Test
    void apiopsDeleteHappensAndNotOneByteOfAnswerComesBack() {
        assertEquals(200, api.setFaults("{\"commitThenDropNext\":1}").status());
        assertEquals("", api.raw("DELETE", JWK, api.server.adminToken()), "the connection closes without a status line");
        assertNull(api.jwkNamed("payments", "idp-signing"), "yet the JWK is gone");
        assertEquals(0, commitThenDropNext());
    }

    @Test
    void apiopsPutHappensAndTheClientSeesNoResponse() {
        api.setFaults("{\"commitThenDropNext\":1}");
        assertNoAnswer(apinizer("PUT", JWK, "{\"name\":\"renamed\"}"));
        assertNotNull(api.jwkNamed("payments", "renamed"), "the rename happened");
        assertNull(api.jwkNamed("payments", "idp-signing"));
    }

    @Test
    void everyApiopsMutationKindIsCarriedOutThenDropped() {
        api.setFaults("{\"commitThenDropNext\":3,\"failingEnvironment\":\"staging\"}");
        assertNoAnswer(apinizer("DELETE", "/apiops/projects/payments/keys/api-signing-2026/?jwkDeleteAction=DELETE", null));
        assertNoAnswer(apinizer("PUT", CREDENTIALS + "mobile-app/jwk/validation/" + seg("ops/rotation 2026") + "/", null));
        assertNoAnswer(apinizer("DELETE", CREDENTIALS + "mobile-app/jwk/encryption/", null));

        assertNull(api.key("payments", "api-signing-2026"), "key deleted");
        assertNull(api.jwkNamed("payments", "api-signing-2026-private"), "with the JWKs derived from it");
        JsonNode mobile = api.credential("payments", "mobile-app");
        assertEquals("ops/rotation 2026", mobile.get("validationJwkName").asText(), "slot set");
        assertNull(mobile.get("encryptionJwkName").textValue(), "slot cleared");
        assertEquals(0, commitThenDropNext());
    }

    // ---- /v1 ----

    @Test
    void v1DeleteHappensAndNotOneByteOfAnswerComesBack() {
        api.setFaults("{\"commitThenDropNext\":1}");
        assertEquals("", api.raw("DELETE", "/v1" + LEGACY, api.server.ampersandApiKey()));
        api.v1Get(LEGACY).assertProblem(404);
    }

    @Test
    void v1PatchHappensAndTheClientSeesNoResponse() {
        api.setFaults("{\"commitThenDropNext\":1}");
        assertNoAnswer(ampersand("PATCH", CHECKOUT,
                "{\"updateMask\":[\"label\",\"active\"],\"jwtKey\":{\"label\":\"patched\",\"active\":false}}"));
        JsonNode key = api.v1Get(CHECKOUT).json();
        assertEquals("patched", key.get("label").asText());
        assertFalse(key.get("active").asBoolean());
    }

    @Test
    void v1PostHappensAndTheClientSeesNoResponse() {
        api.setFaults("{\"commitThenDropNext\":1}");
        String create = "{\"label\":\"created-unseen\",\"algorithm\":\"RS256\",\"publicKeyPem\":"
                + api.quote(TestPems.rsa2048Public()) + "}";
        assertEquals("", api.raw("POST", "/v1" + SSO_KEYS,
                Map.of("X-Api-Key", api.server.ampersandApiKey(), "Content-Type", "application/json"), create));
        assertEquals(3, api.jwtKeys("partner-sso").size());
        assertNotNull(SandboxHttp.findBy(api.jwtKeys("partner-sso"), "label", "created-unseen"));
    }

    // ---- both ----

    @Test
    void nextTwoDropsExactlyTheNextTwoMutationsAcrossBothApisThenStops() {
        SandboxHttp.Response set = api.setFaults("{\"commitThenDropNext\":2}");
        assertEquals(2, set.json().get("commitThenDropNext").asInt());

        assertEquals(200, api.get("/apiops/projects/").status(), "a read takes none of the two");
        assertNoAnswer(apinizer("DELETE", JWK, null));
        assertEquals(1, commitThenDropNext(), "GET shows what is left");
        assertEquals(200, api.v1Get(PAYMENTS_KEYS).status());
        assertNoAnswer(ampersand("PATCH", CHECKOUT, DEACTIVATE));
        assertEquals(0, commitThenDropNext());

        SandboxHttp.Response third = api.put("/apiops/projects/payments/jwks/legacy-signing-v1/", "{\"name\":\"third\"}");
        assertEquals(200, third.status(), "stopped by itself: " + third.body());
        assertEquals(204, api.v1("DELETE", LEGACY, null).status());

        assertNull(api.jwkNamed("payments", "idp-signing"), "both dropped changes happened");
        assertFalse(api.v1Get(CHECKOUT).json().get("active").asBoolean());
    }

    @Test
    void readsAndTheTokenEndpointAreNeverAffected() {
        api.setFaults("{\"commitThenDropRate\":1,\"commitThenDropNext\":5}");
        assertEquals(200, api.get("/apiops/projects/").status());
        assertEquals(200, api.get("/apiops/projects/payments/jwks/").status());
        assertEquals(200, api.get("/apiops/environments/payments").status());
        assertEquals(200, api.v1Get("/projects").status());
        assertEquals(200, api.v1Get(CHECKOUT).status());
        assertEquals(200, api.v1Get(PAYMENTS_KEYS + "?active=true").status());
        SandboxHttp.Response login = api.postForm("/apiops/auth/token", AuthEndpoints.FORM_TYPE,
                "grant_type=client_credentials&client_id=admin&client_secret=" + api.server.password());
        assertEquals(200, login.status(), "a POST, but not a change the admin manages: " + login.body());
        assertEquals(5, commitThenDropNext(), "none of these used one up");
    }

    @Test
    void refusedMutationsKeepTheirAnswerAndDoNotUseOneUp() {
        api.setFaults("{\"commitThenDropNext\":1}");
        api.delete("/apiops/projects/payments/jwks/no-such-jwk/").assertError(400, "bad_request",
                "JWK (name: no-such-jwk) is not found!");
        assertEquals(403, api.send("DELETE", JWK, api.server.readOnlyToken(), null).status());
        assertEquals(401, api.send("DELETE", JWK, null, null).status());
        assertEquals(404, api.delete("/apiops/projects/payments/jwks/idp-signing").status(), "no trailing slash");
        api.v1("DELETE", PAYMENTS_KEYS + "/00000000-0000-0000-0000-000000000000", null).assertProblem(404);
        api.v1("POST", SSO_KEYS, "{\"label\":\"\"}").assertProblem(400);
        assertEquals(1, commitThenDropNext(), "nothing was carried out, so nothing was dropped");

        assertNoAnswer(apinizer("DELETE", JWK, null));
        assertNull(api.jwkNamed("payments", "idp-signing"));
    }

    @Test
    void rateOneDropsEveryCarriedOutMutationAndRateZeroNone() {
        api.setFaults("{\"commitThenDropRate\":1.0}");
        for (int i = 0; i < 3; i++) {
            assertNoAnswer(apinizer("PUT", JWK.replace("idp-signing", i == 0 ? "idp-signing" : "idp-" + (i - 1)),
                    "{\"name\":\"idp-" + i + "\"}"));
        }
        assertNoAnswer(ampersand("PATCH", CHECKOUT, DEACTIVATE));
        assertNoAnswer(ampersand("DELETE", LEGACY, null));
        assertNotNull(api.jwkNamed("payments", "idp-2"), "all three renames happened, one after the other");
        assertFalse(api.v1Get(CHECKOUT).json().get("active").asBoolean());
        api.v1Get(LEGACY).assertProblem(404);
        assertEquals(0, commitThenDropNext(), "the rate does not touch the counter");

        api.setFaults("{\"commitThenDropRate\":0.0}");
        assertEquals(200, api.put(JWK.replace("idp-signing", "idp-2"), "{\"name\":\"idp-3\"}").status());
        assertEquals(200, api.v1("PATCH", CHECKOUT, "{\"updateMask\":[\"active\"],\"jwtKey\":{\"active\":true}}").status());
        assertEquals(201, api.v1("POST", SSO_KEYS, "{\"label\":\"answered\",\"algorithm\":\"RS256\",\"publicKeyPem\":"
                + api.quote(TestPems.rsa2048Public()) + "}").status());
    }

    @Test
    void earlierFaultsWinAndLeaveBothTheChangeAndTheCounterAlone() {
        api.setFaults("{\"commitThenDropNext\":1,\"dropRate\":1}");
        assertNoAnswer(apinizer("DELETE", JWK, null));
        assertNoAnswer(ampersand("DELETE", LEGACY, null));
        api.setFaults("{\"dropRate\":0,\"errorRate\":1}");
        api.delete(JWK).assertError(500, "internal_error", "An unexpected error occurred");
        assertEquals(1, commitThenDropNext(), "dropped before being handled: not a commit-then-drop");

        api.setFaults("{\"errorRate\":0}");
        assertNotNull(api.jwkNamed("payments", "idp-signing"), "the early drop changed nothing");
        assertEquals(200, api.v1Get(LEGACY).status());
        assertNoAnswer(ampersand("DELETE", LEGACY, null));
        api.v1Get(LEGACY).assertProblem(404);
    }

    @Test
    void resetClearsBoth() {
        api.setFaults("{\"commitThenDropRate\":1,\"commitThenDropNext\":3}");
        SandboxHttp.Response reset = SandboxHttp.send(api.controlRequest("/_sandbox/faults/reset")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(0.0, reset.json().get("commitThenDropRate").asDouble());
        assertEquals(0, reset.json().get("commitThenDropNext").asInt());
        assertEquals(200, api.delete(JWK).status());
        assertEquals(204, api.v1("DELETE", LEGACY, null).status());
    }

    private int commitThenDropNext() {
        return api.controlGet("/_sandbox/faults").json().get("commitThenDropNext").asInt();
    }

    private HttpRequest apinizer(String method, String path, String jsonBody) {
        return withBody(api.request(path).header("Authorization", "Bearer " + api.server.adminToken()), method, jsonBody);
    }

    private HttpRequest ampersand(String method, String path, String jsonBody) {
        return withBody(HttpRequest.newBuilder(URI.create(api.server.ampersandBaseUrl() + path))
                .timeout(java.time.Duration.ofSeconds(20))
                .header("X-Api-Key", api.server.ampersandApiKey()), method, jsonBody);
    }

    private static HttpRequest withBody(HttpRequest.Builder builder, String method, String jsonBody) {
        if (jsonBody != null) {
            builder.header("Content-Type", "application/json");
        }
        return builder.method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(jsonBody)).build();
    }

    /** The connection ended without an answer: an I/O failure that is not the client giving up on a slow one. */
    private static void assertNoAnswer(HttpRequest request) {
        IOException failure = assertThrows(IOException.class,
                () -> SandboxHttp.CLIENT.send(request, HttpResponse.BodyHandlers.ofString()),
                () -> request.method() + " " + request.uri() + " was answered");
        assertFalse(failure instanceof HttpTimeoutException, failure.toString());
    }
}
