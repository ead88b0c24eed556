package io.keyward.model;

/** The two independent JWK assignments a credential can hold. */
public enum CredentialSlot {
    VALIDATION("validation", "JWT signature validation and token signing"),
    ENCRYPTION("encryption", "JWT decryption and encryption");

    private final String pathSegment;
    private final String purpose;

    CredentialSlot(String pathSegment, String purpose) {
        this.pathSegment = pathSegment;
        this.purpose = purpose;
    }

    /** The segment used in {@code .../credentials/{username}/jwk/{segment}/}. */
    public String pathSegment() {
        return pathSegment;
    }

    /** What stops working for the credential when the slot is emptied. */
    public String purpose() {
        return purpose;
    }
}
