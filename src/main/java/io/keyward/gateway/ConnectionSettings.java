package io.keyward.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach a backend's management API, and how patient to be.
 *
 * @param baseUrl          the backend's address as the user gave it (Apinizer: the manager URL, to which the
 *                         client appends {@code /apiops}; Ampersand: the root that holds {@code /projects})
 * @param readTimeout      for reads: the longest wait for the next bytes of an answer
 * @param callTimeout      for reads: the longest a whole call (one attempt) may take
 * @param mutationTimeout  for changes, which servers may take longer over (deployments): the read and
 *                         call timeout of a POST, PUT, PATCH or DELETE
 * @param readRetries      extra attempts for reads after a network failure, 502, 503, 504 or 429;
 *                         changes are never retried
 * @param maxRetryWait     the longest wait before one retry, whatever {@code Retry-After} asks
 * @param maxResponseBytes an answer longer than this is not read (a clear failure instead)
 * @param observer         told about retries, for the status line
 * @param network          trusted CAs, client certificate, proxy, plain HTTP; {@link NetworkSettings#DEFAULTS}
 *                         when null
 */
public record ConnectionSettings(URI baseUrl, Authentication authentication, Duration connectTimeout,
                                 Duration readTimeout, Duration callTimeout, Duration mutationTimeout,
                                 int readRetries, Duration maxRetryWait, long maxResponseBytes,
                                 CallObserver observer, NetworkSettings network) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_MUTATION_TIMEOUT = Duration.ofSeconds(120);
    public static final int DEFAULT_READ_RETRIES = 2;
    public static final Duration DEFAULT_MAX_RETRY_WAIT = Duration.ofSeconds(10);
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L * 1024 * 1024;

    public ConnectionSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(authentication, "authentication");
        connectTimeout = positive(connectTimeout, DEFAULT_CONNECT_TIMEOUT);
        readTimeout = positive(readTimeout, DEFAULT_READ_TIMEOUT);
        callTimeout = positive(callTimeout, DEFAULT_CALL_TIMEOUT);
        mutationTimeout = positive(mutationTimeout, DEFAULT_MUTATION_TIMEOUT);
        maxRetryWait = maxRetryWait == null || maxRetryWait.isNegative() ? DEFAULT_MAX_RETRY_WAIT : maxRetryWait;
        if (readRetries < 0) {
            throw new IllegalArgumentException("readRetries must be >= 0");
        }
        if (maxResponseBytes <= 0) {
            maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        }
        observer = observer == null ? CallObserver.NONE : observer;
        network = network == null ? NetworkSettings.DEFAULTS : network;
    }

    /** As before network settings existed: {@link NetworkSettings#DEFAULTS}. */
    public ConnectionSettings(URI baseUrl, Authentication authentication, Duration connectTimeout,
                              Duration readTimeout, Duration callTimeout, Duration mutationTimeout,
                              int readRetries, Duration maxRetryWait, long maxResponseBytes,
                              CallObserver observer) {
        this(baseUrl, authentication, connectTimeout, readTimeout, callTimeout, mutationTimeout, readRetries,
                maxRetryWait, maxResponseBytes, observer, NetworkSettings.DEFAULTS);
    }

    public static ConnectionSettings of(URI baseUrl, Authentication authentication) {
        return new ConnectionSettings(baseUrl, authentication, null, null, null, null, DEFAULT_READ_RETRIES, null,
                DEFAULT_MAX_RESPONSE_BYTES, CallObserver.NONE, NetworkSettings.DEFAULTS);
    }

    public ConnectionSettings withTimeouts(Duration connect, Duration read, Duration call) {
        return new ConnectionSettings(baseUrl, authentication, connect, read, call, mutationTimeout, readRetries,
                maxRetryWait, maxResponseBytes, observer, network);
    }

    public ConnectionSettings withMutationTimeout(Duration timeout) {
        return new ConnectionSettings(baseUrl, authentication, connectTimeout, readTimeout, callTimeout, timeout,
                readRetries, maxRetryWait, maxResponseBytes, observer, network);
    }

    public ConnectionSettings withReadRetries(int retries) {
        return new ConnectionSettings(baseUrl, authentication, connectTimeout, readTimeout, callTimeout,
                mutationTimeout, retries, maxRetryWait, maxResponseBytes, observer, network);
    }

    public ConnectionSettings withMaxRetryWait(Duration wait) {
        return new ConnectionSettings(baseUrl, authentication, connectTimeout, readTimeout, callTimeout,
                mutationTimeout, readRetries, wait, maxResponseBytes, observer, network);
    }

    public ConnectionSettings withMaxResponseBytes(long bytes) {
        return new ConnectionSettings(baseUrl, authentication, connectTimeout, readTimeout, callTimeout,
                mutationTimeout, readRetries, maxRetryWait, bytes, observer, network);
    }

    public ConnectionSettings withObserver(CallObserver callObserver) {
        return new ConnectionSettings(baseUrl, authentication, connectTimeout, readTimeout, callTimeout,
                mutationTimeout, readRetries, maxRetryWait, maxResponseBytes, callObserver, network);
    }

    public ConnectionSettings withNetwork(NetworkSettings networkSettings) {
        return new ConnectionSettings(baseUrl, authentication, connectTimeout, readTimeout, callTimeout,
                mutationTimeout, readRetries, maxRetryWait, maxResponseBytes, observer, networkSettings);
    }

    private static Duration positive(Duration value, Duration fallback) {
        return value == null || value.isZero() || value.isNegative() ? fallback : value;
    }
}
