package io.keyward.model;

/** Where a JWK came from. {@link #UNKNOWN} keeps a newer server's value from breaking the console. */
public enum JwkSourceType {
    URL, COPY_PASTE, CERTIFICATE, PUBLIC_KEY, PRIVATE_KEY, KEYSTORE, GENERATE, UNKNOWN;

    public static JwkSourceType parse(String wire) {
        if (wire == null || wire.isBlank()) {
            return UNKNOWN;
        }
        try {
            return valueOf(wire.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    /** True for sources whose {@code sourceId} names a key on the same server. */
    public boolean isKeyDerived() {
        return this == PUBLIC_KEY || this == PRIVATE_KEY;
    }
}
