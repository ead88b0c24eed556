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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What keeps other local processes and web pages out, over raw sockets so that every header is the
 * test's choice: the control token.
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
}
