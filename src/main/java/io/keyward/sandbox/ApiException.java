package io.keyward.sandbox;

import java.util.Map;

/**
 * An answer in the management API's error format ({@code {"error","error_description"}}). Thrown from
 * anywhere below the router so that handlers can stop at the first rule a request breaks.
 */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;
    private final transient Map<String, String> headers;

    ApiException(int status, String error, String description) {
        this(status, error, description, Map.of());
    }

    ApiException(int status, String error, String description, Map<String, String> headers) {
        // No stack trace: these are expected answers, not failures worth tracing.
        super(description, null, false, false);
        this.status = status;
        this.error = error;
        this.headers = Map.copyOf(headers);
    }

    static ApiException badRequest(String description) {
        return new ApiException(400, "bad_request", description);
    }

    static ApiException notFound(String description) {
        return new ApiException(404, "not_found", description);
    }

    static ApiException invalidToken() {
        return new ApiException(401, "unauthorized_client", "Invalid token", Map.of("WWW-Authenticate", "Bearer"));
    }

    static ApiException forbidden() {
        return new ApiException(403, "forbidden", "You do not have permission to perform this action");
    }

    static ApiException projectNotFound(String projectName) {
        return notFound("Project(" + projectName + ") was not found or user does not have privilege to access it!");
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }

    String description() {
        return getMessage();
    }

    Map<String, String> headers() {
        return headers;
    }
}
