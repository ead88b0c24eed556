package io.keyward.sandbox;

import java.security.KeyPair;
import java.util.List;
import java.util.function.Supplier;

/**
 * A cryptographic key. One pair serves all of the key's environments, so every JWK made from the key
 * matches it in every environment. The pair may still be generating; see {@link KeyPairs}.
 */
record KeyRecord(String id, String projectId, String name, String description, String keyType,
                 List<String> environmentNames, Supplier<KeyPair> pair) {
    KeyRecord {
        environmentNames = List.copyOf(environmentNames);
    }
}
