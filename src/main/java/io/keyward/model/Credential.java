package io.keyward.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An API credential. {@code jwks} is null when the server does not report slot contents: the
 * console must then say it cannot know which JWKs the credential holds, never that it holds none.
 */
public record Credential(String id, String username, String fullName, String email, String description,
                         boolean enabled, Instant expireDate, List<String> roles, List<String> ipList,
                         CredentialJwks jwks) {
    public Credential {
        Objects.requireNonNull(username, "username");
        roles = roles == null ? List.of() : List.copyOf(roles);
        ipList = ipList == null ? List.of() : List.copyOf(ipList);
    }

    public boolean slotsReported() {
        return jwks != null;
    }
}
