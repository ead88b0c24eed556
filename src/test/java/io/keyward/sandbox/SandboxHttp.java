package io.keyward.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Talks to a running sandbox over real HTTP with java.net.http, the way the console will. Paths are
 * passed already encoded, so each test shows exactly what goes on the wire.
 */
final class SandboxHttp implements AutoCloseable {
    static final ObjectMapper MAPPER = new ObjectMapper();
    /** One client for the whole run: java.net.http clients own threads and cannot be closed on Java 17. */
    static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    record Response(int status, HttpHeaders headers, String body) {
        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }

        String contentType() {
            return headers.firstValue("Content-Type").orElse(null);
        }

        /**
         * Asserts an Ampersand problem: status, media type, the RFC 9457 members and Ampersand's
         * occurrence members (subsystem, an RFC 3339 time, a requestId of the published shape).
         *
         * @return the problem, for the test's own checks of detail, remedy and issues
         */
        JsonNode assertProblem(int expectedStatus) {
            assertEquals(expectedStatus, status, () -> "status; body was " + body);
            assertEquals(ProblemWriter.MEDIA_TYPE, contentType(), body);
            JsonNode node = json();
            assertEquals("https://httpstatuses.com/" + expectedStatus, node.path("type").asText(null), body);
            assertEquals(ProblemWriter.title(expectedStatus), node.path("title").asText(null), body);
            assertEquals(expectedStatus, node.path("status").asInt(-1), body);
            assertFalse(node.path("detail").asText("").isBlank(), body);
            assertEquals("api", node.path("subsystem").asText(null), body);
            assertTrue(node.path("requestId").asText("").matches(
                    "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}#\\d+"), body);
            Instant time = Instant.parse(node.path("time").asText());
            assertTrue(Duration.between(time, Instant.now()).abs().toSeconds() < 60, "time is now: " + body);
            boolean retryable = expectedStatus == 429 || expectedStatus >= 500;
            assertEquals(retryable, node.has("retryable"), body);
            assertEquals(retryable, node.has("retryAfter"), body);
            if (retryable) {
                assertTrue(node.get("retryable").asBoolean(), body);
                assertTrue(Instant.parse(node.get("retryAfter").asText()).isAfter(time), body);
            }
            return node;
        }

        /** Asserts the API's error shape exactly: status, both fields, nothing else, JSON content type. */
        void assertError(int expectedStatus, String error, String description) {
            assertEquals(expectedStatus, status, () -> "status; body was " + body);
            assertEquals(HttpIo.JSON_TYPE, contentType());
            JsonNode node = json();
            assertEquals(error, node.path("error").asText(null), body);
            assertEquals(description, node.path("error_description").asText(null), body);
            assertEquals(2, node.size(), () -> "only error and error_description expected: " + body);
        }
    }

    final SandboxServer server;

    SandboxHttp(SandboxServer server) {
        this.server = server;
    }

    @Override
    public void close() {
        server.close();
    }

    static SandboxHttp start() {
        return start(SandboxOptions.defaults());
    }

    static SandboxHttp start(SandboxOptions options) {
        try {
            return new SandboxHttp(SandboxServer.start(options));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Percent-encodes one path segment the strict RFC 3986 way (so '+' becomes %2B and '/' %2F). */
    static String seg(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    Response get(String path) {
        return send("GET", path, server.adminToken(), null);
    }

    Response put(String path, String jsonBody) {
        return send("PUT", path, server.adminToken(), jsonBody);
    }

    Response delete(String path) {
        return send("DELETE", path, server.adminToken(), null);
    }

    /** @param token null sends no Authorization header */
    Response send(String method, String path, String token, String jsonBody) {
        HttpRequest.Builder builder = request(path);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (jsonBody != null) {
            builder.header("Content-Type", "application/json");
        }
        builder.method(method, jsonBody == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(jsonBody));
        return send(builder.build());
    }

    /** An Ampersand call with the run's API key in X-Api-Key; the path starts after /v1. */
    Response v1(String method, String path, String jsonBody) {
        return v1(method, path, "X-Api-Key", server.ampersandApiKey(), jsonBody);
    }

    Response v1Get(String path) {
        return v1("GET", path, null);
    }

    /** @param header null sends no credentials at all */
    Response v1(String method, String path, String header, String value, String jsonBody) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.ampersandBaseUrl() + path))
                .timeout(Duration.ofSeconds(20));
        if (header != null) {
            builder.header(header, value);
        }
        if (jsonBody != null) {
            builder.header("Content-Type", "application/json");
        }
        builder.method(method, jsonBody == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(jsonBody));
        return send(builder.build());
    }

    /** The JWT keys of a project as the API lists them, asserting the call worked. */
    JsonNode jwtKeys(String projectSegment) {
        Response response = v1Get("/projects/" + projectSegment + "/jwt-keys");
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    Response postForm(String path, String contentType, String body) {
        HttpRequest.Builder builder = request(path).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder.build());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20));
    }

    URI uri(String path) {
        return URI.create(server.baseUrl() + path);
    }

    static Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- shortcuts over the demo data ----

    JsonNode list(String project, String collection) {
        Response response = get("/apiops/projects/" + seg(project) + "/" + collection + "/");
        assertEquals(200, response.status(), response.body());
        return response.json().get("resultList");
    }

    JsonNode jwkNamed(String project, String name) {
        return findBy(list(project, "jwks"), "name", name);
    }

    JsonNode credential(String project, String username) {
        return findBy(list(project, "credentials"), "username", username);
    }

    JsonNode key(String project, String name) {
        return findBy(list(project, "keys"), "name", name);
    }

    JsonNode json(String body) {
        return Json.parse(body);
    }

    /** A JSON string literal, escaped by Jackson so names with quotes or non-ASCII letters stay exact. */
    String quote(String text) {
        return Json.text(com.fasterxml.jackson.databind.node.TextNode.valueOf(text));
    }

    static JsonNode findBy(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (Objects.equals(value, item.path(field).asText(null))) {
                return item;
            }
        }
        return null;
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        StreamSupport.stream(array.spliterator(), false).forEach(item -> values.add(item.path(field).asText(null)));
        return values;
    }

    /**
     * Sends hand-written HTTP/1.1 bytes over a plain socket and returns everything the server sent until
     * it closed the connection; for requests java.net.http refuses to build, and to see "no answer at all".
     */
    String raw(String method, String rawTarget, String token) {
        return raw(method, rawTarget, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token), null);
    }

    /** As {@link #raw(String, String, String)} with any headers and, unless null, a body with its length. */
    String raw(String method, String rawTarget, Map<String, String> headers, String body) {
        StringBuilder head = new StringBuilder(method + " " + rawTarget + " HTTP/1.1\r\nHost: " + hostHeader() + "\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            head.append("Content-Length: ").append(content.length).append("\r\n");
        }
        String request = head + "Connection: close\r\n\r\n" + new String(content, StandardCharsets.ISO_8859_1);
        try (Socket socket = new Socket(server.baseUrl().getHost(), server.baseUrl().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a client sends in Host for the base URL: {@code 127.0.0.1:PORT}. */
    String hostHeader() {
        return server.baseUrl().getHost() + ":" + server.baseUrl().getPort();
    }

    /** A /_sandbox request builder carrying the control token. */
    HttpRequest.Builder controlRequest(String path) {
        return request(path).header("Authorization", "Bearer " + server.controlToken());
    }

    /** A /_sandbox call with the control token; @param jsonBody null sends none */
    Response control(String method, String path, String jsonBody) {
        HttpRequest.Builder builder = controlRequest(path);
        if (jsonBody != null) {
            builder.header("Content-Type", "application/json");
        }
        return send(builder.method(method, jsonBody == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(jsonBody)).build());
    }

    Response controlGet(String path) {
        return control("GET", path, null);
    }

    Response setFaults(String json) {
        return control("PUT", "/_sandbox/faults", json);
    }
}
