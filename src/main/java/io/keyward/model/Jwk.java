package io.keyward.model;

import java.util.Objects;

/**
 * A JSON Web Key as the management API describes it. {@code material} is null in list responses
 * (the server leaves key material out there) and present after a single get.
 */
public record Jwk(String id, String name, String description, String projectId, JwkSourceType sourceType,
                  String sourceId, String sourceUrl, String type, String kid, JwkMaterial material) {
    public Jwk {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        sourceType = sourceType == null ? JwkSourceType.UNKNOWN : sourceType;
    }

    /** True when this JWK still points at the key with that id. */
    public boolean isDerivedFromKey(String keyId) {
        return keyId != null && sourceType.isKeyDerived() && keyId.equals(sourceId);
    }

    /** True when an update would detach it from a source (the server clears sourceId/sourceUrl). */
    public boolean isAttachedToSource() {
        return (sourceId != null && !sourceId.isBlank()) || (sourceUrl != null && !sourceUrl.isBlank());
    }
}
