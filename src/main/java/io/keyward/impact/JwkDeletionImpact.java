package io.keyward.impact;

import io.keyward.model.Jwk;

import java.util.List;

/** What deleting a JWK touches: the slots that hold it, where it came from, where it is undeployed. */
public record JwkDeletionImpact(Jwk jwk, String source, Knowledge<List<SlotHolding>> holders,
                                List<String> environments) {
}
