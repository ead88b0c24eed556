package io.keyward.sandbox;

/** Projects and their environments. */
final class CatalogEndpoints {
    private final SandboxStore store;

    CatalogEndpoints(SandboxStore store) {
        this.store = store;
    }

    void register(Router<ApiRoute> router) {
        router.add("GET", "/apiops/projects/", ApiRoute.read(request -> Views.projects(store.projects())));
        // The one published path without a trailing slash.
        router.add("GET", "/apiops/environments/{project}",
                ApiRoute.read(request -> Views.environments(store.environments(request.variable("project")))));
    }
}
