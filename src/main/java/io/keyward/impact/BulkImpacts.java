package io.keyward.impact;

import io.keyward.model.Credential;
import io.keyward.model.CryptoKey;
import io.keyward.model.Environment;
import io.keyward.model.Jwk;
import io.keyward.model.JwtKey;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What deleting many items at once touches, as one picture: the union of what each deletion touches,
 * plus what only the sum can do (several active JWT keys whose deletion leaves none). Pure functions.
 */
public final class BulkImpacts {

    private BulkImpacts() {
    }

    /**
     * Every credential slot holding each JWK, by JWK name (in the JWKs' order; a JWK nobody holds maps to an
     * empty list). Unknown when the server does not report slots: never "held by nobody".
     */
    public static Knowledge<Map<String, List<SlotHolding>>> holdersByJwk(Collection<Jwk> jwks,
                                                                       Collection<Credential> credentials) {
        Set<String> names = Impacts.names(jwks);
        return Impacts.holdersOf(names, credentials).map(all -> {
            Map<String, List<SlotHolding>> by = new LinkedHashMap<>();
            jwks.forEach(j -> by.put(j.name(), all.stream().filter(h -> h.jwkName().equals(j.name())).toList()));
            return by;
        });
    }

    /** One key deletion's impact per key, in the keys' order. */
    public static List<KeyDeletionImpact> keyDeletions(Collection<CryptoKey> keys, Collection<Jwk> jwks,
                                                       Collection<Credential> credentials,
                                                       Collection<Environment> environments) {
        return keys.stream().map(k -> Impacts.keyDeletion(k, jwks, credentials, environments)).toList();
    }

    /** One JWK deletion's impact per JWK, in the JWKs' order. */
    public static List<JwkDeletionImpact> jwkDeletions(Collection<Jwk> jwks, Collection<CryptoKey> keys,
                                                       Collection<Credential> credentials,
                                                       Collection<Environment> environments) {
        return jwks.stream().map(j -> Impacts.jwkDeletion(j, keys, credentials, environments)).toList();
    }

    /**
     * The project's active JWT keys left once {@code deleting} are gone: empty means no token of the
     * project verifies any more. Unknown when a key that stays did not say whether it is active.
     */
    public static Knowledge<List<JwtKey>> activeAfter(Collection<JwtKey> deleting, Collection<JwtKey> projectKeys) {
        Set<String> gone = deleting.stream().map(JwtKey::id).collect(Collectors.toSet());
        List<JwtKey> staying = projectKeys.stream().filter(k -> !gone.contains(k.id())).toList();
        if (staying.stream().anyMatch(k -> k.active() == null)) {
            return Knowledge.unknown(JwtKeyImpact.ACTIVE_NOT_REPORTED);
        }
        return Knowledge.known(staying.stream().filter(JwtKey::isActive).toList());
    }
}
