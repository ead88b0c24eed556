package io.keyward.ui.jwks;

import io.keyward.model.Jwk;

import java.util.Map;
import java.util.TreeMap;

/**
 * A JWK's public members as JSON, for the clipboard: kty, kid and the public parameters (RSA n/e,
 * EC crv/x/y, OKP crv/x), nothing else. The client never kept private members, and a symmetric key
 * has no public part to give.
 */
final class PublicJwk {
    private PublicJwk() {
    }

    /** @return the JSON, or null when the key has no public part (oct) or its material was not sent */
    static String json(Jwk jwk) {
        String kty = kty(jwk.type());
        if (kty == null || jwk.material() == null || jwk.material().publicParameters().isEmpty()) {
            return null;
        }
        Map<String, String> members = new TreeMap<>(jwk.material().publicParameters());
        members.put("kty", kty);
        if (jwk.kid() != null && !jwk.kid().isBlank()) {
            members.put("kid", jwk.kid());
        }
        StringBuilder sb = new StringBuilder("{");
        members.forEach((k, v) -> sb.append(sb.length() > 1 ? "," : "").append(quote(k)).append(':').append(quote(v)));
        return sb.append('}').toString();
    }

    private static String kty(String type) {
        if (type == null) {
            return null;
        }
        return switch (type.toUpperCase(java.util.Locale.ROOT)) {
            case "RSA" -> "RSA";
            case "EC" -> "EC";
            case "OKP" -> "OKP";
            default -> null; // oct: a secret, no public part
        };
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
