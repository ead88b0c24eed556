package io.keyward.gateway.apinizer;

import io.keyward.model.Secret;

import java.time.Duration;
import java.util.Objects;

/** Answer of {@code POST /apiops/auth/token}. {@code expiresIn} is null when the server gave none. */
public record TokenGrant(Secret accessToken, String tokenType, Duration expiresIn) {
    public TokenGrant {
        Objects.requireNonNull(accessToken, "accessToken");
        tokenType = tokenType == null ? "Bearer" : tokenType;
    }
}
