package io.keyward.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Ampersand project and its keys. Not thread-safe on its own: {@link AmpersandStore} guards every
 * access. Keys are keyed by id in insertion order, so lists come back oldest first.
 */
final class AmpersandProjectData {
    final AmpersandProject project;
    final Map<String, JwtKeyRecord> keys = new LinkedHashMap<>();

    AmpersandProjectData(AmpersandProject project) {
        this.project = project;
    }

    void add(JwtKeyRecord key) {
        keys.put(key.id(), key);
    }
}
