package io.keyward.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** JWKs: list (no material), get (with material), update (rename/redescribe, detaches) and delete. */
final class JwkEndpoints {
    private static final String JWKS = "/apiops/projects/{project}/jwks/";
    private static final String JWK = JWKS + "{jwk}/";

    private final SandboxStore store;
    private final FaultSettings faults;

    JwkEndpoints(SandboxStore store, FaultSettings faults) {
        this.store = store;
        this.faults = faults;
    }

    void register(Router<ApiRoute> router) {
        router.add("GET", JWKS, ApiRoute.read(request -> Views.jwkList(store.jwks(request.variable("project")))));
        router.add("GET", JWK, ApiRoute.read(request ->
                Views.jwkWithMaterial(store.jwk(request.variable("project"), request.variable("jwk")))));
        router.add("PUT", JWK, ApiRoute.write(this::update));
        router.add("DELETE", JWK, ApiRoute.write(this::delete));
    }

    private ObjectNode update(ApiRequest request) {
        JsonNode body = Json.parseBody(request.body());
        if (!body.isObject()) {
            throw ApiException.badRequest("Request body must be a JSON object with optional name and description");
        }
        String name = optionalText(body, "name");
        if (name != null && name.isBlank()) {
            throw ApiException.badRequest("name value can not be empty!");
        }
        String description = optionalText(body, "description");
        List<String> environments = store.updateJwk(request.variable("project"), request.variable("jwk"),
                name, description);
        return Deployments.mutationResult(Deployments.Kind.DEPLOY, environments, faults.getFailingEnvironment());
    }

    private ObjectNode delete(ApiRequest request) {
        List<String> environments = store.deleteJwk(request.variable("project"), request.variable("jwk"));
        return Deployments.mutationResult(Deployments.Kind.UNDEPLOY, environments, faults.getFailingEnvironment());
    }

    /** Absent and null both mean "keep the current value". */
    private static String optionalText(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest(field + " must be a string");
        }
        return value.textValue();
    }
}
