package io.keyward.session;

import io.keyward.gateway.Authentication;
import io.keyward.gateway.BackendKind;
import io.keyward.gateway.ConnectionSettings;
import io.keyward.gateway.SignInMethod;
import io.keyward.model.Secret;

import java.net.URI;
import java.util.Objects;

/**
 * A named way to reach a backend: which gateway, its address, and how to sign in. Secrets are never
 * written to a file: they stay in memory, or in the OS keychain when {@code rememberSecret}; and
 * {@code toString()} shows no secret because {@link Secret} masks itself.
 */
public record ConnectionProfile(String name, BackendKind backend, URI url, SignInMethod method, String username,
                                Secret secret, boolean builtIn, ProfileOptions options, boolean rememberSecret) {

    public ConnectionProfile(String name, BackendKind backend, URI url, SignInMethod method, String username,
                             Secret secret, boolean builtIn) {
        this(name, backend, url, method, username, secret, builtIn, ProfileOptions.DEFAULTS);
    }

    public ConnectionProfile(String name, BackendKind backend, URI url, SignInMethod method, String username,
                             Secret secret, boolean builtIn, ProfileOptions options) {
        this(name, backend, url, method, username, secret, builtIn, options, false);
    }

    /** The same profile with its secret (e.g. read from the keychain). */
    public ConnectionProfile withSecret(Secret s) {
        return new ConnectionProfile(name, backend, url, method, username, s, builtIn, options, rememberSecret);
    }

    public boolean hasSecret() {
        return !secret.reveal().isEmpty();
    }

    public ConnectionProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(method, "method");
        if (!backend.signInMethods().contains(method)) {
            throw new IllegalArgumentException(backend + " does not sign in with " + method);
        }
        secret = secret == null ? Secret.of("") : secret;
        options = options == null ? ProfileOptions.DEFAULTS : options;
    }

    /** How a client reaches this profile's backend: its address, sign-in, timeouts and limits. */
    public ConnectionSettings settings() {
        ConnectionSettings s = ConnectionSettings.of(url, authentication());
        // The whole call of a read may take up to twice its read timeout (headers, then a large body).
        return s.withTimeouts(s.connectTimeout(), options.readTimeout(), options.readTimeout().multipliedBy(2))
                .withMutationTimeout(options.changeTimeout())
                .withMaxResponseBytes(options.maxResponseMiB() * 1024L * 1024L)
                .withNetwork(options.network().toNetworkSettings());
    }

    public Authentication authentication() {
        return switch (method) {
            case PERSONAL_TOKEN -> new Authentication.PersonalToken(secret);
            case USERNAME_PASSWORD -> new Authentication.UsernamePassword(username == null ? "" : username, secret);
            case API_KEY -> new Authentication.ApiKey(secret);
        };
    }

    /** "Lab (Apinizer, https://lab.example)": names the server, never the secret. */
    public String describe() {
        return describe(name, backend.displayName(), String.valueOf(url));
    }

    /** The same text for a connection known only by what the journal kept of it. */
    public static String describe(String name, String gateway, String url) {
        // A name that already says which gateway it is ("Demo sandbox (Ampersand)") need not say it twice.
        boolean named = gateway == null || gateway.isBlank()
                || name.toLowerCase(java.util.Locale.ROOT).contains(gateway.toLowerCase(java.util.Locale.ROOT));
        return name + " (" + (named ? "" : gateway + ", ") + url + ")";
    }
}
