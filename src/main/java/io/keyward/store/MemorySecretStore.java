package io.keyward.store;

import io.keyward.model.Secret;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Keeps secrets in this process only: for tests and the demo. Thread-safe; always available. */
public final class MemorySecretStore implements SecretStore {
    private final ConcurrentMap<String, Secret> secrets = new ConcurrentHashMap<>();

    public MemorySecretStore() {
    }

    @Override
    public String unavailableReason() {
        return null;
    }

    @Override
    public void put(String profileName, Secret secret) {
        secrets.put(ProfileNames.require(profileName), Objects.requireNonNull(secret, "secret"));
    }

    @Override
    public Optional<Secret> get(String profileName) {
        return Optional.ofNullable(secrets.get(ProfileNames.require(profileName)));
    }

    @Override
    public void delete(String profileName) {
        secrets.remove(ProfileNames.require(profileName));
    }

    @Override
    public String toString() {
        return "MemorySecretStore[" + secrets.size() + " secrets]";
    }
}
