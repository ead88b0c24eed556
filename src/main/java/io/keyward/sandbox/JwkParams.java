package io.keyward.sandbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * JWK key material as the API returns it: {@code member} is the response field ("rsa", "ec", "oct",
 * "okp") and {@code values} its base64url members in a stable order.
 */
record JwkParams(String member, Map<String, String> values) {
    JwkParams {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The JWK "type" field that goes with this member. */
    String type() {
        return member.toUpperCase(Locale.ROOT);
    }
}
