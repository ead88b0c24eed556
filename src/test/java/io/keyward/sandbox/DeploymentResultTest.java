package io.keyward.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A failing environment fails only its own (un)deployment; the mutation itself still happens. */
class DeploymentResultTest {
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
    void failingEnvironmentOnUndeployment() {
        api.server.faults().setFailingEnvironment("staging");
        SandboxHttp.Response response = api.delete("/apiops/projects/payments/keys/api-signing-2026/?jwkDeleteAction=DELETE");
        assertEquals(200, response.status(), response.body());
        JsonNode body = response.json();
        assertTrue(body.get("success").asBoolean(), "the delete itself succeeded");
        JsonNode result = body.get("deploymentResult");
        assertFalse(result.get("success").asBoolean());
        assertEquals("Undeployment completed with errors: 1 of 3 environments failed", result.get("message").asText());
        JsonNode environments = result.get("environmentResults");
        assertEquals(List.of("production", "staging", "test"), SandboxHttp.texts(environments, "environmentName"));
        assertTrue(environments.get(0).get("success").asBoolean());
        assertEquals("Undeployed successfully", environments.get(0).get("message").asText());
        assertFalse(environments.get(1).get("success").asBoolean());
        assertEquals("Undeployment failed on staging: gateway did not acknowledge within 30 s (sandbox fault)",
                environments.get(1).get("message").asText());
        assertTrue(environments.get(2).get("success").asBoolean());

        assertNull(api.jwkNamed("payments", "api-signing-2026-private"), "the mutation did happen");
    }

    @Test
    void failingEnvironmentSetThroughTheControlEndpointOnDeployment() {
        assertEquals(200, api.setFaults("{\"failingEnvironment\":\"production\"}").status());
        SandboxHttp.Response response = api.put("/apiops/projects/payments/jwks/idp-signing/", "{\"name\":\"idp\"}");
        assertEquals(200, response.status(), response.body());
        JsonNode result = response.json().get("deploymentResult");
        assertTrue(response.json().get("success").asBoolean());
        assertFalse(result.get("success").asBoolean());
        assertEquals("Deployment completed with errors: 1 of 3 environments failed", result.get("message").asText());
        assertEquals("Deployment failed on production: gateway did not acknowledge within 30 s (sandbox fault)",
                result.get("environmentResults").get(0).get("message").asText());
        assertEquals("Deployed successfully", result.get("environmentResults").get(1).get("message").asText());
        assertTrue(api.jwkNamed("payments", "idp") != null, "the rename did happen");
    }

    @Test
    void everyMutationKindReportsTheFailure() {
        api.server.faults().setFailingEnvironment("test");
        String credential = "/apiops/projects/payments/credentials/checkout-service/jwk/";
        List<SandboxHttp.Response> responses = List.of(
                api.put(credential + "validation/idp-signing/", null),
                api.put(credential + "encryption/idp-signing/", null),
                api.delete(credential + "validation/"),
                api.delete(credential + "encryption/"),
                api.put("/apiops/projects/payments/jwks/card-vault-mtls/", "{\"description\":\"x\"}"),
                api.delete("/apiops/projects/payments/jwks/card-vault-mtls/"),
                api.delete("/apiops/projects/payments/keys/webhook-ed25519/"));
        for (SandboxHttp.Response response : responses) {
            assertEquals(200, response.status(), response.body());
            assertTrue(response.json().get("success").asBoolean());
            JsonNode result = response.json().get("deploymentResult");
            assertFalse(result.get("success").asBoolean(), response.body());
            assertTrue(result.get("message").asText().endsWith("completed with errors: 1 of 3 environments failed"));
            JsonNode failed = result.get("environmentResults").get(2);
            assertEquals("test", failed.get("environmentName").asText());
            assertFalse(failed.get("success").asBoolean());
        }
    }

    @Test
    void unknownFailingEnvironmentFailsNothingAndClearingItHeals() {
        api.server.faults().setFailingEnvironment("qa");
        JwkTest.assertDeployedEverywhere(api.put("/apiops/projects/payments/jwks/idp-signing/", "{}").json());
        api.server.faults().setFailingEnvironment("staging");
        assertFalse(api.put("/apiops/projects/payments/jwks/idp-signing/", "{}").json()
                .get("deploymentResult").get("success").asBoolean());
        api.server.faults().setFailingEnvironment(null);
        JwkTest.assertDeployedEverywhere(api.put("/apiops/projects/payments/jwks/idp-signing/", "{}").json());
    }
}
