package io.keyward.model;

/** A change to a JWT key. A null field is left as it is; at least one must be set. */
public record JwtKeyUpdate(Boolean active, String label) {
    public JwtKeyUpdate {
        if (active == null && label == null) {
            throw new IllegalArgumentException("a JWT key update changes at least one field");
        }
    }

    public static JwtKeyUpdate activate(boolean active) {
        return new JwtKeyUpdate(active, null);
    }

    public static JwtKeyUpdate relabel(String label) {
        return new JwtKeyUpdate(null, label);
    }
}
