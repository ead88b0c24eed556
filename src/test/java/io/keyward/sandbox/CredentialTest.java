package io.keyward.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.keyward.sandbox.SandboxHttp.seg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CredentialTest {
    private static final String CREDENTIALS = "/apiops/projects/payments/credentials/";
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
    void listShape() {
        SandboxHttp.Response response = api.get(CREDENTIALS);
        assertEquals(200, response.status());
        assertEquals(Set.of("success", "resultList"), RoutingTest.fieldNames(response.json()));
        JsonNode list = response.json().get("resultList");
        for (JsonNode credential : list) {
            assertEquals(Set.of("id", "email", "fullName", "description", "username", "password", "roleNameList",
                    "enabled", "ipList", "expireDate", "validationJwkName", "encryptionJwkName"),
                    RoutingTest.fieldNames(credential));
            assertTrue(credential.get("password").isNull(), "passwords are never returned");
            assertTrue(credential.get("roleNameList").isArray() && credential.get("roleNameList").size() > 0);
            assertTrue(credential.get("ipList").isArray());
            assertTrue(credential.get("enabled").isBoolean());
            assertTrue(credential.get("email").asText().matches(".+@([a-z-]+\\.)*example\\.com"));
            JsonNode expire = credential.get("expireDate");
            assertTrue(expire.isNull() || expire.asText().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.000Z"),
                    expire.toString());
        }
        JsonNode checkout = SandboxHttp.findBy(list, "username", "checkout-service");
        assertEquals("2027-03-31T23:59:59.000Z", checkout.get("expireDate").asText());
        assertEquals("api-signing-2026-private", checkout.get("validationJwkName").asText());
        assertEquals("token-encryption-ec", checkout.get("encryptionJwkName").asText());
        JsonNode oneSlot = SandboxHttp.findBy(list, "username", "ayşe.yılmaz");
        assertEquals("ops/rotation 2026", oneSlot.get("validationJwkName").asText());
        assertTrue(oneSlot.get("encryptionJwkName").isNull());
        JsonNode none = SandboxHttp.findBy(list, "username", "reporting-readonly");
        assertTrue(none.get("validationJwkName").isNull() && none.get("encryptionJwkName").isNull());
        long holdersOfSigning = SandboxHttp.texts(list, "validationJwkName").stream()
                .filter("api-signing-2026-private"::equals).count();
        assertEquals(2, holdersOfSigning, "one JWK is held by two credentials");
    }

    @Test
    void settingASlotReplacesItAndLeavesTheOtherAlone() {
        SandboxHttp.Response response = api.put(CREDENTIALS + "checkout-service/jwk/validation/" + seg("ops/rotation 2026") + "/", null);
        assertEquals(200, response.status(), response.body());
        JwkTest.assertDeployedEverywhere(response.json());
        JsonNode checkout = api.credential("payments", "checkout-service");
        assertEquals("ops/rotation 2026", checkout.get("validationJwkName").asText());
        assertEquals("token-encryption-ec", checkout.get("encryptionJwkName").asText());
        assertEquals("api-signing-2026-private", api.credential("payments", "partner bot").get("validationJwkName").asText(),
                "the other holder keeps the replaced JWK");
    }

    @Test
    void settingAnEmptyEncryptionSlot() {
        SandboxHttp.Response response = api.put(CREDENTIALS + "reporting-readonly/jwk/encryption/token-encryption-ec-public/", null);
        assertEquals(200, response.status(), response.body());
        JsonNode credential = api.credential("payments", "reporting-readonly");
        assertEquals("token-encryption-ec-public", credential.get("encryptionJwkName").asText());
        assertTrue(credential.get("validationJwkName").isNull());
    }

    @Test
    void removingASlotKeepsTheJwk() {
        SandboxHttp.Response response = api.delete(CREDENTIALS + "checkout-service/jwk/encryption/");
        assertEquals(200, response.status(), response.body());
        JwkTest.assertDeployedEverywhere(response.json());
        JsonNode checkout = api.credential("payments", "checkout-service");
        assertTrue(checkout.get("encryptionJwkName").isNull());
        assertEquals("api-signing-2026-private", checkout.get("validationJwkName").asText());
        assertNotNull(api.jwkNamed("payments", "token-encryption-ec"), "only the assignment goes");

        assertEquals(200, api.delete(CREDENTIALS + "checkout-service/jwk/validation/").status());
        assertTrue(api.credential("payments", "checkout-service").get("validationJwkName").isNull());
    }

    @Test
    void removingAnEmptySlotIs400() {
        api.delete(CREDENTIALS + "reporting-readonly/jwk/validation/").assertError(400, "bad_request",
                "Credential (username: reporting-readonly) has no JWK assigned for validation and signing!");
        api.delete(CREDENTIALS + "reporting-readonly/jwk/encryption/").assertError(400, "bad_request",
                "Credential (username: reporting-readonly) has no JWK assigned for decryption and encryption!");
    }

    @Test
    void unknownCredentialOrJwkIs400() {
        for (String slot : List.of("validation", "encryption")) {
            api.put(CREDENTIALS + "ghost/jwk/" + slot + "/idp-signing/", null)
                    .assertError(400, "bad_request", "Credential (username: ghost) was not found!");
            api.delete(CREDENTIALS + "ghost/jwk/" + slot + "/")
                    .assertError(400, "bad_request", "Credential (username: ghost) was not found!");
            api.put(CREDENTIALS + "checkout-service/jwk/" + slot + "/ghost-jwk/", null)
                    .assertError(400, "bad_request", "JWK (name: ghost-jwk) is not found!");
        }
        JsonNode checkout = api.credential("payments", "checkout-service");
        assertEquals("api-signing-2026-private", checkout.get("validationJwkName").asText());
        assertEquals("token-encryption-ec", checkout.get("encryptionJwkName").asText());
    }

    @Test
    void jwksOfAnotherProjectCannotBeAssigned() {
        api.put(CREDENTIALS + "checkout-service/jwk/validation/partner-signing-private/", null)
                .assertError(400, "bad_request", "JWK (name: partner-signing-private) is not found!");
    }
}
