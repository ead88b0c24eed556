package io.keyward.sandbox;

import java.util.function.Supplier;

/**
 * A JWK. {@code type} is known up front so lists never wait; {@code material} and {@code kid} (a
 * thumbprint of the material) may wait for a background RSA pair the first time they are read.
 */
record JwkRecord(String id, String projectId, String name, String description, JwkSource sourceType,
                 String sourceId, String sourceUrl, String type, Supplier<String> kid,
                 Supplier<JwkParams> material) {

    boolean isDerivedFrom(String keyId) {
        return sourceType.isKeyDerived() && keyId.equals(sourceId);
    }

    JwkRecord withoutSourceId() {
        return new JwkRecord(id, projectId, name, description, sourceType, null, sourceUrl, type, kid, material);
    }

    /** The published rule: any update detaches the JWK from its source, though sourceType stays. */
    JwkRecord updated(String newName, String newDescription) {
        return new JwkRecord(id, projectId, newName, newDescription, sourceType, null, null, type, kid, material);
    }
}
