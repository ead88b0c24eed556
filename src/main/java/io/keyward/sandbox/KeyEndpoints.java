package io.keyward.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** Keys: list, get, and delete with the jwkDeleteAction choice for the JWKs made from the key. */
final class KeyEndpoints {
    private static final String KEYS = "/apiops/projects/{project}/keys/";
    private static final String KEY = KEYS + "{key}/";

    private final SandboxStore store;
    private final FaultSettings faults;

    KeyEndpoints(SandboxStore store, FaultSettings faults) {
        this.store = store;
        this.faults = faults;
    }

    void register(Router<ApiRoute> router) {
        router.add("GET", KEYS, ApiRoute.read(request -> Views.keys(store.keys(request.variable("project")))));
        router.add("GET", KEY, ApiRoute.read(request ->
                Views.keys(List.of(store.key(request.variable("project"), request.variable("key"))))));
        router.add("DELETE", KEY, ApiRoute.write(this::deleteKey));
    }

    private ObjectNode deleteKey(ApiRequest request) {
        SandboxStore.JwkDeleteAction action = request.queryParameter("jwkDeleteAction")
                .map(KeyEndpoints::parseAction)
                .orElse(SandboxStore.JwkDeleteAction.NULLIFY);
        List<String> environments = store.deleteKey(request.variable("project"), request.variable("key"), action);
        return Deployments.mutationResult(Deployments.Kind.UNDEPLOY, environments, faults.getFailingEnvironment());
    }

    private static SandboxStore.JwkDeleteAction parseAction(String value) {
        return switch (value) {
            case "NULLIFY" -> SandboxStore.JwkDeleteAction.NULLIFY;
            case "DELETE" -> SandboxStore.JwkDeleteAction.DELETE;
            default -> throw ApiException.badRequest("jwkDeleteAction value must be NULLIFY or DELETE!");
        };
    }
}
