package io.keyward.gateway;

import io.keyward.model.Secret;

import java.util.Objects;

/** How a connection authenticates. Both forms keep their secret in a {@link Secret}. */
public sealed interface Authentication {

    /** A personal API access token, sent as {@code Authorization: Bearer ...}. */
    record PersonalToken(Secret token) implements Authentication {
        public PersonalToken {
            Objects.requireNonNull(token, "token");
        }
    }

    /** Username and password, exchanged for a token through {@code POST /apiops/auth/token}. */
    record UsernamePassword(String username, Secret password) implements Authentication {
        public UsernamePassword {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }
    }
}
