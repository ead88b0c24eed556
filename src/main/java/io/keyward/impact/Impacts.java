package io.keyward.impact;

import io.keyward.model.Credential;
import io.keyward.model.CredentialSlot;
import io.keyward.model.CryptoKey;
import io.keyward.model.Environment;
import io.keyward.model.Jwk;
import io.keyward.model.DerivedJwkPolicy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Pure functions: what a delete or a removal touches. No UI, no I/O. */
public final class Impacts {

    static final String SLOTS_NOT_REPORTED = "The server does not report which JWKs credentials hold, "
            + "so Keyward cannot tell which credentials would be affected.";
    static final String KEY_ID_MISSING = "The server did not send this key's id, "
            + "so Keyward cannot tell which JWKs were derived from it.";

    private Impacts() {
    }

    /** Which JWKs point at the key. Unknown when the key has no id to match on. */
    public static Knowledge<List<Jwk>> jwksDerivedFrom(CryptoKey key, Collection<Jwk> jwks) {
        if (key.id() == null || key.id().isBlank()) {
            return Knowledge.unknown(KEY_ID_MISSING);
        }
        return Knowledge.known(jwks.stream().filter(j -> j.isDerivedFromKey(key.id())).toList());
    }

    /**
     * Which credential slots hold any of the named JWKs. Unknown as soon as one credential does not
     * report its slots: a partial answer would imply the rest hold nothing.
     */
    public static Knowledge<List<SlotHolding>> holdersOf(Set<String> jwkNames, Collection<Credential> credentials) {
        if (credentials.stream().anyMatch(c -> !c.slotsReported())) {
            return Knowledge.unknown(SLOTS_NOT_REPORTED);
        }
        List<SlotHolding> out = new ArrayList<>();
        for (Credential c : credentials) {
            for (CredentialSlot slot : CredentialSlot.values()) {
                String held = c.jwks().nameIn(slot);
                if (held != null && jwkNames.contains(held)) {
                    out.add(new SlotHolding(c.username(), slot, held));
                }
            }
        }
        return Knowledge.known(List.copyOf(out));
    }

    public static KeyDeletionImpact keyDeletion(CryptoKey key, Collection<Jwk> jwks, Collection<Credential> credentials,
                                                Collection<Environment> environments) {
        Knowledge<List<Jwk>> derived = jwksDerivedFrom(key, jwks);
        Knowledge<List<SlotHolding>> holders = derived.isKnown()
                ? holdersOf(names(derived.orElse(List.of())), credentials)
                : Knowledge.unknown(KEY_ID_MISSING);
        return new KeyDeletionImpact(key, derived, holders, environmentNames(environments));
    }

    public static JwkDeletionImpact jwkDeletion(Jwk jwk, Collection<CryptoKey> keys, Collection<Credential> credentials,
                                                Collection<Environment> environments) {
        return new JwkDeletionImpact(jwk, sourceOf(jwk, keys), holdersOf(Set.of(jwk.name()), credentials),
                environmentNames(environments));
    }

    public static SlotRemovalImpact slotRemoval(Credential credential, CredentialSlot slot,
                                                Collection<Environment> environments) {
        Knowledge<String> held = credential.slotsReported()
                ? Knowledge.known(credential.jwks().nameIn(slot) == null ? "" : credential.jwks().nameIn(slot))
                : Knowledge.unknown("The server does not report which JWK this credential holds in its "
                + slot.label() + " slot.");
        return new SlotRemovalImpact(credential.username(), slot, held, environmentNames(environments));
    }

    /** What happens to one derived JWK under each action. */
    public static String effectOn(Jwk jwk, CryptoKey key, DerivedJwkPolicy action) {
        return switch (action) {
            case KEEP -> "Kept; its link to \u201C" + key.name() + "\u201D is cleared";
            case DELETE -> "Deleted; undeployed everywhere";
        };
    }

    /** A sentence naming where the JWK came from. */
    public static String sourceOf(Jwk jwk, Collection<CryptoKey> keys) {
        String id = jwk.sourceId();
        switch (jwk.sourceType()) {
            case PUBLIC_KEY, PRIVATE_KEY -> {
                String part = jwk.sourceType() == io.keyward.model.JwkSourceType.PUBLIC_KEY ? "public" : "private";
                if (id == null || id.isBlank()) {
                    return "Derived from the " + part + " part of a key; its link to that key has been cleared.";
                }
                return keys.stream().filter(k -> id.equals(k.id())).findFirst()
                        .map(k -> "Derived from the " + part + " part of key \u201C" + k.name() + "\u201D"
                                + (k.keyType() == null ? "." : " (" + k.keyType() + ")."))
                        .orElse("Derived from the " + part + " part of a key (id " + id + ") that is not in this project.");
            }
            case URL -> {
                return "Fetched from " + (jwk.sourceUrl() == null ? "a URL that is no longer recorded." : jwk.sourceUrl() + ".");
            }
            case CERTIFICATE -> {
                return "Extracted from a certificate" + (id == null ? "." : " (id " + id + ").");
            }
            case KEYSTORE -> {
                return "Extracted from a keystore" + (id == null ? "." : " (id " + id + ").");
            }
            case COPY_PASTE -> {
                return "Pasted in as JSON.";
            }
            case GENERATE -> {
                return "Generated by the gateway.";
            }
            default -> {
                return "The server does not say where it came from.";
            }
        }
    }

    static Set<String> names(Collection<Jwk> jwks) {
        return jwks.stream().map(Jwk::name).collect(Collectors.toUnmodifiableSet());
    }

    static List<String> environmentNames(Collection<Environment> environments) {
        return environments.stream().map(Environment::name).toList();
    }
}
