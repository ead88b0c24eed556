package io.keyward.sandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** failingPath: calls whose raw path contains the text get a 500, on both APIs; the rest are served. */
class FailingPathTest {

    SandboxServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        server = SandboxServer.start(SandboxOptions.defaults());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    int apinizer(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Authorization", "Bearer " + server.adminToken()).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    HttpResponse<String> ampersand(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.ampersandBaseUrl() + path))
                .header("X-Api-Key", server.ampersandApiKey()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void onlyMatchingPathsFailAndResetClearsIt() throws Exception {
        server.faults().setFailingPath("/keys/");
        assertEquals(500, apinizer("/apiops/projects/payments/keys/"));
        assertEquals(200, apinizer("/apiops/projects/payments/jwks/"));
        assertEquals(200, apinizer("/apiops/projects/"));

        server.faults().setFailingPath("/jwt-keys");
        HttpResponse<String> failed = ampersand("/projects/partner-sso/jwt-keys");
        assertEquals(500, failed.statusCode());
        assertTrue(failed.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(200, ampersand("/projects").statusCode());

        server.faults().reset();
        assertEquals(200, ampersand("/projects/partner-sso/jwt-keys").statusCode());
        assertEquals(200, apinizer("/apiops/projects/payments/keys/"));
    }

    @Test
    void theControlEndpointAndCommandLineSetIt() throws Exception {
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/_sandbox/faults"))
                .header("Authorization", "Bearer " + server.controlToken())
                .PUT(HttpRequest.BodyPublishers.ofString("{\"failingPath\":\"/credentials/\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, put.statusCode());
        assertEquals("/credentials/", server.faults().getFailingPath());
        assertTrue(server.faults().toJson().contains("\"failingPath\":\"/credentials/\""));
        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/_sandbox/faults"))
                .header("Authorization", "Bearer " + server.controlToken())
                .PUT(HttpRequest.BodyPublishers.ofString("{\"failingPath\":3}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, bad.statusCode());
        assertEquals("/keys/", CliOptions.parse(new String[]{"--failing-path", "/keys/"}).sandbox().initialFaults()
                .getFailingPath());
    }
}
