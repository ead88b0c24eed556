package io.keyward.sandbox;

import java.time.Instant;

/**
 * One Ampersand JWT key. Immutable: a change replaces the record, so a list copied under the store's
 * read lock stays a consistent snapshot after the lock is released.
 */
record JwtKeyRecord(String id, String projectId, String label, String algorithm, String publicKeyPem,
                    boolean active, Instant createTime, Instant updateTime) {
    /** What the JWTKey schema's enum allows; RS256 is accepted on input and stored as this. */
    static final String ALGORITHM = "RSA";

    /** @param change what the update mask named; null members keep their value */
    JwtKeyRecord patched(JwtKeyPatch change, Instant now) {
        // A new updateTime even within one clock tick, so a client can tell that the change happened.
        Instant updated = now.isAfter(updateTime) ? now : updateTime.plusNanos(1_000);
        return new JwtKeyRecord(id, projectId, change.label() == null ? label : change.label(), algorithm,
                publicKeyPem, change.active() == null ? active : change.active(), createTime, updated);
    }
}
