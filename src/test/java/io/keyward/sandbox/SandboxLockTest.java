package io.keyward.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What keeps other local processes and web pages out, over raw sockets so that every header is the
 * test's choice: the control token, the Host check (DNS rebinding) and the absence of CORS.
 */
class SandboxLockTest {
    private static final String FAULTS = "/_sandbox/faults";

    private SandboxHttp api;
    private URI base;
    private String host;

    @BeforeEach
    void start() {
        api = SandboxHttp.start();
        base = api.server.baseUrl();
        host = api.hostHeader();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private RawHttp.Answer send(String method, String target, String hostHeader, String body, String... headers) {
        return RawHttp.send(base, RawHttp.request(method, target, hostHeader, body, headers));
    }

    private String control() {
        return "Authorization: Bearer " + api.server.controlToken();
    }

    private String admin() {
        return "Authorization: Bearer " + api.server.adminToken();
    }

    private String apiKey() {
        return "X-Api-Key: " + api.server.ampersandApiKey();
    }

    // ---- control token ----

    @Test
    void theControlEndpointWantsItsToken() {
        String faultsBefore = api.server.faults().toJson();
        for (String[] credentials : List.of(new String[0], new String[]{"Authorization: Bearer wrong"},
                new String[]{admin()}, new String[]{"Authorization: Bearer " + api.server.readOnlyToken()},
                new String[]{"Authorization: Bearer " + api.server.ampersandApiKey()},
                new String[]{"X-Api-Key: " + api.server.controlToken()},
                new String[]{"Authorization: Basic " + api.server.controlToken()},
                new String[]{"Authorization: Bearer " + api.server.controlToken().substring(1)},
                new String[]{"Authorization: Bearer " + api.server.controlToken() + "x"},
                new String[]{"Authorization: Bearer"},
                new String[]{control(), admin()})) {
            String shown = String.join(" | ", credentials);
            for (String[] call : List.of(new String[]{"GET", FAULTS, null},
                    new String[]{"PUT", FAULTS, "{\"errorRate\":1}"}, new String[]{"POST", "/_sandbox/faults/reset", ""},
                    new String[]{"POST", "/_sandbox/reset-data", ""}, new String[]{"GET", "/_sandbox/", null},
                    new String[]{"DELETE", FAULTS, null})) {
                RawHttp.Answer answer = send(call[0], call[1], host, call[2], credentials);
                assertEquals(401, answer.status(), call[0] + " " + call[1] + " with " + shown + ": " + answer.body());
                assertEquals(HttpIo.JSON_TYPE, answer.header("Content-Type"));
                JsonNode error = Json.parse(answer.body());
                assertEquals("unauthorized", error.path("error").asText(), answer.body());
                assertTrue(error.path("error_description").asText().contains("Authorization: Bearer"), answer.body());
                assertTrue(answer.body().length() < 200, "short: " + answer.body());
                assertEquals("Bearer realm=\"keyward-sandbox-control\"", answer.header("WWW-Authenticate"));
                assertTrue(!answer.body().contains(api.server.controlToken()), "never tells the token");
            }
        }
        assertEquals(faultsBefore, api.server.faults().toJson(), "nothing was changed without the token");

        RawHttp.Answer answer = send("GET", FAULTS, host, null, control());
        assertEquals(200, answer.status(), answer.body());
        assertEquals(Json.parse(faultsBefore), Json.parse(answer.body()));
        assertEquals(200, send("GET", FAULTS, host, null, "authorization: bearer   " + api.server.controlToken()).status(),
                "the scheme's case and spaces around the token do not matter");
        assertEquals(200, send("PUT", FAULTS, host, "{\"errorRate\":1}", control()).status());
        assertEquals(1.0, api.server.faults().getErrorRate(), "with the token it changes");
        assertEquals(404, send("GET", "/_sandbox/", host, null, control()).status(), "routing comes after the token");
    }

    @Test
    void eachRunHasItsOwnControlTokenAndPasswordUnlessGiven() throws IOException {
        String token = api.server.controlToken();
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), "256 random bits, base64url: " + token);
        assertTrue(api.server.password().matches("[A-Za-z0-9_-]{43}"), api.server.password());
        try (SandboxServer other = SandboxServer.start(SandboxOptions.defaults())) {
            assertNotEquals(token, other.controlToken());
            assertNotEquals(api.server.password(), other.password(), "the demo password is random per run");
            assertEquals(401, RawHttp.send(other.baseUrl(), RawHttp.request("GET", FAULTS,
                    new SandboxHttp(other).hostHeader(), null, control())).status(), "one run's token opens only that run");
        }
        try (SandboxServer given = SandboxServer.start(SandboxOptions.defaults().withControlToken("my-control-token"))) {
            assertEquals("my-control-token", given.controlToken());
            assertEquals(200, RawHttp.send(given.baseUrl(), RawHttp.request("GET", FAULTS,
                    new SandboxHttp(given).hostHeader(), null, "Authorization: Bearer my-control-token")).status());
        }
        assertThrows(IllegalArgumentException.class, () -> SandboxOptions.defaults().withControlToken(" "));
        assertThrows(IllegalArgumentException.class, () -> SandboxOptions.defaults().withControlToken("two words"));
        assertThrows(IllegalArgumentException.class, () -> new SandboxOptions(0, "same", null).withControlToken("same"));
        assertThrows(IllegalArgumentException.class, () -> new SandboxOptions(0, null, null, "same").withControlToken("same"));
        String text = SandboxOptions.defaults().withControlToken("control-secret-9").toString();
        assertTrue(text.contains("controlToken=(given)") && !text.contains("control-secret-9"), text);
    }

    // ---- Host ----

    /** One call per API, each of which answers 200 with the right Host. */
    private List<String[]> oneCallPerApi() {
        return List.of(new String[]{"/apiops/projects/", admin()}, new String[]{"/v1/projects", apiKey()},
                new String[]{FAULTS, control()});
    }

    @Test
    void everyNameOfThisServerIsServed() {
        int port = base.getPort();
        for (String goodHost : List.of(host, "127.0.0.1:" + port, "localhost:" + port, "LocalHost:" + port,
                "[::1]:" + port, " 127.0.0.1:" + port)) {
            for (String[] call : oneCallPerApi()) {
                RawHttp.Answer answer = send("GET", call[0], goodHost, null, call[1]);
                assertEquals(200, answer.status(), call[0] + " with Host: " + goodHost + ": " + answer.body());
            }
        }
    }

    @Test
    void anyOtherHostIsMisdirected() {
        int port = base.getPort();
        // Set up a fault that would answer first if the Host check came later.
        api.server.faults().setDropRate(1).setLatencyMillis(5_000);
        for (String badHost : List.of("attacker.example:" + port, "attacker.example", "127.0.0.1", "localhost",
                "127.0.0.1:" + (port + 1), "localhost:" + (port == 65_535 ? 1 : port + 1), "localhost.:" + port,
                "127.0.0.2:" + port, "0.0.0.0:" + port, "[::1]", "[::ffff:127.0.0.1]:" + port, "127.1:" + port,
                "127.0.0.1:0" + port, "127.0.0.1:" + port + ".attacker.example", "localhost:" + port + "@attacker.example",
                "")) {
            for (String[] call : oneCallPerApi()) {
                long started = System.nanoTime();
                RawHttp.Answer answer = send("GET", call[0], badHost, null, call[1]);
                assertEquals(421, answer.status(), call[0] + " with Host: " + badHost + ": " + answer.body());
                assertTrue(System.nanoTime() - started < 4_000_000_000L, "before the latency fault");
                assertTrue(answer.body().length() < 600, "short: " + answer.body());
                assertTrue(answer.body().contains("Host: 127.0.0.1:" + port + ", localhost:" + port + " or [::1]:" + port),
                        answer.body());
                if (call[0].startsWith("/v1/")) {
                    assertEquals(ProblemWriter.MEDIA_TYPE, answer.header("Content-Type"));
                    assertEquals("Misdirected Request", Json.parse(answer.body()).path("title").asText());
                } else {
                    assertEquals("misdirected_request", Json.parse(answer.body()).path("error").asText());
                }
            }
        }
        for (String[] call : oneCallPerApi()) {
            assertEquals(421, send("GET", call[0], null, null, call[1]).status(), call[0] + " without a Host");
            assertEquals(421, send("GET", call[0], host, null, call[1], "Host: attacker.example").status(),
                    call[0] + " with two Hosts");
        }
    }

    @Test
    void aMisdirectedRequestChangesNothing() {
        String faultsBefore = api.server.faults().toJson();
        String wrong = "attacker.example:" + base.getPort();
        assertEquals(421, send("PUT", FAULTS, wrong, "{\"dropRate\":1}", control()).status());
        assertEquals(421, send("POST", "/_sandbox/reset-data", wrong, "", control()).status());
        assertEquals(421, send("DELETE", "/apiops/projects/payments/jwks/idp-signing/", wrong, null, admin()).status());
        assertEquals(421, send("DELETE", "/v1/projects/payments-prod/jwt-keys/13d92d15-4642-41aa-9fd2-783ae2cc85ba",
                wrong, null, apiKey()).status());
        assertEquals(faultsBefore, api.server.faults().toJson());
        assertNotNull(api.jwkNamed("payments", "idp-signing"));
        assertEquals(200, api.v1Get("/projects/payments-prod/jwt-keys/13d92d15-4642-41aa-9fd2-783ae2cc85ba").status());
    }

    // ---- CORS ----

    @Test
    void aPreflightIsNeverApproved() {
        for (String target : List.of("/apiops/projects/", "/apiops/projects/payments/jwks/idp-signing/",
                "/apiops/auth/token", "/v1/projects", "/v1/projects/payments-prod/jwt-keys", FAULTS,
                "/_sandbox/reset-data", "/", "/elsewhere")) {
            RawHttp.Answer answer = send("OPTIONS", target, host, null, "Origin: http://attacker.example",
                    "Access-Control-Request-Method: PUT", "Access-Control-Request-Headers: authorization, content-type",
                    "Access-Control-Request-Private-Network: true");
            assertTrue(answer.status() == 405 || answer.status() == 404 || answer.status() == 401,
                    target + ": " + answer.status() + " " + answer.body());
            assertEquals(List.of(), answer.corsHeaders(), target + ": " + answer.headers());
        }
        // Even a client holding every secret gets no approval.
        for (String[] call : oneCallPerApi()) {
            RawHttp.Answer answer = send("OPTIONS", call[0], host, null, call[1], "Origin: http://localhost:3000",
                    "Access-Control-Request-Method: GET");
            assertEquals(405, answer.status(), call[0] + ": " + answer.body());
            assertEquals(List.of(), answer.corsHeaders(), call[0] + ": " + answer.headers());
        }
    }

    @Test
    void noAnswerCarriesCorsHeaders() {
        String origin = "Origin: http://attacker.example";
        for (String[] call : oneCallPerApi()) {
            RawHttp.Answer ok = send("GET", call[0], host, null, call[1], origin);
            assertEquals(200, ok.status(), call[0]);
            assertEquals(List.of(), ok.corsHeaders(), call[0] + ": " + ok.headers());
            RawHttp.Answer refused = send("GET", call[0], host, null, origin);
            assertEquals(401, refused.status(), call[0]);
            assertEquals(List.of(), refused.corsHeaders(), call[0] + ": " + refused.headers());
            RawHttp.Answer misdirected = send("GET", call[0], "attacker.example", null, call[1], origin);
            assertEquals(List.of(), misdirected.corsHeaders(), call[0] + ": " + misdirected.headers());
        }
        RawHttp.Answer login = send("POST", "/apiops/auth/token", host, "grant_type=client_credentials&client_id="
                + api.server.username() + "&client_secret=" + api.server.password(), origin,
                "Content-Type: application/x-www-form-urlencoded");
        assertEquals(200, login.status(), login.body());
        assertEquals(List.of(), login.corsHeaders());
        api.server.faults().setBadGatewayEvery(1);
        RawHttp.Answer page = send("GET", "/apiops/projects/", host, null, admin(), origin);
        assertEquals(502, page.status());
        assertEquals(List.of(), page.corsHeaders());
    }
}
