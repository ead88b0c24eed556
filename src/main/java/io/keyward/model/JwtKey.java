package io.keyward.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A public key a gateway uses to verify JWTs (Ampersand's JWT keys). {@code active} is null when the
 * server did not say: the console then cannot tell whether tokens signed with it verify.
 * {@code publicKeyPem} is public material only; the private half never reaches a server.
 */
public record JwtKey(String id, String projectId, String label, String algorithm, String publicKeyPem,
                     Boolean active, Instant createTime, Instant updateTime) {
    public JwtKey {
        Objects.requireNonNull(id, "id");
        label = label == null ? "" : label;
    }

    public boolean isActive() {
        return Boolean.TRUE.equals(active);
    }
}
