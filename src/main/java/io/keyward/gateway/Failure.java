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

    record FieldError(String field, String message) { }

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
