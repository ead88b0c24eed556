package io.keyward.gateway;

import io.keyward.model.Secret;

import java.util.Locale;
import java.util.Objects;

/**
 * Which proxy a connection goes through: {@link #SYSTEM} (the default), {@link #NONE}, or a
 * {@link Manual} one.
 */
public sealed interface ProxyChoice {

    /**
     * What this computer says: the environment's {@code HTTPS_PROXY} / {@code HTTP_PROXY} (with
     * {@code NO_PROXY}) when set, else the Java runtime's default proxy selector.
     */
    ProxyChoice SYSTEM = new FromSystem();

    /** Straight to the server, whatever the environment says. */
    ProxyChoice NONE = new Direct();

    /** @see #SYSTEM */
    record FromSystem() implements ProxyChoice {
        @Override
        public String toString() {
            return "SYSTEM";
        }
    }

    /** @see #NONE */
    record Direct() implements ProxyChoice {
        @Override
        public String toString() {
            return "NONE";
        }
    }

    /**
     * An HTTP proxy the user named; https:// addresses go through it as a CONNECT tunnel, so the
     * proxy sees the host name, not the traffic.
     *
     * @param username for Basic proxy authentication; null (or blank) when the proxy asks for none
     * @param password goes with the username; null is an empty password
     */
    record Manual(String host, int port, String username, Secret password) implements ProxyChoice {
        public Manual {
            Objects.requireNonNull(host, "host");
            host = host.trim();
            if (host.isEmpty() || host.chars().anyMatch(c -> c <= ' ' || c == '/' || c == '@' || c == '?' || c == '#')) {
                throw new IllegalArgumentException("The proxy must be a host name or IP address, without http:// or a path.");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("The proxy port must be a number from 1 to 65535.");
            }
            username = username == null || username.isBlank() ? null : username;
            if (username == null) {
                password = null;
            }
        }

        public boolean hasCredentials() {
            return username != null;
        }

        /** "proxy.corp:3128": what a message may show (never the username or password). */
        public String address() {
            return (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host).toLowerCase(Locale.ROOT)
                    + ":" + port;
        }

        @Override
        public String toString() {
            return "MANUAL[" + address() + (username == null ? "" : ", with a username and password") + "]";
        }
    }

    static ProxyChoice manual(String host, int port, String username, Secret password) {
        return new Manual(host, port, username, password);
    }
}
