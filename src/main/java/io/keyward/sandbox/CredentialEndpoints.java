package io.keyward.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** Credentials: list (with the sandbox's slot fields) and setting or clearing each JWK slot. */
final class CredentialEndpoints {
    private static final String CREDENTIALS = "/apiops/projects/{project}/credentials/";

    private final SandboxStore store;
    private final FaultSettings faults;

    CredentialEndpoints(SandboxStore store, FaultSettings faults) {
        this.store = store;
        this.faults = faults;
    }

    void register(Router<ApiRoute> router) {
        router.add("GET", CREDENTIALS, ApiRoute.read(request ->
                Views.credentials(store.credentials(request.variable("project")))));
        for (JwkSlot slot : JwkSlot.values()) {
            String slotPath = CREDENTIALS + "{username}/jwk/" + slot.pathSegment() + "/";
            router.add("PUT", slotPath + "{jwk}/", ApiRoute.write(request -> deployed(store.assignJwk(
                    request.variable("project"), request.variable("username"), slot, request.variable("jwk")))));
            router.add("DELETE", slotPath, ApiRoute.write(request -> deployed(store.removeJwk(
                    request.variable("project"), request.variable("username"), slot))));
        }
    }

    /** A credential change is redeployed, not undeployed, whichever way the slot went. */
    private ObjectNode deployed(List<String> environments) {
        return Deployments.mutationResult(Deployments.Kind.DEPLOY, environments, faults.getFailingEnvironment());
    }
}
