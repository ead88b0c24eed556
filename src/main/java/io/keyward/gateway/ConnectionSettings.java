package io.keyward.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach a backend's management API.
 *
 * @param baseUrl        the backend's address as the user gave it (Apinizer: the manager URL, to which the
 *                       client appends {@code /apiops}; Ampersand: the root that holds {@code /projects})
 * @param getRetries     extra attempts for GETs that fail at the network level; mutations never retry
 */
public record ConnectionSettings(URI baseUrl, Authentication authentication, Duration connectTimeout,
                                 Duration readTimeout, Duration callTimeout, int getRetries) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_GET_RETRIES = 2;

    public ConnectionSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(authentication, "authentication");
        connectTimeout = positive(connectTimeout, DEFAULT_CONNECT_TIMEOUT);
        readTimeout = positive(readTimeout, DEFAULT_READ_TIMEOUT);
        callTimeout = positive(callTimeout, DEFAULT_CALL_TIMEOUT);
        if (getRetries < 0) {
            throw new IllegalArgumentException("getRetries must be >= 0");
        }
    }

    public static ConnectionSettings of(URI baseUrl, Authentication authentication) {
        return new ConnectionSettings(baseUrl, authentication, null, null, null, DEFAULT_GET_RETRIES);
    }

    public ConnectionSettings withTimeouts(Duration connect, Duration read, Duration call) {
        return new ConnectionSettings(baseUrl, authentication, connect, read, call, getRetries);
    }

    public ConnectionSettings withGetRetries(int retries) {
        return new ConnectionSettings(baseUrl, authentication, connectTimeout, readTimeout, callTimeout, retries);
    }

    private static Duration positive(Duration value, Duration fallback) {
        return value == null || value.isZero() || value.isNegative() ? fallback : value;
    }
}
