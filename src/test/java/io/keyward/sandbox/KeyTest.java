package io.keyward.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.PublicKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keys, and what deleting one does to the JWKs made from it and to the credentials holding those. */
class KeyTest {
    private static final String KEYS = "/apiops/projects/payments/keys/";
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
    void keysCarryRealMaterialPerEnvironment() throws Exception {
        SandboxHttp.Response response = api.get(KEYS);
        assertEquals(200, response.status());
        JsonNode body = response.json();
        assertEquals(Set.of("success", "resultList"), RoutingTest.fieldNames(body));
        assertTrue(body.get("success").asBoolean());
        Set<String> types = new TreeSet<>();
        Set<List<String>> environmentSets = new java.util.HashSet<>();
        String projectId = api.get("/apiops/projects/").json().get("resultList").get(0).get("id").asText();
        for (JsonNode key : body.get("resultList")) {
            assertEquals(Set.of("id", "name", "description", "projectId", "keyType", "cryptoKeyInfoEnvironmentList"),
                    RoutingTest.fieldNames(key));
            assertEquals(projectId, key.get("projectId").asText());
            String keyType = key.get("keyType").asText();
            types.add(keyType);
            environmentSets.add(SandboxHttp.texts(key.get("cryptoKeyInfoEnvironmentList"), "environmentName"));
            for (JsonNode environment : key.get("cryptoKeyInfoEnvironmentList")) {
                assertEquals(Set.of("environmentName", "publicKey", "privateKey"), RoutingTest.fieldNames(environment));
                KeyMaterial.assertPair(keyType,
                        KeyMaterial.privateKey(keyType, environment.get("privateKey").asText()),
                        KeyMaterial.publicKey(keyType, environment.get("publicKey").asText()));
            }
        }
        assertEquals(Set.of("RSA", "EC", "OKP"), types);
        assertTrue(environmentSets.size() >= 3, "keys should be configured for different environment subsets");
        JsonNode rsa = api.key("payments", "api-signing-2026");
        PublicKey rsaPublic = KeyMaterial.publicKey("RSA",
                rsa.get("cryptoKeyInfoEnvironmentList").get(0).get("publicKey").asText());
        assertEquals(2048, ((java.security.interfaces.RSAPublicKey) rsaPublic).getModulus().bitLength());
    }

    @Test
    void getOneKey() {
        JsonNode fromList = api.key("payments", "token-encryption-ec");
        SandboxHttp.Response response = api.get(KEYS + "token-encryption-ec/");
        assertEquals(200, response.status());
        assertTrue(response.json().get("success").asBoolean());
        assertEquals(1, response.json().get("resultList").size());
        assertEquals(fromList, response.json().get("resultList").get(0));
    }

    @Test
    void unknownKeyIs400() {
        api.get(KEYS + "nope/").assertError(400, "bad_request", "Key (name: nope) is not found!");
        api.delete(KEYS + "nope/").assertError(400, "bad_request", "Key (name: nope) is not found!");
    }

    @Test
    void deleteWithoutActionNullifiesDerivedJwks() {
        assertNullified(api.delete(KEYS + "api-signing-2026/"));
    }

    @Test
    void deleteWithNullifyKeepsJwksButForgetsTheKey() {
        assertNullified(api.delete(KEYS + "api-signing-2026/?jwkDeleteAction=NULLIFY"));
    }

    private void assertNullified(SandboxHttp.Response response) {
        assertEquals(200, response.status(), response.body());
        assertUndeployedEverywhere(response.json());
        api.get(KEYS + "api-signing-2026/").assertError(400, "bad_request", "Key (name: api-signing-2026) is not found!");
        for (String name : List.of("api-signing-2026-private", "api-signing-2026-public")) {
            JsonNode jwk = api.jwkNamed("payments", name);
            assertNotNull(jwk, name + " must survive NULLIFY");
            assertTrue(jwk.get("sourceId").isNull(), name + " must no longer point at the deleted key");
            assertTrue(List.of("PUBLIC_KEY", "PRIVATE_KEY").contains(jwk.get("sourceType").asText()));
        }
        // Other keys' JWKs still point at their keys.
        JsonNode legacy = api.key("payments", "legacy signing+v1");
        assertEquals(legacy.get("id").asText(), api.jwkNamed("payments", "legacy-signing-v1").get("sourceId").asText());
        // Slots keep the surviving JWKs.
        assertEquals("api-signing-2026-private", api.credential("payments", "checkout-service").get("validationJwkName").asText());
        assertEquals("api-signing-2026-private", api.credential("payments", "partner bot").get("validationJwkName").asText());
    }

    @Test
    void deleteWithDeleteRemovesDerivedJwksAndEmptiesTheirSlots() {
        int jwksBefore = api.list("payments", "jwks").size();
        String unrelatedBefore = api.jwkNamed("payments", "token-encryption-ec").toString();

        SandboxHttp.Response response = api.delete(KEYS + "api-signing-2026/?jwkDeleteAction=DELETE");
        assertEquals(200, response.status(), response.body());
        assertUndeployedEverywhere(response.json());

        assertNull(api.jwkNamed("payments", "api-signing-2026-private"));
        assertNull(api.jwkNamed("payments", "api-signing-2026-public"));
        assertEquals(jwksBefore - 2, api.list("payments", "jwks").size());
        assertEquals(unrelatedBefore, api.jwkNamed("payments", "token-encryption-ec").toString());

        JsonNode checkout = api.credential("payments", "checkout-service");
        assertTrue(checkout.get("validationJwkName").isNull(), "slot held a deleted JWK");
        assertEquals("token-encryption-ec", checkout.get("encryptionJwkName").asText(), "other slot untouched");
        assertTrue(api.credential("payments", "partner bot").get("validationJwkName").isNull());
        assertEquals("legacy-signing-v1", api.credential("payments", "mobile-app").get("validationJwkName").asText());
    }

    @Test
    void deleteWithDeleteOnAKeyHoldingAnEncryptionSlot() {
        SandboxHttp.Response response = api.delete(KEYS + "token-encryption-ec/?jwkDeleteAction=DELETE");
        assertEquals(200, response.status(), response.body());
        assertNull(api.jwkNamed("payments", "token-encryption-ec"));
        assertNull(api.jwkNamed("payments", "token-encryption-ec-public"));
        JsonNode checkout = api.credential("payments", "checkout-service");
        assertTrue(checkout.get("encryptionJwkName").isNull());
        assertEquals("api-signing-2026-private", checkout.get("validationJwkName").asText());
    }

    @Test
    void otherActionValuesAreRejectedAndChangeNothing() {
        String jwksBefore = api.get("/apiops/projects/payments/jwks/").body();
        for (String value : List.of("delete", "REMOVE", "", "NULLIFY%20")) {
            api.delete(KEYS + "api-signing-2026/?jwkDeleteAction=" + value)
                    .assertError(400, "bad_request", "jwkDeleteAction value must be NULLIFY or DELETE!");
        }
        assertNotNull(api.key("payments", "api-signing-2026"));
        assertEquals(jwksBefore, api.get("/apiops/projects/payments/jwks/").body());
    }

    @Test
    void deletedKeyDisappearsOnlyFromItsProject() {
        Map<String, Integer> before = new HashMap<>();
        for (String project : List.of("Partner Gateway", "müşteri-portalı")) {
            before.put(project, api.list(project, "keys").size());
        }
        assertEquals(200, api.delete(KEYS + "webhook-ed25519/?jwkDeleteAction=DELETE").status());
        assertFalse(SandboxHttp.texts(api.list("payments", "keys"), "name").contains("webhook-ed25519"));
        before.forEach((project, count) -> assertEquals(count, api.list(project, "keys").size(), project));
    }

    static void assertUndeployedEverywhere(JsonNode body) {
        assertEquals(Set.of("success", "deploymentResult"), RoutingTest.fieldNames(body));
        assertTrue(body.get("success").asBoolean());
        JsonNode result = body.get("deploymentResult");
        assertEquals(Set.of("success", "message", "environmentResults"), RoutingTest.fieldNames(result));
        assertTrue(result.get("success").asBoolean());
        assertEquals("Undeployment completed successfully", result.get("message").asText());
        assertEquals(List.of("production", "staging", "test"),
                SandboxHttp.texts(result.get("environmentResults"), "environmentName"));
        for (JsonNode environment : result.get("environmentResults")) {
            assertEquals(Set.of("environmentName", "success", "message"), RoutingTest.fieldNames(environment));
            assertTrue(environment.get("success").asBoolean());
            assertEquals("Undeployed successfully", environment.get("message").asText());
        }
    }
}
