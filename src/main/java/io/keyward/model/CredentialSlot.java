package io.keyward.model;

/** The two independent JWK assignments a credential can hold. */
public enum CredentialSlot {
    VALIDATION("validation", "JWT signature validation and token signing"),
    ENCRYPTION("encryption", "JWT decryption and encryption");

    private final String label;
    private final String purpose;

    CredentialSlot(String label, String purpose) {
        this.label = label;
        this.purpose = purpose;
    }

    /** The slot's name in sentences: "its validation slot". */
    public String label() {
        return label;
    }

    /** What stops working for the credential when the slot is emptied. */
    public String purpose() {
        return purpose;
    }
}
