package io.keyward.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

/**
 * /_sandbox: reads and changes the fault settings (shared by /apiops and /v1) and regenerates the demo
 * data of both APIs. Every request needs {@code Authorization: Bearer <control token>}, a secret of
 * its own that opens nothing else (and no API token opens this); it also refuses anyone not on this
 * machine. Faults never apply to it, so it stays usable while the APIs are failing; nor does
 * badGatewayEvery count its calls.
 */
final class ControlHandler {
    static final String REALM = "keyward-sandbox-control";

    private interface Action {
        ObjectNode run(byte[] body);
    }

    private final Router<Action> router = new Router<>();
    private final byte[] controlToken;

    /**
     * @param controlToken the bearer token every request must carry
     * @param resetData    regenerates the demo data of both APIs
     */
    ControlHandler(FaultSettings faults, String controlToken, Runnable resetData) {
        this.controlToken = controlToken.getBytes(StandardCharsets.UTF_8);
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

    /** Whether the request carries the control token; compared in constant time, whatever was sent. */
    boolean isAuthorized(Headers headers) {
        List<String> values = headers.get("Authorization");
        if (values == null || values.size() != 1) {
            return false;
        }
        String value = values.get(0);
        if (value.length() <= 7 || !value.substring(0, 7).equalsIgnoreCase("bearer ")) {
            return false;
        }
        // The expected token comes first: isEqual's time then depends on its length only.
        return MessageDigest.isEqual(controlToken, value.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    }

    void handle(HttpExchange exchange, RawPath path) throws IOException {
        if (!isAllowed(exchange.getRemoteAddress())) {
            throw new ApiException(403, "forbidden", "The sandbox control endpoint only answers loopback clients");
        }
        // Before routing, so that without the token not even the list of endpoints can be explored.
        if (!isAuthorized(exchange.getRequestHeaders())) {
            throw new ApiException(401, "unauthorized", "The sandbox control endpoint needs "
                    + "Authorization: Bearer <control token>", Map.of("WWW-Authenticate", "Bearer realm=\"" + REALM + "\""));
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
