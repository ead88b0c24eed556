package io.keyward.sandbox;

/**
 * The /v1 routes: projects (read only) and their JWT keys. Published without trailing slashes, and
 * the Router holds the sandbox to that, so a client that adds one sees a 404 here first.
 */
final class AmpersandEndpoints {
    static final String PROJECTS = "/v1/projects";
    static final String PROJECT = PROJECTS + "/{project}";
    static final String KEYS = PROJECT + "/jwt-keys";
    static final String KEY = KEYS + "/{keyId}";

    private final AmpersandStore store;

    AmpersandEndpoints(AmpersandStore store) {
        this.store = store;
    }

    void register(Router<AmpersandReply.Endpoint> router) {
        router.add("GET", PROJECTS, request -> AmpersandReply.ok(AmpersandViews.projects(store.projects())));
        router.add("GET", PROJECT, request -> AmpersandReply.ok(AmpersandViews.project(
                store.project(request.variable("project")),
                AmpersandInput.flag(request, "includeEntitlements", false))));

        router.add("GET", KEYS, request -> {
            boolean activeOnly = AmpersandInput.flag(request, "active", false);
            return AmpersandReply.ok(AmpersandViews.keys(store.keys(request.variable("project"), activeOnly)));
        });
        router.add("POST", KEYS, request -> {
            NewJwtKey key = JwtKeyRequests.parseCreate(request.body());
            return AmpersandReply.created(AmpersandViews.kid(store.create(request.variable("project"), key)));
        });
        router.add("GET", KEY, request -> AmpersandReply.ok(AmpersandViews.key(
                store.key(request.variable("project"), request.variable("keyId")))));
        router.add("PATCH", KEY, request -> {
            JwtKeyPatch change = JwtKeyRequests.parsePatch(request.body());
            return AmpersandReply.ok(AmpersandViews.key(
                    store.update(request.variable("project"), request.variable("keyId"), change)));
        });
        router.add("DELETE", KEY, request -> {
            store.delete(request.variable("project"), request.variable("keyId"));
            return AmpersandReply.noContent();
        });
    }
}
