package io.keyward.impact;

import io.keyward.model.JwtKey;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Several JWT keys none of which is the last active one can be the last ones together. */
class BulkImpactsTest {

    static JwtKey key(String id, Boolean active) {
        return new JwtKey(id, "p", "label-" + id, "RS256", null, active, null, null);
    }

    @Test
    void whatStaysActiveIsTheProjectsKeysMinusTheDeletedOnes() {
        List<JwtKey> project = List.of(key("a", true), key("b", true), key("c", false));
        // Each of a and b alone leaves the other active; together they leave none.
        assertEquals(List.of("b"), BulkImpacts.activeAfter(List.of(key("a", true)), project).orElse(null)
                .stream().map(JwtKey::id).toList());
        assertEquals(List.of(), BulkImpacts.activeAfter(List.of(key("a", true), key("b", true)), project).orElse(null));
    }

    @Test
    void aKeyThatStaysAndDoesNotSayWhetherItIsActiveMakesItUnknown() {
        List<JwtKey> project = List.of(key("a", true), key("b", null));
        assertFalse(BulkImpacts.activeAfter(List.of(key("a", true)), project).isKnown());
        // Deleting the silent one itself leaves nothing unknown.
        assertEquals(List.of("a"), BulkImpacts.activeAfter(List.of(key("b", null)), project).orElse(null)
                .stream().map(JwtKey::id).toList());
    }
}
