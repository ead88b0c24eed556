package io.keyward.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The /v1 API key: both headers, 401 problems, and no crossing over between the two APIs' secrets. */
class AmpersandAuthTest {
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
    void theKeyIsAcceptedAsXApiKeyOrBearer() {
        String key = api.server.ampersandApiKey();
        assertEquals(200, api.v1("GET", "/projects", "X-Api-Key", key, null).status());
        assertEquals(200, api.v1("GET", "/projects", "x-api-key", key, null).status(), "header names ignore case");
        assertEquals(200, api.v1("GET", "/projects", "Authorization", "Bearer " + key, null).status());
        assertEquals(200, api.v1("GET", "/projects", "Authorization", "bearer " + key, null).status());
    }

    @Test
    void aMissingKeyIs401() {
        SandboxHttp.Response response = api.v1("GET", "/projects", null, null, null);
        JsonNode problem = response.assertProblem(401);
        assertEquals("missing API key", problem.get("detail").asText());
        assertTrue(problem.get("remedy").asText().contains("X-Api-Key"));
        assertEquals("Bearer", response.headers().firstValue("WWW-Authenticate").orElse(null));
        assertEquals("missing API key", api.v1("GET", "/projects", "Authorization", "Bearer ", null)
                .assertProblem(401).get("detail").asText());
        assertEquals("missing API key", api.v1("GET", "/projects", "Authorization", "Basic Zm9vOmJhcg==", null)
                .assertProblem(401).get("detail").asText());
    }

    @Test
    void aWrongKeyIs401AndNeverEchoed() {
        String key = api.server.ampersandApiKey();
        for (String[] header : List.of(new String[]{"X-Api-Key", "wrong-key-123"},
                new String[]{"Authorization", "Bearer wrong-key-123"},
                new String[]{"X-Api-Key", key.substring(1)},
                new String[]{"X-Api-Key", key + "x"},
                new String[]{"Authorization", "Token " + key})) {
            SandboxHttp.Response response = api.v1("GET", "/projects", header[0], header[1], null);
            response.assertProblem(401);
            assertTrue(!response.body().contains("wrong-key-123") && !response.body().contains(key.substring(1)),
                    response.body());
        }
    }

    @Test
    void xApiKeyDecidesWhenBothAreSent() {
        String key = api.server.ampersandApiKey();
        SandboxHttp.Response wrongApiKey = SandboxHttp.send(HttpRequest.newBuilder(
                        URI.create(api.server.ampersandBaseUrl() + "/projects"))
                .header("X-Api-Key", "wrong").header("Authorization", "Bearer " + key).build());
        wrongApiKey.assertProblem(401);
        SandboxHttp.Response rightApiKey = SandboxHttp.send(HttpRequest.newBuilder(
                        URI.create(api.server.ampersandBaseUrl() + "/projects"))
                .header("X-Api-Key", key).header("Authorization", "Bearer wrong").build());
        assertEquals(200, rightApiKey.status());
    }

    @Test
    void everyRouteNeedsTheKeyAndARefusedChangeChangesNothing() {
        String before = api.jwtKeys("payments-prod").toString();
        api.v1("GET", "/projects/payments-prod", null, null, null).assertProblem(401);
        api.v1("GET", "/projects/payments-prod/jwt-keys", null, null, null).assertProblem(401);
        api.v1("POST", "/projects/payments-prod/jwt-keys", "X-Api-Key", "wrong", "{\"label\":\"x\","
                + "\"algorithm\":\"RS256\",\"publicKeyPem\":" + api.quote(TestPems.rsa2048Public()) + "}").assertProblem(401);
        api.v1("GET", KEY, null, null, null).assertProblem(401);
        api.v1("PATCH", KEY, "X-Api-Key", "wrong", "{\"updateMask\":[\"label\"],\"jwtKey\":{\"label\":\"x\"}}")
                .assertProblem(401);
        api.v1("DELETE", KEY, "X-Api-Key", "wrong", null).assertProblem(401);
        assertEquals(before, api.jwtKeys("payments-prod").toString());
    }

    @Test
    void apinizerTokensDoNotOpenV1() {
        SandboxHttp.Response login = api.postForm("/apiops/auth/token", AuthEndpoints.FORM_TYPE,
                "grant_type=client_credentials&client_id=admin&client_secret=" + api.server.password());
        String issued = login.json().get("access_token").asText();
        for (String token : List.of(api.server.adminToken(), api.server.readOnlyToken(), issued)) {
            assertEquals(200, api.send("GET", "/apiops/projects/", token, null).status(), "valid on /apiops");
            api.v1("GET", "/projects", "Authorization", "Bearer " + token, null).assertProblem(401);
            api.v1("GET", "/projects", "X-Api-Key", token, null).assertProblem(401);
        }
    }

    @Test
    void theAmpersandKeyDoesNotOpenApiops() {
        api.send("GET", "/apiops/projects/", api.server.ampersandApiKey(), null)
                .assertError(401, "unauthorized_client", "Invalid token");
        api.send("DELETE", "/apiops/projects/payments/jwks/idp-signing/", api.server.ampersandApiKey(), null)
                .assertError(401, "unauthorized_client", "Invalid token");
        assertNotNull(api.jwkNamed("payments", "idp-signing"));
    }

    @Test
    void eachRunHasItsOwnKeyUnlessOneIsGiven() {
        try (SandboxHttp other = SandboxHttp.start()) {
            assertNotEquals(api.server.ampersandApiKey(), other.server.ampersandApiKey());
            assertTrue(api.server.ampersandApiKey().matches("[A-Za-z0-9_-]{43}"));
            other.v1("GET", "/projects", "X-Api-Key", api.server.ampersandApiKey(), null).assertProblem(401);
        }
        try (SandboxHttp fixed = SandboxHttp.start(new SandboxOptions(0, null, null, "fixed-ampersand-key"))) {
            assertEquals("fixed-ampersand-key", fixed.server.ampersandApiKey());
            assertEquals(200, fixed.v1("GET", "/projects", "X-Api-Key", "fixed-ampersand-key", null).status());
        }
    }

    @Test
    void optionsRefuseABlankKeyOrOneSharedWithTheAdminToken() {
        assertThrows(IllegalArgumentException.class, () -> new SandboxOptions(0, null, null, " "));
        assertThrows(IllegalArgumentException.class, () -> new SandboxOptions(0, "same", null, "same"));
    }

    @Test
    void optionsNeverShowTheirSecrets() {
        String text = new SandboxOptions(0, "admin-secret-1", null, "ampersand-secret-2").toString();
        assertTrue(!text.contains("admin-secret-1") && !text.contains("ampersand-secret-2"), text);
        assertTrue(text.contains("port=0"), text);
        String cli = CliOptions.parse(new String[]{"--ampersand-api-key", "ampersand-secret-3"}).toString();
        assertTrue(cli.contains("ampersandApiKey=(given)") && !cli.contains("ampersand-secret-3"), cli);
    }
}
