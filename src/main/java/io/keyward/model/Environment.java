package io.keyward.model;

import java.util.Objects;

/**
 * A deployment environment reachable from a project. The published API leaves {@code deployed}
 * and {@code redeployRequired} nullable, so they stay boxed: null means "the server did not say".
 */
public record Environment(String name, String description, String type, String status, String accessUrl,
                          Boolean deployed, Boolean redeployRequired) {
    public Environment {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
    }
}
