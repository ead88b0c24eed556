package io.keyward.gateway.http;

import okhttp3.Headers;

import java.util.Objects;

/**
 * One HTTP answer, read in full and already closed.
 *
 * @param contentType the {@code Content-Type} header, or null
 * @param body        the body as text, never null (empty when there was none)
 */
public record HttpAnswer(int status, String contentType, String body, Headers headers) {
    public HttpAnswer {
        body = body == null ? "" : body;
        headers = headers == null ? Headers.of() : headers;
    }

    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }

    public String header(String name) {
        return headers.get(Objects.requireNonNull(name, "name"));
    }
}
