package io.keyward.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /_sandbox/reset-data brings the /v1 demo back too, and the demo keys are real over the wire. */
class AmpersandControlTest {
    private static final String KEYS = "/projects/payments-prod/jwt-keys";
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
    void resetDataRestoresTheAmpersandDemo() {
        String projects = api.v1Get("/projects").body();
        String payments = api.v1Get(KEYS).body();
        String sso = api.v1Get("/projects/partner-sso/jwt-keys").body();

        assertEquals(204, api.v1("DELETE", KEYS + "/8b30645b-fbbb-4b20-be55-f99954317ce0", null).status());
        assertEquals(200, api.v1("PATCH", KEYS + "/13d92d15-4642-41aa-9fd2-783ae2cc85ba",
                "{\"updateMask\":[\"label\",\"active\"],\"jwtKey\":{\"label\":\"changed\",\"active\":false}}").status());
        String kid = api.v1("POST", "/projects/partner-sso/jwt-keys", "{\"label\":\"added\",\"algorithm\":\"RS256\","
                + "\"publicKeyPem\":" + api.quote(TestPems.rsa2048Public()) + "}").json().get("kid").asText();
        assertNotEquals(payments, api.v1Get(KEYS).body());
        api.delete("/apiops/projects/payments/jwks/idp-signing/");
        assertNull(api.jwkNamed("payments", "idp-signing"));

        SandboxHttp.Response reset = SandboxHttp.send(api.controlRequest("/_sandbox/reset-data")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, reset.status(), reset.body());

        assertEquals(projects, api.v1Get("/projects").body());
        assertEquals(payments, api.v1Get(KEYS).body(), "deleted key back, patched key as it was");
        assertEquals(sso, api.v1Get("/projects/partner-sso/jwt-keys").body(), "created key gone");
        api.v1Get("/projects/partner-sso/jwt-keys/" + kid).assertProblem(404);
        assertNotNull(api.jwkNamed("payments", "idp-signing"), "and /apiops is reset by the same call");
    }

    @Test
    void resetDataKeepsTheApiKeyAndFaults() {
        String key = api.server.ampersandApiKey();
        api.setFaults("{\"latencyMillis\":1}");
        SandboxHttp.send(api.controlRequest("/_sandbox/reset-data").POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(key, api.server.ampersandApiKey());
        assertEquals(200, api.v1Get("/projects").status());
        assertEquals(1, api.server.faults().getLatencyMillis());
    }

    @Test
    void everyListedKeyIsARealRsaKeyOfAtLeast2048Bits() throws Exception {
        int count = 0;
        for (JsonNode project : api.v1Get("/projects").json()) {
            for (JsonNode key : api.jwtKeys(project.get("id").asText())) {
                String pem = key.get("publicKeyPem").asText();
                String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                        .replaceAll("\\s", "");
                RSAPublicKey rsa = (RSAPublicKey) KeyFactory.getInstance("RSA")
                        .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
                assertTrue(rsa.getModulus().bitLength() >= 2048, key.toString());
                count++;
            }
        }
        assertEquals(10, count);
    }
}
