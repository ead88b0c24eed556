package io.keyward.model;

/**
 * The JWK names a server reports in a credential's two slots (null = slot empty). The published
 * API does not report these at all; {@link Credential#jwks()} is then null, meaning "unknown".
 */
public record CredentialJwks(String validationJwkName, String encryptionJwkName) {
    public String nameIn(CredentialSlot slot) {
        return slot == CredentialSlot.VALIDATION ? validationJwkName : encryptionJwkName;
    }

    public boolean holds(String jwkName, CredentialSlot slot) {
        return jwkName != null && jwkName.equals(nameIn(slot));
    }
}
