package io.keyward.sandbox;

import com.sun.net.httpserver.Headers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * The /v1 API key, which the spec accepts in either of two headers. Only this key opens /v1, and it
 * opens nothing else: the /apiops tokens live in {@link TokenRegistry}, which never sees it.
 */
final class AmpersandAuth {
    private final byte[] apiKey;

    AmpersandAuth(String apiKey) {
        this.apiKey = apiKey.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * X-Api-Key is checked when present, otherwise {@code Authorization: Bearer}; a client sending both
     * is judged by X-Api-Key alone, so the outcome never depends on which one happens to be right.
     *
     * @throws ProblemException 401 for a missing or wrong key
     */
    void check(Headers headers) {
        String presented = headers.getFirst("X-Api-Key");
        if (presented == null) {
            presented = bearer(headers.getFirst("Authorization"));
        }
        if (presented == null || presented.isEmpty()) {
            throw ProblemException.unauthorized("missing API key");
        }
        // Constant time, so the answer's timing says nothing about how much of the key was right.
        if (!MessageDigest.isEqual(apiKey, presented.strip().getBytes(StandardCharsets.UTF_8))) {
            throw ProblemException.unauthorized("invalid API key");
        }
    }

    private static String bearer(String header) {
        if (header != null && header.length() > 7 && header.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return header.substring(7).strip();
        }
        return null;
    }
}
