package io.keyward.store;

import io.keyward.gateway.BackendKind;
import io.keyward.gateway.SignInMethod;
import io.keyward.session.ProfileOptions;

import java.net.URI;
import java.util.Objects;

/**
 * A saved connection profile: everything but the secret. {@code rememberSecret} only records the user's
 * choice; the secret itself is never part of this record and so can never reach profiles.json.
 */
public record SavedProfile(String name, BackendKind backend, URI url, SignInMethod method, String username,
                           boolean rememberSecret, ProfileOptions options) {

    public SavedProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(method, "method");
        if (!backend.signInMethods().contains(method)) {
            throw new IllegalArgumentException(backend + " does not sign in with " + method);
        }
        options = options == null ? ProfileOptions.DEFAULTS : options;
    }
}
