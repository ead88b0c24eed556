package io.keyward.sandbox;

import com.sun.net.httpserver.Headers;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** What an endpoint gets: decoded path variables, the raw query, headers and the body bytes. */
record ApiRequest(String method, String rawPath, Map<String, String> variables, String rawQuery, Headers headers,
                  byte[] body) {

    String variable(String name) {
        String value = variables.get(name);
        if (value == null) {
            throw new IllegalStateException("Route has no variable {" + name + "}");
        }
        return value;
    }

    /** First value of a query parameter; the query string is form-encoded, so URLDecoder is right here. */
    Optional<String> queryParameter(String name) {
        return Optional.ofNullable(HttpIo.parseForm(rawQuery).get(name));
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    static String formDecode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
