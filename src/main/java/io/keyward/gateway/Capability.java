package io.keyward.gateway;

/**
 * What a backend offers. The main window builds its tabs, columns and actions from the connected
 * backend's set, so a backend without environments shows none and a new gateway is a new adapter
 * package, not edits across the UI.
 */
public enum Capability {
    /** Projects: the scope everything else lives in. Every backend has them. */
    PROJECTS,
    /** Deployment environments per project; mutations report one outcome per environment. */
    ENVIRONMENTS,
    /** Cryptographic keys that JWKs can be derived from; deleting one decides what happens to them. */
    KEYS,
    /** JSON Web Keys: list, rename or re-describe, delete. */
    JWKS,
    /** API credentials (consumers). */
    CREDENTIALS,
    /** Setting and removing a credential's validation and encryption JWK. */
    CREDENTIAL_JWK_SLOTS,
    /** Public keys that verify JWTs, with an active flag: list, create, rename, (de)activate, delete. */
    JWT_KEYS
}
