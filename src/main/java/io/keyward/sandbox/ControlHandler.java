package io.keyward.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * /_sandbox: reads and changes the fault settings (shared by /apiops and /v1) and regenerates the demo
 * data of both APIs. It takes no token, so it refuses anyone not on this machine, and faults never
 * apply to it, so it stays usable while the APIs are failing; nor does badGatewayEvery count its calls.
 */
final class ControlHandler {
    private interface Action {
        ObjectNode run(byte[] body);
    }

    private final Router<Action> router = new Router<>();

    /** @param resetData regenerates the demo data of both APIs */
    ControlHandler(FaultSettings faults, Runnable resetData) {
        router.add("GET", "/_sandbox/faults", body -> faults.toJsonNode());
        router.add("PUT", "/_sandbox/faults", body -> {
            try {
                faults.apply(Json.parseBody(body));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(e.getMessage());
            }
            return faults.toJsonNode();
        });
        router.add("POST", "/_sandbox/faults/reset", body -> {
            faults.reset();
            return faults.toJsonNode();
        });
        router.add("POST", "/_sandbox/reset-data", body -> {
            resetData.run();
            ObjectNode answer = Json.object();
            answer.put("success", true);
            answer.put("message", "Demo data regenerated");
            return answer;
        });
    }

    static boolean isAllowed(InetSocketAddress remote) {
        return remote != null && remote.getAddress() != null && remote.getAddress().isLoopbackAddress();
    }

    void handle(HttpExchange exchange, RawPath path) throws IOException {
        if (!isAllowed(exchange.getRemoteAddress())) {
            throw new ApiException(403, "forbidden", "The sandbox control endpoint only answers loopback clients");
        }
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getRawPath();
        Router.Resolution<Action> resolution = router.resolve(method, path);
        if (resolution instanceof Router.WrongMethod<Action> wrong) {
            String allowed = String.join(", ", wrong.allowed());
            throw new ApiException(405, "method_not_allowed", "Method " + method + " is not supported for "
                    + rawPath + "; allowed: " + allowed, Map.of("Allow", allowed));
        }
        if (!(resolution instanceof Router.Found<Action> found)) {
            throw ApiException.notFound("No endpoint for " + method + " " + rawPath);
        }
        HttpIo.sendJson(exchange, 200, found.route().handler().run(HttpIo.readBody(exchange)));
    }
}
