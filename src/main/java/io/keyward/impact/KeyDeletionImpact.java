package io.keyward.impact;

import io.keyward.model.CryptoKey;
import io.keyward.model.Jwk;
import io.keyward.model.JwkDeleteAction;

import java.util.List;

/**
 * What deleting a key touches. {@code credentialsLosingJwk} are the slots cleared under
 * {@link JwkDeleteAction#DELETE}; under NULLIFY no credential loses anything.
 */
public record KeyDeletionImpact(CryptoKey key, Knowledge<List<Jwk>> derivedJwks,
                                Knowledge<List<SlotHolding>> credentialsLosingJwk, List<String> environments) {

    public Knowledge<List<SlotHolding>> credentialsLosingJwk(JwkDeleteAction action) {
        return action == JwkDeleteAction.NULLIFY ? Knowledge.known(List.of()) : credentialsLosingJwk;
    }
}
