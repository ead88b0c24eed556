package io.keyward.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hand-written HTTP/1.1 over a plain socket, every byte chosen by the test (the Host header included,
 * which java.net.http does not let a caller set), and the answer parsed just enough to check it.
 */
final class RawHttp {
    private RawHttp() {
    }

    /** An answer as it came over the wire; header names in lower case, each with all its values. */
    record Answer(int status, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }

        /** Every header whose name starts with "access-control-", which would be a CORS grant. */
        List<String> corsHeaders() {
            return headers.keySet().stream().filter(name -> name.startsWith("access-control-")).toList();
        }
    }

    /**
     * A request with {@code Connection: close} added, so the server closes once it has answered.
     *
     * @param host        the Host header's value, or null to send none
     * @param headerLines further header lines, "Name: value"
     */
    static String request(String method, String target, String host, String body, String... headerLines) {
        StringBuilder text = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        if (host != null) {
            text.append("Host: ").append(host).append("\r\n");
        }
        for (String line : headerLines) {
            text.append(line).append("\r\n");
        }
        if (body != null) {
            text.append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n");
        }
        text.append("Connection: close\r\n\r\n");
        if (body != null) {
            text.append(body);
        }
        return text.toString();
    }

    /** Sends the request text (UTF-8) and reads until the server closes; fails if nothing comes within 10 s. */
    static Answer send(URI baseUrl, String request) {
        try (Socket socket = new Socket(baseUrl.getHost(), baseUrl.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Answer parse(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        if (!raw.startsWith("HTTP/1.1 ") || end < 0) {
            throw new AssertionError("not an HTTP answer: '" + raw + "'");
        }
        String[] lines = raw.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).strip());
        }
        return new Answer(status, headers, raw.substring(end + 4));
    }
}
