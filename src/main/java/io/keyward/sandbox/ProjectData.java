package io.keyward.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One project's mutable state. Not thread-safe on its own: {@link SandboxStore} guards every access
 * with its lock. Maps are keyed by id and keep insertion order so lists come back in a stable order.
 */
final class ProjectData {
    final ProjectInfo info;
    final List<EnvironmentInfo> environments;
    final Map<String, KeyRecord> keys = new LinkedHashMap<>();
    final Map<String, JwkRecord> jwks = new LinkedHashMap<>();
    final Map<String, CredentialRecord> credentials = new LinkedHashMap<>();

    ProjectData(ProjectInfo info, List<EnvironmentInfo> environments) {
        this.info = info;
        this.environments = List.copyOf(environments);
    }

    Optional<KeyRecord> keyNamed(String name) {
        return keys.values().stream().filter(k -> k.name().equals(name)).findFirst();
    }

    Optional<JwkRecord> jwkNamed(String name) {
        return jwks.values().stream().filter(j -> j.name().equals(name)).findFirst();
    }

    Optional<CredentialRecord> credentialNamed(String username) {
        return credentials.values().stream().filter(c -> c.username().equals(username)).findFirst();
    }

    void add(KeyRecord key) {
        keys.put(key.id(), key);
    }

    void add(JwkRecord jwk) {
        jwks.put(jwk.id(), jwk);
    }

    void add(CredentialRecord credential) {
        credentials.put(credential.id(), credential);
    }

    /** Deletes a JWK and empties every credential slot that held it, so no slot dangles. */
    void removeJwk(String jwkId) {
        jwks.remove(jwkId);
        for (CredentialRecord credential : new ArrayList<>(credentials.values())) {
            if (credential.holds(jwkId)) {
                credentials.put(credential.id(), credential.without(jwkId));
            }
        }
    }

    List<String> environmentNames() {
        return environments.stream().map(EnvironmentInfo::name).toList();
    }
}
