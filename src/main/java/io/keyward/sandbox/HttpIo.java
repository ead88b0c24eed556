package io.keyward.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading requests and writing answers on a JDK {@link HttpExchange}. */
final class HttpIo {
    static final String JSON_TYPE = "application/json; charset=utf-8";
    static final int MAX_BODY_BYTES = 1 << 20;
    /** What a proxy in front of the gateway answers when the gateway is down: HTML, not the API's format. */
    static final String BAD_GATEWAY_PAGE = """
            <html>
            <head><title>502 Bad Gateway</title></head>
            <body>
            <center><h1>502 Bad Gateway</h1></center>
            <hr><center>nginx</center>
            </body>
            </html>
            """;

    private HttpIo() {
    }

    static void sendJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
        sendJson(exchange, status, body, Map.of());
    }

    static void sendJson(HttpExchange exchange, int status, JsonNode body, Map<String, String> headers)
            throws IOException {
        send(exchange, status, JSON_TYPE, Json.bytes(body), headers);
    }

    static void sendError(HttpExchange exchange, ApiException error) throws IOException {
        sendJson(exchange, error.status(), Json.error(error.error(), error.description()), error.headers());
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body, Map<String, String> headers)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        headers.forEach(exchange.getResponseHeaders()::set);
        // A HEAD answer has no body, and the JDK logs a warning if it is promised one.
        boolean bodiless = body.length == 0 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, bodiless ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!bodiless) {
                out.write(body);
            }
        }
    }

    /** An answer such as 204 that has no body and therefore no Content-Type. */
    static void sendNoContent(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.getResponseBody().close();
    }

    static void sendBadGatewayPage(HttpExchange exchange) throws IOException {
        send(exchange, 502, "text/html", BAD_GATEWAY_PAGE.getBytes(StandardCharsets.UTF_8), Map.of("Server", "nginx"));
    }

    /**
     * Reads the whole body (at most {@link #MAX_BODY_BYTES}) with the client's time limit running.
     *
     * @throws SlowClientGuard.TooSlow if the limit passed meanwhile; the connection is closed then
     */
    static byte[] readBody(HttpExchange exchange) throws IOException {
        byte[] body;
        SlowClientGuard.resume();
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        } finally {
            if (!SlowClientGuard.pause()) {
                throw new SlowClientGuard.TooSlow();
            }
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new ApiException(413, "payload_too_large", "Request body exceeds " + MAX_BODY_BYTES + " bytes");
        }
        return body;
    }

    /**
     * Ends the exchange with no HTTP answer at all, as a crashed proxy would: the client sees the
     * connection close before a status line (curl: "Empty reply from server"). Used by dropRate before a
     * request is handled and by commit-then-drop after a mutation was carried out.
     *
     * <p>The JDK server closes the socket when an exchange is closed before sendResponseHeaders. The
     * request body is drained first because closing a socket with unread input sends a TCP reset,
     * which looks like a different failure. The exception thrown afterwards makes the JDK server run its
     * own connection clean-up; {@link RootHandler} lets it through on purpose.
     */
    static void drop(HttpExchange exchange) {
        SlowClientGuard.resume();
        try (InputStream in = exchange.getRequestBody()) {
            in.readNBytes(MAX_BODY_BYTES);
        } catch (IOException ignored) {
            // The connection is being thrown away anyway.
        }
        SlowClientGuard.pause();
        exchange.close();
        throw new ConnectionDropped();
    }

    /**
     * Parses form encoding (query strings and x-www-form-urlencoded bodies); the first value of a name wins.
     *
     * @throws ApiException 400 for a broken escape such as {@code %zz}
     */
    static Map<String, String> parseForm(String encoded) {
        try {
            return parseFormStrictly(encoded);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Malformed form encoding: " + e.getMessage());
        }
    }

    private static Map<String, String> parseFormStrictly(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = ApiRequest.formDecode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : ApiRequest.formDecode(pair.substring(eq + 1));
            values.putIfAbsent(name, value);
        }
        return values;
    }

    /** Signals a deliberately dropped connection; carries no stack trace because it is not an error. */
    static final class ConnectionDropped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConnectionDropped() {
            super("Connection dropped by the sandbox's dropRate or commit-then-drop fault", null, false, false);
        }
    }
}
