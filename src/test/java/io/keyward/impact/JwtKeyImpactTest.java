package io.keyward.impact;

import io.keyward.model.JwtKey;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JwtKeyImpactTest {

    static JwtKey key(String id, String label, Boolean active) {
        return new JwtKey(id, "p-1", label, "RSA", "-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n", active,
                null, null);
    }

    @Test
    void theOnlyActiveKeyIsTheLastOne() {
        JwtKey a = key("a", "prod", true);
        JwtKeyImpact impact = JwtKeyImpact.of(a, List.of(a, key("b", "old", false)));
        assertEquals(Knowledge.known(true), impact.isLastActive());
        assertEquals(List.of(), impact.otherActive().orElse(null));
    }

    @Test
    void anotherActiveKeyMeansNotTheLast() {
        JwtKey a = key("a", "prod", true);
        JwtKey b = key("b", "next", true);
        JwtKeyImpact impact = JwtKeyImpact.of(a, List.of(a, b));
        assertEquals(Knowledge.known(false), impact.isLastActive());
        assertEquals(List.of(b), impact.otherActive().orElse(null));
    }

    @Test
    void anInactiveKeyIsNeverTheLastActiveOne() {
        JwtKey a = key("a", "old", false);
        assertEquals(Knowledge.known(false), JwtKeyImpact.of(a, List.of(a)).isLastActive());
    }

    @Test
    void aKeyWhoseActiveFlagIsNotReportedMakesItUnknownNeverNone() {
        JwtKey a = key("a", "prod", true);
        JwtKeyImpact impact = JwtKeyImpact.of(a, List.of(a, key("b", "mystery", null)));
        assertFalse(impact.isLastActive().isKnown(), "cannot know, must not say 'last' nor 'not last'");
        assertFalse(impact.otherActive().isKnown());
        assertTrue(((Knowledge.Unknown<?>) impact.otherActive()).reason().contains("cannot tell"));
    }

    @Test
    void repeatedOrBlankLabelsConfirmByIdOtherwiseByLabel() {
        JwtKey a = key("a", "prod", true);
        JwtKey twin = key("b", "prod", false);
        JwtKey blank = key("c", "", true);
        assertEquals("prod", JwtKeyImpact.of(a, List.of(a)).confirmationText());
        assertFalse(JwtKeyImpact.of(a, List.of(a)).confirmsById());
        JwtKeyImpact twins = JwtKeyImpact.of(a, List.of(a, twin));
        assertEquals(1, twins.sameLabel());
        assertEquals("a", twins.confirmationText());
        assertTrue(twins.confirmsById());
        assertEquals("c", JwtKeyImpact.of(blank, List.of(blank)).confirmationText());
    }
}
