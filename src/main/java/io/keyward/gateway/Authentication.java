package io.keyward.gateway;

import io.keyward.model.Secret;

import java.util.Objects;

/** How a connection authenticates. Every form keeps its secret in a {@link Secret}. */
public sealed interface Authentication {

    SignInMethod method();

    /** A personal API access token, sent as {@code Authorization: Bearer ...}. */
    record PersonalToken(Secret token) implements Authentication {
        public PersonalToken {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public SignInMethod method() {
            return SignInMethod.PERSONAL_TOKEN;
        }
    }

    /** Username and password, exchanged by the adapter for a token. */
    record UsernamePassword(String username, Secret password) implements Authentication {
        public UsernamePassword {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public SignInMethod method() {
            return SignInMethod.USERNAME_PASSWORD;
        }
    }

    /** A static API key (Ampersand sends it as {@code X-Api-Key}). */
    record ApiKey(Secret key) implements Authentication {
        public ApiKey {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public SignInMethod method() {
            return SignInMethod.API_KEY;
        }
    }
}
