package io.keyward.model;

/** What deleting a key does to the JWKs derived from it. */
public enum JwkDeleteAction {
    /** The JWKs stay but lose their reference to the key (server default). */
    NULLIFY,
    /** The JWKs are deleted too, and credential slots holding them are cleared. */
    DELETE
}
