package io.keyward.model;

import java.util.Objects;

/**
 * One environment a key is configured for. The server sends the private key here too; the console
 * never needs it, so the client keeps only whether it is present and never holds the material.
 */
public record KeyEnvironment(String environmentName, String publicKey, boolean hasPrivateKey) {
    public KeyEnvironment {
        Objects.requireNonNull(environmentName, "environmentName");
    }
}
