package io.keyward.sandbox;

/** The published JWK source types. */
enum JwkSource {
    URL, COPY_PASTE, CERTIFICATE, PUBLIC_KEY, PRIVATE_KEY, KEYSTORE, GENERATE;

    /** Only these point at a key through sourceId, so only these are touched when that key is deleted. */
    boolean isKeyDerived() {
        return this == PUBLIC_KEY || this == PRIVATE_KEY;
    }
}
