package io.keyward.ui.connect;

import io.keyward.gateway.Authentication;
import io.keyward.model.Secret;

import java.net.URI;
import java.util.Objects;

/**
 * A named way to reach a management API. Secrets stay in memory only (never written to disk), and
 * {@code toString()} shows no secret because {@link Secret} masks itself.
 */
public record ConnectionProfile(String name, URI managerUrl, AuthMode mode, String username, Secret secret,
                                boolean builtIn) {

    public enum AuthMode {
        TOKEN("Personal API token"),
        PASSWORD("Username and password");

        private final String label;

        AuthMode(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public ConnectionProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(managerUrl, "managerUrl");
        Objects.requireNonNull(mode, "mode");
        secret = secret == null ? Secret.of("") : secret;
    }

    public Authentication authentication() {
        return mode == AuthMode.TOKEN ? new Authentication.PersonalToken(secret)
                : new Authentication.UsernamePassword(username == null ? "" : username, secret);
    }
}
