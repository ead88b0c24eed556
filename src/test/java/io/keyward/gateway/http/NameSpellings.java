package io.keyward.gateway.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Names for the path-safety tests of the transport and of every adapter. */
public final class NameSpellings {

    private NameSpellings() {
    }

    /**
     * Every spelling a server or a proxy in front of it could turn into ".", ".." or "" (or a path with
     * such a step): percent-encoded in any case, double and triple encoded, IIS's %u, whitespace and
     * control characters around it, Unicode compatibility forms, a ;parameter, a NUL, a '/' or '\'.
     */
    public static final List<String> REFUSED = List.of(
            ".", "..", "",
            "%2e", "%2E", "%2e%2e", "%2E%2E", "%2e%2E", ".%2E", "%2e.", ".%2e",
            "%252e", "%252e%252e", "%25252E%25252e", "%2525252e%2e",
            "%u002e", "%U002E%u002E",
            " .. ", "..\t", "\n.", "..\u0000", ".\u0000tail", "\u00a0..", "..\u200b", "\ufeff.", "%20..%20", "%0a%2e%2e",
            "\uff0e\uff0e", "\uff0e", "\u2024", "\u2024\u2024", "\u2025", "%EF%BC%8E%EF%BC%8E", "%E2%80%A5",
            "\uff05\uff12\uff45", // fullwidth "%2e"
            "..;jsessionid=x", ".;x", "%2e%2e%3bx",
            "a/..", "../b", "a/../b", "a\\..", "a%2f..", "..%5cb", "x/.", "a/%2e%2e",
            " ", "\t", "%20", "%00", "\u200b", "/", "//", "\\", ";x");

    /** Names that merely contain dots (or look encoded) and the single encoded segment each is sent as. */
    public static final Map<String, String> SENT_AS_THEMSELVES;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("...", "...");
        m.put(".env", ".env");
        m.put("a..b", "a..b");
        m.put("v1.2", "v1.2");
        m.put("..a", "..a");
        m.put("a.", "a.");
        m.put(". .", ".%20.");
        m.put("%2e%2ex", "%252e%252ex");
        m.put("\u2026", "%E2%80%A6");
        m.put("a/...", "a%2F...");
        SENT_AS_THEMSELVES = java.util.Collections.unmodifiableMap(m);
    }
}
