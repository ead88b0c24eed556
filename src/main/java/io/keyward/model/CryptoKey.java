package io.keyward.model;

import java.util.List;
import java.util.Objects;

/**
 * A cryptographic key. {@code id} may be null: the published list shape does not promise one, and
 * without it the console cannot tell which JWKs were derived from this key.
 */
public record CryptoKey(String id, String name, String description, String projectId, String keyType,
                        List<KeyEnvironment> environments) {
    public CryptoKey {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        environments = environments == null ? List.of() : List.copyOf(environments);
    }

    public List<String> environmentNames() {
        return environments.stream().map(KeyEnvironment::environmentName).toList();
    }
}
