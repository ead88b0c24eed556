package io.keyward.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.keyward.sandbox.SandboxHttp.seg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Names with spaces, '/', '+', '%' and Turkish letters survive the trip through the path. */
class EncodedNamesTest {
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
    void projectWithSpace() {
        String projectId = SandboxHttp.findBy(api.get("/apiops/projects/").json().get("resultList"), "name",
                "Partner Gateway").get("id").asText();
        SandboxHttp.Response keys = api.get("/apiops/projects/Partner%20Gateway/keys/");
        assertEquals(200, keys.status(), keys.body());
        for (JsonNode key : keys.json().get("resultList")) {
            assertEquals(projectId, key.get("projectId").asText());
        }
        assertEquals(200, api.get("/apiops/environments/Partner%20Gateway").status());
    }

    @Test
    void nonAsciiProject() {
        assertEquals("/apiops/projects/m%C3%BC%C5%9Fteri-portal%C4%B1/jwks/",
                "/apiops/projects/" + seg("müşteri-portalı") + "/jwks/");
        SandboxHttp.Response jwks = api.get("/apiops/projects/m%C3%BC%C5%9Fteri-portal%C4%B1/jwks/");
        assertEquals(200, jwks.status(), jwks.body());
        assertTrue(SandboxHttp.texts(jwks.json().get("resultList"), "name").contains("şifreleme anahtarı/2026"));
        assertEquals(200, api.get("/apiops/environments/m%C3%BC%C5%9Fteri-portal%C4%B1").status());
    }

    @Test
    void plusInAPathIsALiteralPlus() {
        SandboxHttp.Response raw = api.get("/apiops/projects/payments/keys/legacy%20signing+v1/");
        assertEquals(200, raw.status(), raw.body());
        assertEquals("legacy signing+v1", raw.json().get("resultList").get(0).get("name").asText());

        SandboxHttp.Response escaped = api.get("/apiops/projects/payments/keys/legacy%20signing%2Bv1/");
        assertEquals(raw.body(), escaped.body());

        // Decoding a path with URLDecoder would turn this '+' into a space and find nothing else.
        api.get("/apiops/projects/payments/keys/legacy+signing+v1/")
                .assertError(400, "bad_request", "Key (name: legacy+signing+v1) is not found!");
    }

    @Test
    void encodedSlashStaysInsideTheName() {
        SandboxHttp.Response response = api.get("/apiops/projects/payments/jwks/ops%2Frotation%202026/");
        assertEquals(200, response.status(), response.body());
        assertEquals("ops/rotation 2026", response.json().get("resultList").get(0).get("name").asText());
        // An unencoded slash makes a different, unknown path.
        api.get("/apiops/projects/payments/jwks/ops/rotation%202026/").assertError(404, "not_found",
                "No endpoint for GET /apiops/projects/payments/jwks/ops/rotation%202026/");
    }

    @Test
    void percentInAName() {
        SandboxHttp.Response response = api.get("/apiops/projects/payments/jwks/rollout%2010%25%20canary/");
        assertEquals(200, response.status(), response.body());
        assertEquals("rollout 10% canary", response.json().get("resultList").get(0).get("name").asText());
    }

    @Test
    void everyDemoNameRoundTripsInEveryProject() {
        for (String project : List.of("payments", "Partner Gateway", "müşteri-portalı")) {
            for (JsonNode jwk : api.list(project, "jwks")) {
                SandboxHttp.Response one = api.get("/apiops/projects/" + seg(project) + "/jwks/"
                        + seg(jwk.get("name").asText()) + "/");
                assertEquals(200, one.status(), one.body());
                assertEquals(jwk.get("id"), one.json().get("resultList").get(0).get("id"));
            }
            for (JsonNode key : api.list(project, "keys")) {
                SandboxHttp.Response one = api.get("/apiops/projects/" + seg(project) + "/keys/"
                        + seg(key.get("name").asText()) + "/");
                assertEquals(200, one.status(), one.body());
                assertEquals(key, one.json().get("resultList").get(0));
            }
        }
    }

    @Test
    void credentialNamesWithSpaceAndTurkishLetters() {
        SandboxHttp.Response set = api.put("/apiops/projects/payments/credentials/ay%C5%9Fe.y%C4%B1lmaz/jwk/encryption/"
                + "rollout%2010%25%20canary/", null);
        assertEquals(200, set.status(), set.body());
        assertEquals("rollout 10% canary", api.credential("payments", "ayşe.yılmaz").get("encryptionJwkName").asText());

        SandboxHttp.Response removed = api.delete("/apiops/projects/payments/credentials/partner%20bot/jwk/validation/");
        assertEquals(200, removed.status(), removed.body());
        assertTrue(api.credential("payments", "partner bot").get("validationJwkName").isNull());

        SandboxHttp.Response turkish = api.put("/apiops/projects/" + seg("müşteri-portalı") + "/credentials/"
                + seg("çağrı merkezi") + "/jwk/validation/" + seg("portal-imza-özel") + "/", null);
        assertEquals(200, turkish.status(), turkish.body());
        assertEquals("portal-imza-özel",
                api.credential("müşteri-portalı", "çağrı merkezi").get("validationJwkName").asText());
    }

    @Test
    void renameToANameThatNeedsEncoding() {
        SandboxHttp.Response renamed = api.put("/apiops/projects/payments/jwks/idp-signing/",
                "{\"name\":\"idp/signing + 100% şık\"}");
        assertEquals(200, renamed.status(), renamed.body());
        SandboxHttp.Response fetched = api.get("/apiops/projects/payments/jwks/" + seg("idp/signing + 100% şık") + "/");
        assertEquals(200, fetched.status(), fetched.body());
        assertEquals("idp/signing + 100% şık", fetched.json().get("resultList").get(0).get("name").asText());
    }
}
