package io.keyward.sandbox;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The /v1 pipeline (Ampersand's JWT-key API), in the same order as /apiops (see {@link ApiHandler}):
 * badGatewayEvery (its count shared with /apiops), rejectTokens, latency, then drop / 502 / 429 / 500,
 * then routing errors (404/405), the API key, the endpoint, and last commit-then-drop for a POST, PATCH
 * or DELETE the endpoint carried out (2xx). Every error it answers is an RFC 9457 problem; only the 502s
 * are the proxy's HTML page, as in /apiops. failingEnvironment does not apply: Ampersand has no
 * environments.
 */
final class AmpersandHandler {
    private final Router<AmpersandReply.Endpoint> router = new Router<>();
    private final FaultSettings faults;
    private final FaultInjector injector;
    private final AmpersandAuth auth;
    private final ProblemWriter problems;

    AmpersandHandler(AmpersandStore store, FaultSettings faults, String apiKey, Clock clock) {
        this.faults = faults;
        this.injector = new FaultInjector(faults);
        this.auth = new AmpersandAuth(apiKey);
        this.problems = new ProblemWriter(clock);
        new AmpersandEndpoints(store).register(router);
    }

    /** Whether a raw request path belongs here, decided before decoding so a broken escape still gets a problem. */
    static boolean owns(String rawPath) {
        return rawPath != null && (rawPath.equals("/v1") || rawPath.startsWith("/v1/"));
    }

    void handle(HttpExchange exchange, RawPath path) throws IOException {
        try {
            answer(exchange, path);
        } catch (ApiException e) {
            // Shared plumbing (body size, query escapes) speaks /apiops; /v1 clients must only see problems.
            throw ProblemException.from(e);
        }
    }

    void sendProblem(HttpExchange exchange, ProblemException problem) throws IOException {
        problems.send(exchange, problem);
    }

    private void answer(HttpExchange exchange, RawPath path) throws IOException {
        if (injector.badGatewayTurn()) {
            HttpIo.sendBadGatewayPage(exchange);
            return;
        }
        if (faults.isRejectTokens()) {
            // Exactly what a wrong key gets: a revoked key looks no different to a client.
            throw ProblemException.unauthorized("invalid API key");
        }
        if (!injector.delay() || answeredByFault(exchange)) {
            return;
        }
        if (faults.failsPath(exchange.getRequestURI().getRawPath())) {
            throw ProblemException.of(500, "internal server error", "try again later");
        }
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getRawPath();
        Router.Resolution<AmpersandReply.Endpoint> resolution = router.resolve(method, path);
        // Routing errors before authentication, as in /apiops: a wrong path is the mistake worth naming.
        if (resolution instanceof Router.WrongMethod<AmpersandReply.Endpoint> wrong) {
            String allowed = String.join(", ", wrong.allowed());
            throw ProblemException.of(405, "method " + method + " is not allowed for " + rawPath,
                    "use one of: " + allowed).withHeaders(Map.of("Allow", allowed));
        }
        if (!(resolution instanceof Router.Found<AmpersandReply.Endpoint> found)) {
            throw ProblemException.of(404, "no endpoint for " + method + " " + rawPath,
                    "check the path: Ampersand paths have no trailing slash");
        }
        auth.check(exchange.getRequestHeaders());
        ApiRequest request = new ApiRequest(method, rawPath, found.variables(), exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders(), HttpIo.readBody(exchange));
        AmpersandReply reply = found.route().handler().handle(request);
        // Every /v1 reply is a success (refusals are thrown), so reaching here means the change was made.
        if (FaultInjector.isMutation(method) && injector.dropAfterCommit()) {
            HttpIo.drop(exchange);
            return; // not reached: drop() throws so the JDK server forgets the connection
        }
        if (reply.body() == null) {
            HttpIo.sendNoContent(exchange, reply.status());
        } else {
            HttpIo.send(exchange, reply.status(), "application/json", Json.bytes(reply.body()), Map.of());
        }
    }

    /** @return true if a drawn fault has already answered (or dropped) the request */
    private boolean answeredByFault(HttpExchange exchange) throws IOException {
        switch (injector.draw()) {
            case DROP -> HttpIo.drop(exchange);
            case BAD_GATEWAY -> HttpIo.sendBadGatewayPage(exchange);
            case RATE_LIMIT -> throw ProblemException.rateLimited();
            case INTERNAL_ERROR -> throw ProblemException.of(500, "internal server error", "try again later")
                    .withCauses(List.of("injected by the sandbox (errorRate)"));
            case NONE -> {
                return false;
            }
        }
        return true;
    }
}
