package io.keyward.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static io.keyward.sandbox.SandboxHttp.seg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JwkTest {
    private static final String JWKS = "/apiops/projects/payments/jwks/";
    private static final Set<String> SUMMARY_FIELDS = Set.of("id", "name", "description", "projectId", "sourceType",
            "sourceId", "sourceUrl", "type", "kid");
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
    void listLeavesMaterialOut() {
        Set<String> types = new TreeSet<>();
        Set<String> sources = new TreeSet<>();
        for (String project : List.of("payments", "Partner Gateway", "müşteri-portalı")) {
            for (JsonNode jwk : api.list(project, "jwks")) {
                assertEquals(SUMMARY_FIELDS, RoutingTest.fieldNames(jwk), jwk.toString());
                types.add(jwk.get("type").asText());
                sources.add(jwk.get("sourceType").asText());
                assertFalse(jwk.get("kid").asText().isBlank());
            }
        }
        assertEquals(Set.of("RSA", "EC", "OCT", "OKP"), types);
        assertTrue(sources.containsAll(Set.of("PUBLIC_KEY", "PRIVATE_KEY", "GENERATE", "URL", "CERTIFICATE")), sources.toString());

        JsonNode url = api.jwkNamed("payments", "idp-signing");
        assertEquals("URL", url.get("sourceType").asText());
        assertEquals("RSA", url.get("type").asText());
        assertEquals("https://idp.example.com/.well-known/jwks.json", url.get("sourceUrl").asText());
        assertTrue(url.get("sourceId").isNull());

        JsonNode derived = api.jwkNamed("payments", "api-signing-2026-public");
        assertEquals(api.key("payments", "api-signing-2026").get("id").asText(), derived.get("sourceId").asText());
        assertTrue(derived.get("sourceUrl").isNull());
    }

    @Test
    void derivedJwksCarryTheKeysOwnMaterial() throws Exception {
        for (JsonNode summary : api.list("payments", "jwks")) {
            String sourceType = summary.get("sourceType").asText();
            if (!sourceType.equals("PUBLIC_KEY") && !sourceType.equals("PRIVATE_KEY")) {
                continue;
            }
            JsonNode key = SandboxHttp.findBy(api.list("payments", "keys"), "id", summary.get("sourceId").asText());
            assertNotNull(key, "sourceId must name a key: " + summary);
            String keyType = key.get("keyType").asText();
            JsonNode jwk = getOne(summary.get("name").asText());
            assertEquals(keyType, jwk.get("type").asText(), "a JWK has the type of its key");
            String member = keyType.toLowerCase(java.util.Locale.ROOT);
            assertEquals(sourceType.equals("PRIVATE_KEY"), jwk.get(member).has("d"),
                    "only PRIVATE_KEY JWKs carry the private part: " + summary.get("name"));
            KeyMaterial.assertJwkMatchesKey(jwk, keyType, KeyMaterial.publicKey(keyType,
                    key.get("cryptoKeyInfoEnvironmentList").get(0).get("publicKey").asText()));
        }
    }

    @Test
    void getCarriesTheMaterialOfEachType() {
        JsonNode rsa = getOne("api-signing-2026-private");
        assertEquals(Set.of("n", "e", "d", "p", "q", "dp", "dq", "qi"), RoutingTest.fieldNames(rsa.get("rsa")));
        assertEquals(256, KeyMaterial.bytes(rsa.get("rsa"), "n").length);
        assertTrue(SUMMARY_FIELDS.stream().allMatch(rsa::has));
        assertFalse(rsa.has("ec") || rsa.has("oct") || rsa.has("okp"));

        assertEquals(Set.of("crv", "x", "y", "d"), RoutingTest.fieldNames(getOne("token-encryption-ec").get("ec")));
        assertEquals(Set.of("crv", "x", "y"), RoutingTest.fieldNames(getOne("card-vault-mtls").get("ec")));
        assertEquals(Set.of("crv", "x", "d"), RoutingTest.fieldNames(getOne("webhook-ed25519").get("okp")));

        JsonNode oct = getOne("ops/rotation 2026");
        assertEquals("OCT", oct.get("type").asText());
        assertEquals("GENERATE", oct.get("sourceType").asText());
        assertEquals(32, KeyMaterial.bytes(oct.get("oct"), "k").length, "256-bit secret");

        JsonNode url = getOne("idp-signing");
        assertEquals(Set.of("n", "e"), RoutingTest.fieldNames(url.get("rsa")));
        assertEquals("idp-2026-01", url.get("kid").asText());
    }

    @Test
    void kidIsTheRfc7638Thumbprint() throws Exception {
        JsonNode ec = getOne("token-encryption-ec-public").get("ec");
        String canonical = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + ec.get("x").asText() + "\",\"y\":\""
                + ec.get("y").asText() + "\"}";
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(digest),
                getOne("token-encryption-ec-public").get("kid").asText());
    }

    @Test
    void unknownJwkIs400() {
        api.get(JWKS + "nope/").assertError(400, "bad_request", "JWK (name: nope) is not found!");
        api.delete(JWKS + "nope/").assertError(400, "bad_request", "JWK (name: nope) is not found!");
    }

    @Test
    void renameKeepsIdAndSlotsFollow() {
        JsonNode before = api.jwkNamed("payments", "api-signing-2026-private");
        SandboxHttp.Response response = api.put(JWKS + "api-signing-2026-private/", "{\"name\":\"signing-2026-q3\"}");
        assertEquals(200, response.status(), response.body());
        assertDeployedEverywhere(response.json());

        JsonNode after = api.jwkNamed("payments", "signing-2026-q3");
        assertEquals(before.get("id"), after.get("id"));
        assertEquals(before.get("description"), after.get("description"), "absent description keeps the old one");
        assertEquals(before.get("kid"), after.get("kid"));
        api.get(JWKS + "api-signing-2026-private/")
                .assertError(400, "bad_request", "JWK (name: api-signing-2026-private) is not found!");
        assertEquals("signing-2026-q3", api.credential("payments", "checkout-service").get("validationJwkName").asText());
        assertEquals("signing-2026-q3", api.credential("payments", "partner bot").get("validationJwkName").asText());
    }

    @Test
    void descriptionOnlyUpdateKeepsTheName() {
        SandboxHttp.Response response = api.put(JWKS + "idp-signing/", "{\"name\":null,\"description\":\"Rotated IdP key\"}");
        assertEquals(200, response.status(), response.body());
        JsonNode jwk = api.jwkNamed("payments", "idp-signing");
        assertEquals("Rotated IdP key", jwk.get("description").asText());
    }

    @Test
    void anyUpdateDetachesFromTheSource() {
        assertEquals(200, api.put(JWKS + "api-signing-2026-public/", "{\"description\":\"detached\"}").status());
        JsonNode derived = api.jwkNamed("payments", "api-signing-2026-public");
        assertTrue(derived.get("sourceId").isNull());
        assertEquals("PUBLIC_KEY", derived.get("sourceType").asText(), "sourceType stays");

        assertEquals(200, api.put(JWKS + "idp-signing/", "{}").status(), "even an empty update detaches");
        JsonNode url = api.jwkNamed("payments", "idp-signing");
        assertTrue(url.get("sourceUrl").isNull());
        assertEquals("URL", url.get("sourceType").asText());

        // Deleting the key afterwards no longer touches the detached JWK, even with DELETE.
        assertEquals(200, api.delete("/apiops/projects/payments/keys/api-signing-2026/?jwkDeleteAction=DELETE").status());
        assertNotNull(api.jwkNamed("payments", "api-signing-2026-public"));
        assertNull(api.jwkNamed("payments", "api-signing-2026-private"));
    }

    @Test
    void renameToAnExistingNameIsRejectedAndChangesNothing() {
        String before = api.get(JWKS).body();
        api.put(JWKS + "api-signing-2026-public/", "{\"name\":\"idp-signing\",\"description\":\"x\"}")
                .assertError(400, "bad_request", "JWK (name: idp-signing) is already exist!");
        assertEquals(before, api.get(JWKS).body(), "no rename, no new description, no detach");
    }

    @Test
    void renameToItsOwnNameIsFine() {
        assertEquals(200, api.put(JWKS + "idp-signing/", "{\"name\":\"idp-signing\"}").status());
    }

    @Test
    void updateOfAMissingJwkSaysTryCreate() {
        api.put(JWKS + "nope/", "{\"name\":\"x\"}")
                .assertError(400, "bad_request", "JWK (name: nope) is not found! Try create operation.");
    }

    @Test
    void badUpdateBodiesAre400() {
        for (String body : List.of("{not json", "[1,2]", "{\"name\":42}", "{\"description\":true}", "{\"name\":\"  \"}")) {
            SandboxHttp.Response response = api.put(JWKS + "idp-signing/", body);
            assertEquals(400, response.status(), body);
            assertEquals("bad_request", response.json().get("error").asText(), body);
        }
        assertEquals("https://idp.example.com/.well-known/jwks.json",
                api.jwkNamed("payments", "idp-signing").get("sourceUrl").asText(), "a rejected update must not detach");
    }

    @Test
    void deleteRemovesTheJwkAndEveryoneElsesSlots() {
        SandboxHttp.Response response = api.delete(JWKS + seg("api-signing-2026-private") + "/");
        assertEquals(200, response.status(), response.body());
        KeyTest.assertUndeployedEverywhere(response.json());
        assertNull(api.jwkNamed("payments", "api-signing-2026-private"));
        JsonNode checkout = api.credential("payments", "checkout-service");
        assertTrue(checkout.get("validationJwkName").isNull());
        assertEquals("token-encryption-ec", checkout.get("encryptionJwkName").asText());
        assertTrue(api.credential("payments", "partner bot").get("validationJwkName").isNull());
        assertNotNull(api.key("payments", "api-signing-2026"), "the key stays");

        SandboxHttp.Response encryptionHolder = api.delete(JWKS + seg("rollout 10% canary") + "/");
        assertEquals(200, encryptionHolder.status());
        assertTrue(api.credential("payments", "mobile-app").get("encryptionJwkName").isNull());
        assertEquals("legacy-signing-v1", api.credential("payments", "mobile-app").get("validationJwkName").asText());
    }

    private JsonNode getOne(String name) {
        SandboxHttp.Response response = api.get(JWKS + seg(name) + "/");
        assertEquals(200, response.status(), response.body());
        assertTrue(response.json().get("success").asBoolean());
        assertEquals(1, response.json().get("resultList").size());
        return response.json().get("resultList").get(0);
    }

    static void assertDeployedEverywhere(JsonNode body) {
        assertTrue(body.get("success").asBoolean());
        JsonNode result = body.get("deploymentResult");
        assertTrue(result.get("success").asBoolean());
        assertEquals("Deployment completed successfully", result.get("message").asText());
        assertEquals(List.of("production", "staging", "test"),
                SandboxHttp.texts(result.get("environmentResults"), "environmentName"));
        for (JsonNode environment : result.get("environmentResults")) {
            assertTrue(environment.get("success").asBoolean());
            assertEquals("Deployed successfully", environment.get("message").asText());
        }
    }
}
