package io.keyward.impact;

import io.keyward.model.CredentialSlot;

/** A credential that holds a JWK in one of its slots. */
public record SlotHolding(String username, CredentialSlot slot, String jwkName) {
}
