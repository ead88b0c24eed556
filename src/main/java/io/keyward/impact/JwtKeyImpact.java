package io.keyward.impact;

import io.keyward.model.JwtKey;

import java.util.Collection;
import java.util.List;

/**
 * What deactivating or deleting a JWT key touches in its project: whether it verifies tokens now,
 * which other keys still would, and whether its label names it unambiguously.
 *
 * @param otherActive the project's other active keys; unknown when the server did not say whether
 *                    some key is active (then "is this the last one?" cannot be answered)
 * @param sameLabel   how many other keys carry the same label (a confirmation then asks for the id)
 */
public record JwtKeyImpact(JwtKey key, Knowledge<List<JwtKey>> otherActive, int sameLabel) {

    static final String ACTIVE_NOT_REPORTED = "The server did not say whether every key of this project is "
            + "active, so Keyward cannot tell whether another key would still verify tokens.";

    public static JwtKeyImpact of(JwtKey key, Collection<JwtKey> projectKeys) {
        List<JwtKey> others = projectKeys.stream().filter(k -> !k.id().equals(key.id())).toList();
        Knowledge<List<JwtKey>> active = others.stream().anyMatch(k -> k.active() == null)
                ? Knowledge.unknown(ACTIVE_NOT_REPORTED)
                : Knowledge.known(others.stream().filter(JwtKey::isActive).toList());
        int sameLabel = (int) others.stream().filter(k -> k.label().equals(key.label())).count();
        return new JwtKeyImpact(key, active, sameLabel);
    }

    /** True when turning this key off leaves the project with no active key; unknown when that cannot be told. */
    public Knowledge<Boolean> isLastActive() {
        if (!key.isActive()) {
            return Knowledge.known(false);
        }
        return otherActive.map(List::isEmpty);
    }

    /** The label, unless other keys share it (or it is blank): then the id is what identifies the key. */
    public String confirmationText() {
        return sameLabel > 0 || key.label().isBlank() ? key.id() : key.label();
    }

    public boolean confirmsById() {
        return !confirmationText().equals(key.label());
    }
}
