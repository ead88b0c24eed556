package io.keyward.crypto;

import java.security.interfaces.RSAPublicKey;
import java.util.Objects;

/**
 * An RSA public key as the console shows and sends it: its size, the normalized SPKI PEM a server
 * accepts, and its RFC 7638 thumbprint. Built by {@link #of}; the constructor checks that the three
 * derived values really belong to the key, so an instance can never describe a different key.
 */
public record RsaPublicKeyInfo(RSAPublicKey key, int bits, String spkiPem, String thumbprint) {
    public RsaPublicKeyInfo {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(spkiPem, "spkiPem");
        Objects.requireNonNull(thumbprint, "thumbprint");
        if (bits != key.getModulus().bitLength()
                || !spkiPem.equals(Pem.encodeToString("PUBLIC KEY", key.getEncoded()))
                || !thumbprint.equals(JwkThumbprint.of(key))) {
            throw new IllegalArgumentException("The size, PEM and thumbprint must be those of the key; use RsaPublicKeyInfo.of.");
        }
    }

    public static RsaPublicKeyInfo of(RSAPublicKey key) {
        return new RsaPublicKeyInfo(key,
                key.getModulus().bitLength(),
                Pem.encodeToString("PUBLIC KEY", key.getEncoded()),
                JwkThumbprint.of(key));
    }

    /** Short on purpose: the key's own toString() and the PEM are many lines of noise in a log. */
    @Override
    public String toString() {
        return "RsaPublicKeyInfo[bits=" + bits + ", thumbprint=" + thumbprint + "]";
    }
}
