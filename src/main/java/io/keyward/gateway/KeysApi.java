package io.keyward.gateway;

import io.keyward.model.CryptoKey;
import io.keyward.model.DerivedJwkPolicy;
import io.keyward.model.MutationResult;
import io.keyward.model.Project;

import java.util.List;

/** {@link Capability#KEYS}: cryptographic keys, without their private material. */
public interface KeysApi {
    List<CryptoKey> listKeys(Project project);

    CryptoKey getKey(Project project, String keyName);

    /** Deletes a key; {@code policy} says what happens to the JWKs derived from it. */
    MutationResult deleteKey(Project project, String keyName, DerivedJwkPolicy policy);
}
