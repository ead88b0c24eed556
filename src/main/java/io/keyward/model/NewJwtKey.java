package io.keyward.model;

import java.util.Objects;

/** What creating a JWT key sends: a label and an RSA public key in PEM (never a private key). */
public record NewJwtKey(String label, String publicKeyPem) {
    public NewJwtKey {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(publicKeyPem, "publicKeyPem");
    }
}
