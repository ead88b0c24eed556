package io.keyward.store;

import io.keyward.model.Secret;

import java.util.Optional;

/**
 * Where "Remember" keeps a profile's token, password or API key: the OS keychain, never a file.
 * Blocking calls: never on the FX thread.
 */
public interface SecretStore {

    /**
     * {@code null} when secrets can be stored; otherwise a short sentence for the user why not, e.g.
     * "No keychain is reachable: the Secret Service (e.g. GNOME Keyring) is not running."
     */
    String unavailableReason();

    /** Stores (or replaces) the secret for the profile name. */
    void put(String profileName, Secret secret) throws SecretStoreException;

    Optional<Secret> get(String profileName) throws SecretStoreException;

    /** Removing a secret that is not there is not an error. */
    void delete(String profileName) throws SecretStoreException;

    /**
     * The OS keychain through java-keyring, probed once with a time limit (a missing D-Bus must not hang
     * start-up); an {@link UnavailableSecretStore} with the reason when it cannot be used.
     */
    static SecretStore openSystem() {
        return KeyringSecretStore.open(java.time.Duration.ofSeconds(5));
    }
}
