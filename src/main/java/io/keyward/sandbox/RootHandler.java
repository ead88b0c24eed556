package io.keyward.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;

/**
 * Entry point for every request: checks the Host header, splits the path once and hands over to one of
 * the two APIs or the control endpoint. Each API answers its errors in its own format: /apiops with
 * {@code {"error","error_description"}}, /v1 with RFC 9457 problems.
 *
 * <p>No answer ever carries CORS headers ({@code Access-Control-Allow-*}), so a web page in a browser
 * can neither read an answer nor get a preflight approved; an OPTIONS request is refused like any other
 * method a path does not take.
 */
final class RootHandler implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(RootHandler.class.getName());

    private final ApiHandler api;
    private final AmpersandHandler ampersand;
    private final ControlHandler control;
    private final AllowedHosts hosts;

    RootHandler(ApiHandler api, AmpersandHandler ampersand, ControlHandler control, AllowedHosts hosts) {
        this.api = api;
        this.ampersand = ampersand;
        this.control = control;
        this.hosts = hosts;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        // The request line and headers are in; the client's time limit stops running until the body is read.
        if (!SlowClientGuard.pause()) {
            exchange.close();
            throw new SlowClientGuard.TooSlow();
        }
        boolean problems = AmpersandHandler.owns(exchange.getRequestURI().getRawPath());
        try {
            // Before anything else, faults included: a request meant for another name gets nothing from here.
            if (!hosts.allows(exchange.getRequestHeaders())) {
                throw new ApiException(421, "misdirected_request",
                        "This server answers only Host: " + hosts.description());
            }
            RawPath path = parse(exchange);
            switch (path.first()) {
                case "apiops" -> api.handle(exchange, path);
                case "v1" -> ampersand.handle(exchange, path);
                case "_sandbox" -> control.handle(exchange, path);
                default -> throw ApiException.notFound("No endpoint for " + exchange.getRequestMethod() + " "
                        + exchange.getRequestURI().getRawPath());
            }
        } catch (ProblemException e) {
            trySend(exchange, e);
        } catch (ApiException e) {
            if (problems) {
                trySend(exchange, ProblemException.from(e));
            } else {
                trySend(exchange, e);
            }
        } catch (HttpIo.ConnectionDropped e) {
            // Must reach the JDK server so that it forgets the connection it just lost.
            throw e;
        } catch (RuntimeException e) {
            // Names the failure without a stack trace and without request headers (they hold tokens).
            LOG.log(System.Logger.Level.WARNING, "Unexpected error answering {0} {1}: {2}",
                    exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), e.toString());
            if (problems) {
                trySend(exchange, ProblemException.of(500, "internal server error", "try again later"));
            } else {
                trySend(exchange, new ApiException(500, "internal_error", "An unexpected error occurred"));
            }
        } finally {
            // Closing reads what is left of the body, which is waiting for the client again.
            SlowClientGuard.resume();
            exchange.close();
        }
    }

    private static RawPath parse(HttpExchange exchange) {
        try {
            return RawPath.parse(exchange.getRequestURI().getRawPath());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /** The client may be gone, or an answer may already be under way; either way there is nobody to tell. */
    private static void trySend(HttpExchange exchange, ApiException error) {
        try {
            HttpIo.sendError(exchange, error);
        } catch (IOException | RuntimeException ignored) {
            // see above
        }
    }

    private void trySend(HttpExchange exchange, ProblemException problem) {
        try {
            ampersand.sendProblem(exchange, problem);
        } catch (IOException | RuntimeException ignored) {
            // see trySend(exchange, ApiException)
        }
    }
}
