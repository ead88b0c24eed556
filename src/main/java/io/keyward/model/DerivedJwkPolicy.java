package io.keyward.model;

/** What deleting a key does to the JWKs derived from it. */
public enum DerivedJwkPolicy {
    /** The JWKs stay but lose their link to the key (the safe default). */
    KEEP,
    /** The JWKs are deleted too, and the credential slots holding them are emptied. */
    DELETE
}
