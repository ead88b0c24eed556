package io.keyward.impact;

import io.keyward.model.CryptoKey;
import io.keyward.model.Jwk;
import io.keyward.model.DerivedJwkPolicy;

import java.util.List;

/**
 * What deleting a key touches. {@code credentialsLosingJwk} are the slots cleared under
 * {@link DerivedJwkPolicy#DELETE}; when they are kept no credential loses anything.
 */
public record KeyDeletionImpact(CryptoKey key, Knowledge<List<Jwk>> derivedJwks,
                                Knowledge<List<SlotHolding>> credentialsLosingJwk, List<String> environments) {

    public Knowledge<List<SlotHolding>> credentialsLosingJwk(DerivedJwkPolicy action) {
        return action == DerivedJwkPolicy.KEEP ? Knowledge.known(List.of()) : credentialsLosingJwk;
    }
}
