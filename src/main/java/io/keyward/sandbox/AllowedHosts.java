package io.keyward.sandbox;

import com.sun.net.httpserver.Headers;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Host headers the sandbox answers: its own loopback names with the port it is bound to, nothing
 * else. A web page can make a browser send requests to 127.0.0.1 under a name of its own whose DNS
 * answer it switched to 127.0.0.1 (DNS rebinding); such requests carry that name in Host, so refusing
 * them keeps pages away from the sandbox even though the browser treats them as same-origin.
 */
final class AllowedHosts {
    private final Set<String> allowed;
    private final String description;

    AllowedHosts(int port) {
        String suffix = ":" + port;
        description = "127.0.0.1" + suffix + ", localhost" + suffix + " or [::1]" + suffix;
        if (port == 80) {
            // A client leaves out the scheme's default port (RFC 9110, section 7.2).
            allowed = Set.of("localhost" + suffix, "127.0.0.1" + suffix, "[::1]" + suffix,
                    "localhost", "127.0.0.1", "[::1]");
        } else {
            allowed = Set.of("localhost" + suffix, "127.0.0.1" + suffix, "[::1]" + suffix);
        }
    }

    /** The names a refused client should use instead, for the error message. */
    String description() {
        return description;
    }

    /** Exactly one Host header, naming this server; the name's case does not matter, the port must match. */
    boolean allows(Headers requestHeaders) {
        List<String> hosts = requestHeaders.get("Host");
        return hosts != null && hosts.size() == 1
                && allowed.contains(hosts.get(0).strip().toLowerCase(Locale.ROOT));
    }
}
