package io.keyward.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.keyward.sandbox.SandboxHttp.seg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthTest {
    private static final String FORM = "application/x-www-form-urlencoded";
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
    void missingTokenIsRejected() {
        api.send("GET", "/apiops/projects/", null, null)
                .assertError(401, "unauthorized_client", "Invalid token");
    }

    @Test
    void unknownTokenIsRejected() {
        api.send("GET", "/apiops/projects/", "not-a-real-token", null)
                .assertError(401, "unauthorized_client", "Invalid token");
        api.send("DELETE", "/apiops/projects/payments/jwks/idp-signing/", "not-a-real-token", null)
                .assertError(401, "unauthorized_client", "Invalid token");
        assertTrue(api.jwkNamed("payments", "idp-signing") != null, "a rejected delete must not delete");
    }

    @Test
    void readOnlyTokenReadsEverything() {
        String token = api.server.readOnlyToken();
        for (String path : List.of("/apiops/projects/", "/apiops/environments/payments",
                "/apiops/projects/payments/keys/", "/apiops/projects/payments/keys/api-signing-2026/",
                "/apiops/projects/payments/jwks/", "/apiops/projects/payments/jwks/idp-signing/",
                "/apiops/projects/payments/credentials/")) {
            assertEquals(200, api.send("GET", path, token, null).status(), path);
        }
    }

    @Test
    void readOnlyTokenIsForbiddenEveryMutationAndNothingChanges() {
        String token = api.server.readOnlyToken();
        String jwksBefore = api.get("/apiops/projects/payments/jwks/").body();
        String keysBefore = api.get("/apiops/projects/payments/keys/").body();
        String credentialsBefore = api.get("/apiops/projects/payments/credentials/").body();
        String credential = "/apiops/projects/payments/credentials/checkout-service/jwk/";
        List<String[]> mutations = List.of(
                new String[]{"DELETE", "/apiops/projects/payments/keys/api-signing-2026/?jwkDeleteAction=DELETE", null},
                new String[]{"PUT", "/apiops/projects/payments/jwks/idp-signing/", "{\"name\":\"renamed\"}"},
                new String[]{"DELETE", "/apiops/projects/payments/jwks/idp-signing/", null},
                new String[]{"PUT", credential + "validation/idp-signing/", null},
                new String[]{"PUT", credential + "encryption/idp-signing/", null},
                new String[]{"DELETE", credential + "validation/", null},
                new String[]{"DELETE", credential + "encryption/", null});
        for (String[] mutation : mutations) {
            api.send(mutation[0], mutation[1], token, mutation[2])
                    .assertError(403, "forbidden", "You do not have permission to perform this action");
        }
        assertEquals(jwksBefore, api.get("/apiops/projects/payments/jwks/").body());
        assertEquals(keysBefore, api.get("/apiops/projects/payments/keys/").body());
        assertEquals(credentialsBefore, api.get("/apiops/projects/payments/credentials/").body());
    }

    @Test
    void tokenEndpointIssuesAFullRightsToken() {
        SandboxHttp.Response response = api.postForm("/apiops/auth/token", FORM,
                "grant_type=client_credentials&client_id=" + api.server.username()
                        + "&client_secret=" + api.server.password());
        assertEquals(200, response.status(), response.body());
        assertEquals(HttpIo.JSON_TYPE, response.contentType());
        JsonNode body = response.json();
        assertEquals(3, body.size(), response.body());
        assertEquals("Bearer", body.get("token_type").asText());
        assertEquals(3600, body.get("expires_in").asInt());
        String token = body.get("access_token").asText();
        assertTrue(token.length() >= 40, "random 32-byte token expected");
        assertNotEquals(api.server.adminToken(), token);

        SandboxHttp.Response update = api.send("PUT", "/apiops/projects/payments/jwks/idp-signing/", token,
                "{\"description\":\"changed with an issued token\"}");
        assertEquals(200, update.status(), update.body());
        assertEquals("changed with an issued token",
                api.jwkNamed("payments", "idp-signing").get("description").asText());

        String second = api.postForm("/apiops/auth/token", FORM, "grant_type=client_credentials&client_id=admin"
                + "&client_secret=" + api.server.password()).json().get("access_token").asText();
        assertNotEquals(token, second, "every grant is a new token");
    }

    @Test
    void tokenEndpointDecodesTheFormEncoding() {
        // %61 is 'a', %5F '_': a client that form-encodes every character must still log in.
        String password = api.server.password();
        StringBuilder everyCharEscaped = new StringBuilder();
        password.chars().forEach(c -> everyCharEscaped.append(String.format("%%%02X", c)));
        SandboxHttp.Response response = api.postForm("/apiops/auth/token", FORM,
                "grant_type=client%5Fcredentials&client_id=%61dmin&client_secret=" + everyCharEscaped);
        assertEquals(200, response.status(), response.body());
        // In form encoding '+' is a space, so this password has a space in the middle and is wrong.
        String withPlus = password.substring(0, 10) + "+" + password.substring(10);
        api.postForm("/apiops/auth/token", FORM, "grant_type=client_credentials&client_id=admin&client_secret=" + withPlus)
                .assertError(401, "unauthorized_client", "Bad credentials");
    }

    @Test
    void brokenFormEscapeIs400() {
        SandboxHttp.Response response = api.postForm("/apiops/auth/token", FORM,
                "grant_type=client_credentials&client_id=%zz&client_secret=" + api.server.password());
        assertEquals(400, response.status(), response.body());
        assertEquals("bad_request", response.json().get("error").asText());
    }

    @Test
    void tokenEndpointRejectsOtherGrantTypes() {
        api.postForm("/apiops/auth/token", FORM, "grant_type=password&client_id=admin&client_secret=" + api.server.password())
                .assertError(400, "unsupported_grant_type", "GrantType value must be client_credentials!");
        api.postForm("/apiops/auth/token", FORM, "client_id=admin&client_secret=" + api.server.password())
                .assertError(400, "unsupported_grant_type", "GrantType value must be client_credentials!");
    }

    @Test
    void tokenEndpointRejectsBadCredentials() {
        api.postForm("/apiops/auth/token", FORM, "grant_type=client_credentials&client_id=admin&client_secret=wrong")
                .assertError(401, "unauthorized_client", "Bad credentials");
        api.postForm("/apiops/auth/token", FORM,
                        "grant_type=client_credentials&client_id=root&client_secret=" + api.server.password())
                .assertError(401, "unauthorized_client", "Bad credentials");
        api.postForm("/apiops/auth/token", FORM, "grant_type=client_credentials")
                .assertError(401, "unauthorized_client", "Bad credentials");
    }

    @Test
    void tokenEndpointWantsFormEncodingNotJson() {
        SandboxHttp.Response response = api.postForm("/apiops/auth/token", "application/json",
                "{\"grant_type\":\"client_credentials\",\"client_id\":\"admin\",\"client_secret\":\""
                        + api.server.password() + "\"}");
        assertEquals(400, response.status());
        assertEquals("bad_request", response.json().get("error").asText());
        assertTrue(response.json().get("error_description").asText().contains(FORM));
    }

    @Test
    void tokenEndpointHasNoTrailingSlash() {
        api.postForm("/apiops/auth/token/", FORM,
                        "grant_type=client_credentials&client_id=admin&client_secret=" + api.server.password())
                .assertError(404, "not_found", "No endpoint for POST /apiops/auth/token/");
    }

    @Test
    void bearerSchemeIsCaseInsensitive() {
        SandboxHttp.Response response = SandboxHttp.send(api.request("/apiops/projects/")
                .header("Authorization", "bearer " + api.server.adminToken()).GET().build());
        assertEquals(200, response.status());
        api.send("GET", "/apiops/projects/" + seg("payments") + "/keys/", "", null)
                .assertError(401, "unauthorized_client", "Invalid token");
    }
}
