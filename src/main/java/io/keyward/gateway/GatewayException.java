package io.keyward.gateway;

/**
 * A failed management-API call. The message is a plain sentence for the user (what was attempted and
 * what the server or network said); it never contains a token, a password or key material.
 */
public final class GatewayException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Failure failure;
    private final int httpStatus;
    private final String errorCode;
    private final String serverMessage;
    private final transient ProblemDetails problem;

    public GatewayException(Failure failure, int httpStatus, String errorCode, String serverMessage,
                            String message, Throwable cause) {
        this(failure, httpStatus, errorCode, serverMessage, null, message, cause);
    }

    public GatewayException(Failure failure, int httpStatus, String errorCode, String serverMessage,
                            ProblemDetails problem, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.serverMessage = serverMessage;
        this.problem = problem;
    }

    /** The RFC 9457 problem the server sent, or null when its error body was not one. */
    public ProblemDetails problem() {
        return problem;
    }

    public Failure failure() {
        return failure;
    }

    /** The HTTP status, or 0 when there was no HTTP answer. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The server's machine-readable code ({@code error}, or a problem's {@code type}); may be null. */
    public String errorCode() {
        return errorCode;
    }

    /** The server's own description ({@code error_description} or a problem's {@code detail}); may be null. */
    public String serverMessage() {
        return serverMessage;
    }

    public boolean isUnauthorized() {
        return failure instanceof Failure.Unauthorized;
    }
}
