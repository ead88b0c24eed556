package io.keyward.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;

/** Entry point for every request: splits the path once and hands over to the API or the control endpoint. */
final class RootHandler implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(RootHandler.class.getName());

    private final ApiHandler api;
    private final ControlHandler control;

    RootHandler(ApiHandler api, ControlHandler control) {
        this.api = api;
        this.control = control;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            RawPath path = parse(exchange);
            switch (path.first()) {
                case "apiops" -> api.handle(exchange, path);
                case "_sandbox" -> control.handle(exchange, path);
                default -> throw ApiException.notFound("No endpoint for " + exchange.getRequestMethod() + " "
                        + exchange.getRequestURI().getRawPath());
            }
        } catch (ApiException e) {
            trySend(exchange, e);
        } catch (HttpIo.ConnectionDropped e) {
            // Must reach the JDK server so that it forgets the connection it just lost.
            throw e;
        } catch (RuntimeException e) {
            // Names the failure without a stack trace and without request headers (they hold tokens).
            LOG.log(System.Logger.Level.WARNING, "Unexpected error answering {0} {1}: {2}",
                    exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), e.toString());
            trySend(exchange, new ApiException(500, "internal_error", "An unexpected error occurred"));
        } finally {
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
}
