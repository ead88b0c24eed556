package io.keyward.ui.jwtkeys;

import io.keyward.crypto.KeyFormatException;
import io.keyward.crypto.PublicKeyPem;
import io.keyward.crypto.RsaPublicKeyInfo;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the console can tell from a JWT key's public PEM (size and RFC 7638 thumbprint), computed once
 * per distinct PEM: the table asks for it on every cell render. A PEM that does not read as an RSA
 * public key of usable size is reported as such, never as a thumbprint.
 */
final class KeyFacts {

    /** Either a readable key or the sentence saying why it is not. */
    record Facts(RsaPublicKeyInfo info, String problem) {
        String thumbprint() {
            return info == null ? "\u2014" : info.thumbprint();
        }

        String size() {
            return info == null ? "unreadable" : info.bits() + " bits";
        }
    }

    private static final int CAPACITY = 20_000;

    private final Map<String, Facts> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Facts> eldest) {
            return size() > CAPACITY;
        }
    };

    Facts of(String pem) {
        if (pem == null || pem.isBlank()) {
            return new Facts(null, "The server sent no public key.");
        }
        return cache.computeIfAbsent(pem, p -> {
            try {
                return new Facts(PublicKeyPem.parse(p), null);
            } catch (KeyFormatException e) {
                return new Facts(null, e.getMessage());
            }
        });
    }
}
