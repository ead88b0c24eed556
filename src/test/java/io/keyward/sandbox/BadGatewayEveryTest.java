package io.keyward.sandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * badGatewayEvery: every N-th API call, /apiops and /v1 counted together and /_sandbox never, is the
 * proxy's HTML 502, ahead of every other fault, and nothing behind the proxy happens.
 */
class BadGatewayEveryTest {
    private static final String JWK = "/apiops/projects/payments/jwks/idp-signing/";
    private static final String LEGACY = "/projects/payments-prod/jwt-keys/8b30645b-fbbb-4b20-be55-f99954317ce0";

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
    void everyThirdCallAcrossBothApisIsTheProxyPageAndControlCallsDoNotCount() {
        assertEquals(3, api.setFaults("{\"badGatewayEvery\":3}").json().get("badGatewayEvery").asInt());
        for (int call = 1; call <= 9; call++) {
            SandboxHttp.Response response = call % 2 == 1 ? api.get("/apiops/projects/") : api.v1Get("/projects");
            if (call % 3 == 0) {
                assertBadGatewayPage(response, "call " + call);
            } else {
                assertEquals(200, response.status(), "call " + call + ": " + response.body());
                assertTrue(response.contentType().startsWith("application/json"), "call " + call);
            }
            // Never counted, so it must not shift which API call gets the page.
            assertEquals(200, api.controlGet("/_sandbox/faults").status());
        }
    }

    @Test
    void aMutationAnsweredByTheProxyDidNotHappen() {
        api.setFaults("{\"badGatewayEvery\":2}");
        assertEquals(200, api.get("/apiops/projects/").status());                            // 1
        assertBadGatewayPage(api.delete(JWK), "apiops DELETE");                               // 2
        assertNotNull(api.jwkNamed("payments", "idp-signing"), "still there");                // 3
        assertBadGatewayPage(api.put(JWK, "{\"name\":\"renamed\"}"), "apiops PUT");          // 4
        assertEquals(200, api.v1Get(LEGACY).status());                                        // 5
        assertBadGatewayPage(api.v1("DELETE", LEGACY, null), "v1 DELETE");                    // 6
        assertEquals(200, api.v1Get(LEGACY).status(), "still there");                         // 7
        assertBadGatewayPage(api.v1("POST", "/projects/partner-sso/jwt-keys", "{\"label\":\"x\",\"algorithm\":\"RS256\","
                + "\"publicKeyPem\":" + api.quote(TestPems.rsa2048Public()) + "}"), "v1 POST");  // 8
        assertNotNull(api.jwkNamed("payments", "idp-signing"), "the PUT did not rename it"); // 9
        assertBadGatewayPage(api.v1Get("/projects/partner-sso/jwt-keys"), "call 10");         // 10
        assertEquals(2, api.jwtKeys("partner-sso").size(), "the POST created nothing");        // 11
    }

    @Test
    void itComesFirstAndCallsAnsweredByAnythingElseAreCounted() {
        api.setFaults("{\"badGatewayEvery\":2,\"errorRate\":1}");
        api.get("/apiops/projects/").assertError(500, "internal_error", "An unexpected error occurred");
        assertBadGatewayPage(api.get("/apiops/projects/"), "the 502 wins over errorRate");
        api.v1Get("/projects").assertProblem(500);
        assertBadGatewayPage(api.v1Get("/projects"), "and under /v1");

        api.setFaults("{\"errorRate\":0,\"rejectTokens\":true}");
        api.get("/apiops/projects/").assertError(401, "unauthorized_client", "Invalid token");
        assertBadGatewayPage(api.get("/apiops/projects/"), "the 502 wins over rejectTokens");

        api.setFaults("{\"rejectTokens\":false,\"rateLimitRate\":1}");
        assertEquals(429, api.v1Get("/projects").status());
        assertBadGatewayPage(api.v1Get("/projects"), "the 502 wins over the drawn faults");

        api.setFaults("{\"rateLimitRate\":0}");
        assertEquals(404, api.send("GET", "/apiops/nowhere", null, null).status(), "routing errors count");
        assertBadGatewayPage(api.send("GET", "/apiops/projects/", null, null), "and it comes before authentication");
        assertEquals(401, api.send("GET", "/apiops/projects/", null, null).status());
        assertBadGatewayPage(api.v1("GET", "/projects/", null, null, null), "and before routing");
    }

    @Test
    void itComesBeforeTheLatencyAndBeforeADrop() {
        api.setFaults("{\"badGatewayEvery\":1,\"latencyMillis\":60000,\"dropRate\":1}");
        // Answering at all within the 20 s request timeout proves the minute of latency was never slept.
        assertBadGatewayPage(api.get("/apiops/projects/"), "apiops");
        assertBadGatewayPage(api.v1Get("/projects"), "v1");
        assertBadGatewayPage(api.postForm("/apiops/auth/token", AuthEndpoints.FORM_TYPE,
                "grant_type=client_credentials&client_id=admin&client_secret=" + api.server.password()),
                "even the token endpoint");
    }

    @Test
    void aCallItAnswersIsNotACommitThenDrop() {
        api.setFaults("{\"badGatewayEvery\":1,\"commitThenDropNext\":1}");
        assertBadGatewayPage(api.delete(JWK), "answered, not dropped");
        assertEquals(1, api.server.faults().getCommitThenDropNext(), "nothing was carried out");
        api.setFaults("{\"badGatewayEvery\":0,\"commitThenDropNext\":0}");
        assertNotNull(api.jwkNamed("payments", "idp-signing"));
    }

    @Test
    void settingItRestartsTheCountAndOtherChangesDoNot() {
        api.setFaults("{\"badGatewayEvery\":3}");
        assertEquals(200, api.get("/apiops/projects/").status());
        assertEquals(200, api.get("/apiops/projects/").status());
        api.setFaults("{\"badGatewayEvery\":3}");
        assertEquals(200, api.get("/apiops/projects/").status(), "counting from 1 again");
        assertEquals(200, api.v1Get("/projects").status());
        api.setFaults("{\"latencyMillis\":0,\"failingEnvironment\":\"staging\"}");
        SandboxHttp.send(api.controlRequest("/_sandbox/reset-data").POST(HttpRequest.BodyPublishers.noBody()).build());
        assertBadGatewayPage(api.get("/apiops/projects/"), "other settings and reset-data left the count alone");

        api.server.faults().setBadGatewayEvery(2);
        assertEquals(200, api.get("/apiops/projects/").status(), "the Java setter restarts it too");
        assertBadGatewayPage(api.get("/apiops/projects/"), "call 2");
    }

    @Test
    void resetSwitchesItOffAndACountRestartsFromZeroAfterwards() {
        api.setFaults("{\"badGatewayEvery\":2}");
        assertEquals(200, api.get("/apiops/projects/").status());
        SandboxHttp.Response reset = SandboxHttp.send(api.controlRequest("/_sandbox/faults/reset")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(0, reset.json().get("badGatewayEvery").asInt());
        for (int call = 1; call <= 6; call++) {
            SandboxHttp.Response response = call % 2 == 1 ? api.get("/apiops/projects/") : api.v1Get("/projects");
            assertEquals(200, response.status(), "off after reset, call " + call);
        }
        api.setFaults("{\"badGatewayEvery\":2}");
        assertEquals(200, api.get("/apiops/projects/").status(), "a fresh count: call 1");
        assertBadGatewayPage(api.get("/apiops/projects/"), "call 2");
    }

    @Test
    void aServerStartedFromSettingsCountsFromItsOwnFirstCall() {
        FaultSettings initial = new FaultSettings().setBadGatewayEvery(2);
        assertTrue(!initial.countCallForBadGateway() && initial.countCallForBadGateway(), "the caller's own count");
        assertTrue(!initial.countCallForBadGateway(), "now at 3");
        try (SandboxHttp fresh = SandboxHttp.start(new SandboxOptions(0, null, initial))) {
            assertEquals(200, fresh.get("/apiops/projects/").status(), "call 1 of the server, not call 4 of the copy");
            assertBadGatewayPage(fresh.v1Get("/projects"), "call 2");
        }
    }

    private static void assertBadGatewayPage(SandboxHttp.Response response, String what) {
        assertEquals(502, response.status(), what + ": " + response.body());
        assertEquals("text/html", response.contentType(), what);
        assertEquals("nginx", response.headers().firstValue("Server").orElse(null), what);
        assertEquals(HttpIo.BAD_GATEWAY_PAGE, response.body(), what);
    }
}
