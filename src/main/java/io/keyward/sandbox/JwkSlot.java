package io.keyward.sandbox;

/** The two JWK assignments a credential has; {@code purpose} is the wording the API uses for each. */
enum JwkSlot {
    VALIDATION("validation", "validation and signing"),
    ENCRYPTION("encryption", "decryption and encryption");

    private final String pathSegment;
    private final String purpose;

    JwkSlot(String pathSegment, String purpose) {
        this.pathSegment = pathSegment;
        this.purpose = purpose;
    }

    String pathSegment() {
        return pathSegment;
    }

    String purpose() {
        return purpose;
    }
}
