package io.keyward.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The /apiops pipeline, in this order (the /v1 one in {@link AmpersandHandler} is the same):
 * <ol>
 *   <li>badGatewayEvery: every N-th API call (/apiops and /v1 counted together) is the proxy's HTML 502
 *       and nothing else happens; it is the proxy in front of the gateway refusing, so it comes before
 *       anything the gateway would do: no token check, no latency, no other fault, nothing changed.
 *       Every API call is counted, whatever answers it afterwards;</li>
 *   <li>rejectTokens (401; not for the token endpoint);</li>
 *   <li>latency;</li>
 *   <li>drop / 502 / 429 / 500, drawn in that order (nothing is changed);</li>
 *   <li>routing errors (404/405), authentication, permission;</li>
 *   <li>the endpoint;</li>
 *   <li>commit-then-drop: a mutation the endpoint carried out (200) loses its answer. Last by nature: the
 *       change must have happened. A request answered by anything above, or refused by the endpoint,
 *       gets its answer and neither draws commitThenDropRate nor uses up commitThenDropNext.</li>
 * </ol>
 */
final class ApiHandler {
    private final Router<ApiRoute> router = new Router<>();
    private final TokenRegistry tokens;
    private final FaultSettings faults;
    private final FaultInjector injector;

    ApiHandler(SandboxStore store, TokenRegistry tokens, FaultSettings faults, String username, String password) {
        this.tokens = tokens;
        this.faults = faults;
        this.injector = new FaultInjector(faults);
        new AuthEndpoints(tokens, username, password).register(router);
        new CatalogEndpoints(store).register(router);
        new KeyEndpoints(store, faults).register(router);
        new JwkEndpoints(store, faults).register(router);
        new CredentialEndpoints(store, faults).register(router);
    }

    void handle(HttpExchange exchange, RawPath path) throws IOException {
        if (injector.badGatewayTurn()) {
            HttpIo.sendBadGatewayPage(exchange);
            return;
        }
        String method = exchange.getRequestMethod();
        Router.Resolution<ApiRoute> resolution = router.resolve(method, path);
        // The token endpoint takes a password, not a token, so "every token is revoked" cannot apply to
        // it; exempting it lets a client try to log in again and see the next call fail once more.
        boolean tokenEndpoint = resolution instanceof Router.Found<ApiRoute> found
                && found.route().handler().access() == ApiRoute.Access.PUBLIC;
        if (faults.isRejectTokens() && !tokenEndpoint) {
            throw ApiException.invalidToken();
        }
        if (!injector.delay() || answeredByFault(exchange)) {
            return;
        }
        if (faults.failsPath(exchange.getRequestURI().getRawPath())) {
            throw new ApiException(500, "internal_error", "An unexpected error occurred");
        }

        // Routing errors come before authentication: a wrong trailing slash should say 404 even to a
        // client whose token is also wrong, since the path is the mistake the sandbox exists to catch.
        if (!(resolution instanceof Router.Found<ApiRoute> found)) {
            throw routingError(method, exchange.getRequestURI().getRawPath(), resolution);
        }
        TokenRegistry.Access access = tokenEndpoint ? null : authenticate(exchange);
        if (found.route().handler().access() == ApiRoute.Access.WRITE && access != TokenRegistry.Access.FULL) {
            throw ApiException.forbidden();
        }
        ApiRequest request = new ApiRequest(method, exchange.getRequestURI().getRawPath(), found.variables(),
                exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), HttpIo.readBody(exchange));
        ObjectNode answer = found.route().handler().endpoint().handle(request);
        // The token endpoint changes nothing the admin manages, so losing its answer is not this fault.
        if (!tokenEndpoint && FaultInjector.isMutation(method) && injector.dropAfterCommit()) {
            HttpIo.drop(exchange);
            return; // not reached: drop() throws so the JDK server forgets the connection
        }
        HttpIo.sendJson(exchange, 200, answer);
    }

    /** @return true if a drawn fault has already answered (or dropped) the request */
    private boolean answeredByFault(HttpExchange exchange) throws IOException {
        switch (injector.draw()) {
            case DROP -> HttpIo.drop(exchange);
            case BAD_GATEWAY -> HttpIo.sendBadGatewayPage(exchange);
            case RATE_LIMIT -> {
                ObjectNode body = Json.error("rate_limit_exceeded", "Rate limit exceeded. Please try again later.");
                body.put("retry_after", 60);
                HttpIo.sendJson(exchange, 429, body, Map.of("Retry-After", "60"));
            }
            case INTERNAL_ERROR -> throw new ApiException(500, "internal_error", "An unexpected error occurred");
            case NONE -> {
                return false;
            }
        }
        return true;
    }

    private TokenRegistry.Access authenticate(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String token = null;
        if (header != null && header.length() > 7 && header.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            token = header.substring(7).strip();
        }
        TokenRegistry.Access access = tokens.accessOf(token);
        if (access == null) {
            throw ApiException.invalidToken();
        }
        return access;
    }

    private static ApiException routingError(String method, String rawPath, Router.Resolution<ApiRoute> resolution) {
        if (resolution instanceof Router.WrongMethod<ApiRoute> wrong) {
            List<String> allowed = wrong.allowed();
            return new ApiException(405, "method_not_allowed", "Method " + method + " is not supported for "
                    + rawPath + "; allowed: " + String.join(", ", allowed), Map.of("Allow", String.join(", ", allowed)));
        }
        return ApiException.notFound("No endpoint for " + method + " " + rawPath);
    }
}
