package io.keyward.impact;

import io.keyward.model.CredentialSlot;

import java.util.List;

/**
 * What removing a JWK from a credential slot touches. {@code jwkName} is known-empty ("") when the
 * server reports the slot as empty, which the server will refuse.
 */
public record SlotRemovalImpact(String username, CredentialSlot slot, Knowledge<String> jwkName,
                                List<String> environments) {

    public String whatStopsWorking() {
        return slot == CredentialSlot.VALIDATION
                ? "JWT signature validation and token signing for this credential"
                : "JWT decryption and encryption for this credential";
    }

    public boolean knownEmpty() {
        return jwkName.isKnown() && jwkName.orElse("").isEmpty();
    }
}
