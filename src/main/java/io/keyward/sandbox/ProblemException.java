package io.keyward.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An answer in Ampersand's error format: an RFC 9457 problem with Ampersand's members. Thrown from
 * anywhere below the /v1 router, like {@link ApiException} is for /apiops. It holds what describes the
 * problem; what describes this occurrence (type, title, requestId, time, retryAfter as a date) is added
 * by {@link ProblemWriter} when it is sent.
 */
final class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** How soon a client may retry a 5xx; the real server does not say, so this only has to be plausible. */
    private static final Duration SERVER_ERROR_RETRY = Duration.ofSeconds(1);
    static final Duration RATE_LIMIT_RETRY = Duration.ofSeconds(60);

    private final int status;
    private final String remedy;
    private final transient List<String> causes;
    private final transient List<ValidationIssue> issues;
    private final transient Duration retryAfter;
    private final transient Map<String, String> headers;

    private ProblemException(int status, String detail, String remedy, List<String> causes,
                             List<ValidationIssue> issues, Duration retryAfter, Map<String, String> headers) {
        // No stack trace: these are expected answers, not failures worth tracing.
        super(detail, null, false, false);
        this.status = status;
        this.remedy = remedy;
        this.causes = List.copyOf(causes);
        this.issues = List.copyOf(issues);
        this.retryAfter = retryAfter;
        this.headers = Map.copyOf(headers);
    }

    static ProblemException of(int status, String detail, String remedy) {
        Duration retry = status >= 500 ? SERVER_ERROR_RETRY : null;
        return new ProblemException(status, detail, remedy, List.of(), List.of(), retry, Map.of());
    }

    static ProblemException badRequest(String detail, List<ValidationIssue> issues) {
        return of(400, detail, null).withIssues(issues);
    }

    static ProblemException unauthorized(String detail) {
        return of(401, detail, "send the API key in the X-Api-Key header or as 'Authorization: Bearer <key>'")
                .withHeaders(Map.of("WWW-Authenticate", "Bearer"));
    }

    /** The published example for an unknown project, on every route that names one. */
    static ProblemException projectNotFound(String projectIdOrName) {
        return of(404, "project not found", null)
                .withIssues(List.of(ValidationIssue.of("projectId", "project not found",
                        "check the project ID and try again")))
                .withCauses(List.of("no project has the ID or name '" + projectIdOrName + "'"));
    }

    static ProblemException keyNotFound() {
        return of(404, "JWT key not found", "check the key ID and project ID are both correct, and try again");
    }

    static ProblemException rateLimited() {
        return new ProblemException(429, "rate limit exceeded", "wait until retryAfter, then try again",
                List.of(), List.of(), RATE_LIMIT_RETRY,
                Map.of("Retry-After", String.valueOf(RATE_LIMIT_RETRY.toSeconds())));
    }

    /** An /apiops-style error raised by shared plumbing (body too large, broken query escape) under /v1. */
    static ProblemException from(ApiException error) {
        return of(error.status(), error.description(), null).withHeaders(error.headers());
    }

    ProblemException withIssues(List<ValidationIssue> newIssues) {
        return new ProblemException(status, getMessage(), remedy, causes, newIssues, retryAfter, headers);
    }

    ProblemException withCauses(List<String> newCauses) {
        return new ProblemException(status, getMessage(), remedy, newCauses, issues, retryAfter, headers);
    }

    ProblemException withHeaders(Map<String, String> newHeaders) {
        return new ProblemException(status, getMessage(), remedy, causes, issues, retryAfter, newHeaders);
    }

    int status() {
        return status;
    }

    String detail() {
        return getMessage();
    }

    /** @return null if there is nothing more useful to say than the detail */
    String remedy() {
        return remedy;
    }

    List<String> causes() {
        return causes;
    }

    List<ValidationIssue> issues() {
        return issues;
    }

    /** @return how long to wait before retrying, or null if retrying the same request cannot help */
    Duration retryAfter() {
        return retryAfter;
    }

    Map<String, String> headers() {
        return headers;
    }
}
