package io.keyward.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ControlEndpointTest {
    private static final String DEFAULTS = "{\"latencyMillis\":0,\"failingEnvironment\":null,\"errorRate\":0.0,"
            + "\"dropRate\":0.0,\"commitThenDropRate\":0.0,\"commitThenDropNext\":0,\"badGatewayRate\":0.0,"
            + "\"badGatewayEvery\":0,\"rateLimitRate\":0.0,\"rejectTokens\":false,\"failingPath\":null}";
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
    void getShowsEverySetting() {
        SandboxHttp.Response response = api.controlGet("/_sandbox/faults");
        assertEquals(200, response.status());
        assertEquals(HttpIo.JSON_TYPE, response.contentType());
        assertEquals(Json.parse(DEFAULTS), response.json());
        assertEquals(DEFAULTS, api.server.faults().toJson());
    }

    @Test
    void putChangesOnlyTheGivenSettings() {
        api.server.faults().setLatencyMillis(5);
        SandboxHttp.Response response = api.setFaults("{\"failingEnvironment\":\"staging\",\"dropRate\":0.25}");
        assertEquals(200, response.status(), response.body());
        assertEquals("staging", response.json().get("failingEnvironment").asText());
        FaultSettings live = api.server.faults();
        assertEquals("staging", live.getFailingEnvironment());
        assertEquals(0.25, live.getDropRate());
        assertEquals(5, live.getLatencyMillis(), "untouched");
        assertEquals(api.controlGet("/_sandbox/faults").json(), response.json());

        api.setFaults("{\"failingEnvironment\":null}");
        assertEquals(null, live.getFailingEnvironment());
        api.setFaults("{\"failingEnvironment\":\"  \"}");
        assertEquals(null, live.getFailingEnvironment(), "blank means none");
    }

    @Test
    void theNewFaultsRoundTrip() {
        SandboxHttp.Response response = api.setFaults(
                "{\"commitThenDropRate\":0.5,\"commitThenDropNext\":4,\"badGatewayEvery\":7}");
        assertEquals(200, response.status(), response.body());
        assertEquals(0.5, response.json().get("commitThenDropRate").doubleValue());
        assertEquals(4, response.json().get("commitThenDropNext").intValue());
        assertEquals(7, response.json().get("badGatewayEvery").intValue());
        FaultSettings live = api.server.faults();
        assertEquals(0.5, live.getCommitThenDropRate());
        assertEquals(4, live.getCommitThenDropNext());
        assertEquals(7, live.getBadGatewayEvery());
        assertEquals(response.json(), api.controlGet("/_sandbox/faults").json());

        // What GET shows can be PUT back as it is.
        String shown = api.controlGet("/_sandbox/faults").body();
        api.server.faults().reset();
        assertEquals(200, api.setFaults(shown).status());
        assertEquals(Json.parse(shown), api.controlGet("/_sandbox/faults").json());

        api.setFaults("{\"commitThenDropNext\":0,\"badGatewayEvery\":0,\"commitThenDropRate\":0}");
        assertEquals(DEFAULTS, live.toJson(), "0 switches each off");
        assertEquals(200, api.setFaults("{\"commitThenDropNext\":2147483647,\"badGatewayEvery\":2147483647}").status(),
                "the largest count is fine");
    }

    /**
     * Proves an unrelated PUT neither resets the counter nor restores it to what was set. (Copying the
     * candidate's value back unconditionally would only go wrong if a mutation used one up while the PUT
     * was being applied; no sequential test can reach that window.)
     */
    @Test
    void aPutThatLeavesCommitThenDropNextOutKeepsWhatIsLeft() {
        api.setFaults("{\"commitThenDropNext\":2}");
        assertTrue(api.server.faults().takeCommitThenDrop());
        api.setFaults("{\"errorRate\":0}");
        assertEquals(1, api.controlGet("/_sandbox/faults").json().get("commitThenDropNext").intValue());
    }

    @Test
    void badValuesAre400AndChangeNothing() {
        api.setFaults("{\"errorRate\":0.1}");
        String before = api.server.faults().toJson();
        for (String body : List.of("{\"errorRate\":1.5}", "{\"dropRate\":-0.1}", "{\"badGatewayRate\":\"half\"}",
                "{\"rateLimitRate\":null}", "{\"latencyMillis\":60001}", "{\"latencyMillis\":-1}",
                "{\"latencyMillis\":1.5}", "{\"rejectTokens\":\"yes\"}", "{\"failingEnvironment\":3}",
                "{\"failingPath\":7}", "{\"failingPath\":[\"/keys/\"]}",
                "{\"surprise\":true}", "{\"errorRate\":0.5,\"dropRate\":2}", "[]", "not json",
                "{\"commitThenDropRate\":1.5}", "{\"commitThenDropRate\":-0.5}", "{\"commitThenDropRate\":\"all\"}",
                "{\"commitThenDropRate\":null}", "{\"commitThenDropNext\":-1}", "{\"commitThenDropNext\":1.5}",
                "{\"commitThenDropNext\":\"2\"}", "{\"commitThenDropNext\":2147483648}", "{\"commitThenDropNext\":null}",
                "{\"badGatewayEvery\":-3}", "{\"badGatewayEvery\":3.0}", "{\"badGatewayEvery\":true}",
                "{\"badGatewayEvery\":null}", "{\"badGatewayEvery\":1e20}",
                "{\"badGatewayEvery\":3,\"commitThenDropNext\":-1}")) {
            SandboxHttp.Response response = api.setFaults(body);
            assertEquals(400, response.status(), body);
            assertEquals("bad_request", response.json().get("error").asText(), body);
            assertFalse(response.json().get("error_description").asText().isBlank());
            assertEquals(before, api.server.faults().toJson(), "nothing applied for " + body);
        }
        assertTrue(api.setFaults("{\"surprise\":true}").json().get("error_description").asText().contains("surprise"));
        assertTrue(api.setFaults("{\"surprise\":true}").json().get("error_description").asText()
                .contains("badGatewayEvery"), "the list of fields names the new ones");
        assertEquals("badGatewayEvery must be a whole number between 0 and 2147483647",
                api.setFaults("{\"badGatewayEvery\":-3}").json().get("error_description").asText());
        assertEquals("commitThenDropRate must be between 0 and 1, was 1.5",
                api.setFaults("{\"commitThenDropRate\":1.5}").json().get("error_description").asText());
        assertEquals(200, api.setFaults("{\"latencyMillis\":60000,\"errorRate\":1,\"dropRate\":0}").status(),
                "the limits themselves are fine");
    }

    @Test
    void resetRestoresTheDefaults() {
        api.setFaults("{\"latencyMillis\":10,\"failingEnvironment\":\"test\",\"errorRate\":0.2,\"dropRate\":0.2,"
                + "\"badGatewayRate\":0.2,\"rateLimitRate\":0.2,\"rejectTokens\":true,\"commitThenDropRate\":0.2,"
                + "\"commitThenDropNext\":5,\"badGatewayEvery\":4,\"failingPath\":\"/keys/\"}");
        assertTrue(api.server.faults().toJson().contains("\"badGatewayEvery\":4"));
        assertTrue(api.server.faults().toJson().contains("\"failingPath\":\"/keys/\""));
        SandboxHttp.Response response = post("/_sandbox/faults/reset");
        assertEquals(200, response.status());
        assertEquals(Json.parse(DEFAULTS), response.json());
        assertEquals(DEFAULTS, api.server.faults().toJson());
    }

    @Test
    void resetDataRegeneratesTheDemoData() {
        String projectIdBefore = api.get("/apiops/projects/").json().get("resultList").get(0).get("id").asText();
        api.delete("/apiops/projects/payments/keys/api-signing-2026/?jwkDeleteAction=DELETE");
        api.put("/apiops/projects/payments/jwks/idp-signing/", "{\"name\":\"renamed\"}");
        assertEquals(null, api.jwkNamed("payments", "idp-signing"));

        SandboxHttp.Response response = post("/_sandbox/reset-data");
        assertEquals(200, response.status(), response.body());
        assertTrue(response.json().get("success").asBoolean());

        assertNotNull(api.jwkNamed("payments", "idp-signing"));
        assertNotNull(api.jwkNamed("payments", "api-signing-2026-private"));
        assertNotNull(api.key("payments", "api-signing-2026"));
        assertEquals("api-signing-2026-private",
                api.credential("payments", "checkout-service").get("validationJwkName").asText());
        assertNotEquals(projectIdBefore, api.get("/apiops/projects/").json().get("resultList").get(0).get("id").asText(),
                "new ids every time");
    }

    @Test
    void resetDataKeepsTokensAndFaults() {
        api.setFaults("{\"failingEnvironment\":\"staging\"}");
        post("/_sandbox/reset-data");
        assertEquals("staging", api.server.faults().getFailingEnvironment());
        assertEquals(200, api.get("/apiops/projects/").status());
    }

    @Test
    void wrongMethodsAndPaths() {
        SandboxHttp.Response wrongMethod = api.control("DELETE", "/_sandbox/faults", null);
        assertEquals(405, wrongMethod.status());
        assertEquals("GET, PUT", wrongMethod.headers().firstValue("Allow").orElseThrow());
        assertEquals("method_not_allowed", wrongMethod.json().get("error").asText());
        assertEquals(405, api.controlGet("/_sandbox/reset-data").status());
        api.controlGet("/_sandbox/faults/").assertError(404, "not_found", "No endpoint for GET /_sandbox/faults/");
        api.controlGet("/_sandbox/").assertError(404, "not_found", "No endpoint for GET /_sandbox/");
    }

    @Test
    void onlyLoopbackClientsMayControl() {
        // Binding to 127.0.0.1 means no other address can reach the server in a test; the rule itself:
        assertTrue(ControlHandler.isAllowed(new InetSocketAddress("127.0.0.1", 40000)));
        assertTrue(ControlHandler.isAllowed(new InetSocketAddress("::1", 40000)));
        assertFalse(ControlHandler.isAllowed(new InetSocketAddress("192.0.2.10", 40000)));
        assertFalse(ControlHandler.isAllowed(new InetSocketAddress("10.1.2.3", 40000)));
        assertFalse(ControlHandler.isAllowed(InetSocketAddress.createUnresolved("example.com", 40000)));
        assertFalse(ControlHandler.isAllowed(null));
        assertEquals("127.0.0.1", api.server.baseUrl().getHost());
    }

    @Test
    void javaSettersValidateToo() {
        FaultSettings faults = api.server.faults();
        assertThrows(IllegalArgumentException.class, () -> faults.setErrorRate(1.01));
        assertThrows(IllegalArgumentException.class, () -> faults.setDropRate(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> faults.setLatencyMillis(60_001));
        assertThrows(IllegalArgumentException.class, () -> faults.setCommitThenDropRate(-0.01));
        assertThrows(IllegalArgumentException.class, () -> faults.setCommitThenDropNext(-1));
        assertThrows(IllegalArgumentException.class, () -> faults.setBadGatewayEvery(-1));
        assertEquals(DEFAULTS, faults.toJson());
        JsonNode copy = Json.parse(FaultSettings.copyOf(faults.setRateLimitRate(0.3).setCommitThenDropRate(0.4)
                .setCommitThenDropNext(2).setBadGatewayEvery(3)).toJson());
        assertEquals(0.3, copy.get("rateLimitRate").asDouble());
        assertEquals(0.4, copy.get("commitThenDropRate").asDouble());
        assertEquals(2, copy.get("commitThenDropNext").asInt());
        assertEquals(3, copy.get("badGatewayEvery").asInt());
        assertEquals(Set.copyOf(FaultSettings.FIELDS), RoutingTest.fieldNames(copy));
    }

    private SandboxHttp.Response post(String path) {
        return SandboxHttp.send(api.controlRequest(path).POST(HttpRequest.BodyPublishers.noBody()).build());
    }
}
