package io.keyward.store;

import io.keyward.model.Secret;

import java.util.Objects;
import java.util.Optional;

/**
 * No keychain can be used: every call fails with the reason, so "Remember" can say why it is off.
 * {@link #get} fails too instead of answering "nothing stored", which would be a guess.
 */
public final class UnavailableSecretStore implements SecretStore {
    private final String reason;

    public UnavailableSecretStore(String reason) {
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("an unavailable store needs a reason");
        }
        this.reason = reason;
    }

    @Override
    public String unavailableReason() {
        return reason;
    }

    @Override
    public void put(String profileName, Secret secret) throws SecretStoreException {
        ProfileNames.require(profileName);
        Objects.requireNonNull(secret, "secret");
        throw new SecretStoreException(reason, null);
    }

    @Override
    public Optional<Secret> get(String profileName) throws SecretStoreException {
        ProfileNames.require(profileName);
        throw new SecretStoreException(reason, null);
    }

    @Override
    public void delete(String profileName) throws SecretStoreException {
        ProfileNames.require(profileName);
        throw new SecretStoreException(reason, null);
    }

    @Override
    public String toString() {
        return "UnavailableSecretStore[" + reason + "]";
    }
}
