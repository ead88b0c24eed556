package io.keyward.gateway;

import java.time.Duration;
import java.util.List;

/** The closed set of ways a management-API call can fail. */
public sealed interface Failure {

    /** 401: the token is missing, wrong, expired or revoked. */
    record Unauthorized() implements Failure { }

    /** 403: authenticated, but not allowed to do this. */
    record Forbidden() implements Failure { }

    /** 404, or a 400 whose description says something "is not found" / "was not found". */
    record NotFound() implements Failure { }

    /** 409, or a 400 whose description says the name "is already exist". */
    record AlreadyExists() implements Failure { }

    /** Any other 400: the server rejected the request; field errors when it sent them. */
    record Validation(List<FieldError> fieldErrors) implements Failure {
        public Validation {
            fieldErrors = fieldErrors == null ? List.of() : List.copyOf(fieldErrors);
        }
    }

    /** 429: {@code retryAfter} is null when the server did not say how long to wait. */
    record RateLimited(Duration retryAfter) implements Failure { }

    /** 5xx with a management-API error body. */
    record ServerError() implements Failure { }

    /** No HTTP answer at all, and for a change: nothing reached the server (refused, unknown host, TLS). */
    record Network(NetworkProblem problem) implements Failure { }

    /**
     * A change was sent and no answer came (read timeout, connection closed or reset after the
     * request went out): the server may or may not have carried it out. Never "failed": the console
     * re-reads the target to find out. Only mutations fail this way; reads are simply retried.
     */
    record OutcomeUnknown(NetworkProblem problem) implements Failure { }

    /** An answer that is not the management API's JSON, e.g. a reverse proxy's HTML page. */
    record Protocol(String contentType, String snippet) implements Failure { }

    /** Any other status with a parsable error body. */
    record Unexpected() implements Failure { }

    /**
     * Nothing was sent: {@code name} cannot be one URL path segment. "." and ".." (even
     * percent-encoded) are read as steps within the path by URL parsers (OkHttp's included) and by
     * servers, so the request would reach the collection or its parent instead of the named item.
     */
    record Unaddressable(String name) implements Failure { }

    /**
     * The TLS handshake failed over a certificate: the server's (expired, not yet valid, issued by a CA
     * this connection does not trust, for another host) or this connection's client certificate, which
     * the server refused. Nothing reached the server's application, so for a change nothing happened.
     * Not retried: none of these goes away by itself.
     *
     * @param server          the server's own (leaf) certificate; null when the server's chain was not
     *                        seen (e.g. {@link TlsProblem#OTHER})
     * @param issuerCandidate the last certificate the server sent (the top of its chain, the leaf itself
     *                        when it sent one): for {@link TlsProblem#UNKNOWN_ISSUER}, the certificate
     *                        the user may choose to trust ({@link CertificateFacts#pem()}); null with
     *                        {@code server}
     * @param host            the host name Keyward connected to
     */
    record Tls(TlsProblem problem, CertificateFacts server, CertificateFacts issuerCandidate, String host)
            implements Failure { }

    /**
     * The proxy answered HTTP 407 (it wants a sign-in, or did not accept the one it got): the request
     * never reached the server. Not the server's 401.
     *
     * @param proxy "host:port" of the proxy; null when a 407 came on a connection that goes through no
     *              proxy Keyward knows of (a transparent proxy on the way)
     */
    record ProxyAuthentication(String proxy) implements Failure { }

    /**
     * Nothing was sent: the connection's own settings stop every call, e.g. a plain-HTTP address that
     * is not allowed ({@link UrlPolicy}), a client-certificate file that cannot be opened, a trusted
     * CA that is not a certificate. The message names the setting to fix; it never holds a password.
     */
    record Misconfigured(Setting setting) implements Failure { }

    record FieldError(String field, String message) { }

    /** What is wrong in a {@link Tls} failure. */
    enum TlsProblem {
        /** The server's certificate (or one above it) expired. */
        EXPIRED,
        /** The server's certificate is not valid yet (or this computer's clock is behind). */
        NOT_YET_VALID,
        /** Issued by a CA this connection does not trust; a self-signed certificate too. */
        UNKNOWN_ISSUER,
        /** Valid and trusted, but for other host names than the one connected to. */
        NAME_MISMATCH,
        /** The server asked for a client certificate and refused the one sent, or that none was sent. */
        CLIENT_CERTIFICATE_REFUSED,
        /** The server's certificate was not accepted for another reason (e.g. revoked, a weak key). */
        OTHER
    }

    /** Which of a connection's settings a {@link Misconfigured} failure is about. */
    enum Setting {
        /** The address: credentials, a query or fragment in it, another scheme, or plain HTTP not allowed. */
        URL,
        /** One of {@link NetworkSettings#caCertificatesPem()} is not a certificate. */
        TRUSTED_CA,
        /** {@link NetworkSettings#useOsTrustStore()} on a computer whose store cannot be read. */
        OS_TRUST_STORE,
        /** The client certificate file is missing, unreadable, not PKCS#12, or holds no key. */
        CLIENT_CERTIFICATE_FILE,
        /** The client certificate file's password is wrong. */
        CLIENT_CERTIFICATE_PASSWORD,
        /** The proxy: an environment variable ({@code HTTPS_PROXY}, ...) that is not a proxy address. */
        PROXY
    }

    enum NetworkProblem {
        REFUSED("the connection was refused"),
        TIMEOUT("the server did not answer in time"),
        CLOSED("the connection was closed without an answer"),
        UNKNOWN_HOST("the host name could not be resolved"),
        TLS("the TLS handshake failed (the server's certificate was not trusted or did not match)"),
        OTHER("the connection failed");

        private final String sentence;

        NetworkProblem(String sentence) {
            this.sentence = sentence;
        }

        public String sentence() {
            return sentence;
        }
    }
}
