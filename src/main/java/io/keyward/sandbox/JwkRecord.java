package io.keyward.sandbox;

/** A JWK with its material; list answers leave the material out. */
record JwkRecord(String id, String projectId, String name, String description, JwkSource sourceType,
                 String sourceId, String sourceUrl, String kid, JwkParams material) {

    String type() {
        return material.type();
    }

    boolean isDerivedFrom(String keyId) {
        return sourceType.isKeyDerived() && keyId.equals(sourceId);
    }

    JwkRecord withoutSourceId() {
        return new JwkRecord(id, projectId, name, description, sourceType, null, sourceUrl, kid, material);
    }

    /** The published rule: any update detaches the JWK from its source, though sourceType stays. */
    JwkRecord updated(String newName, String newDescription) {
        return new JwkRecord(id, projectId, newName, newDescription, sourceType, null, null, kid, material);
    }
}
