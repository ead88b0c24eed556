package io.keyward.ui.common;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What Enter says in a type-to-confirm field that does not match. */
class ConfirmByNameTest {

    static String diff(String name, String typed) {
        ConfirmByName gate = new ConfirmByName(name);
        gate.typedProperty().set(typed);
        return gate.difference();
    }

    @Test
    void eachKindOfMismatchIsNamed() {
        assertEquals("", diff("prod-key", "prod-key"));
        assertEquals("Nothing typed yet.", diff("prod-key", ""));
        assertEquals("Only upper and lower case differ, and they count.", diff("prod-key", "PROD-KEY"));
        assertEquals("Not complete: 4 more characters to type.", diff("prod-key", "prod"));
        assertEquals("Not complete: 1 more character to type.", diff("prod-key", "prod-ke"));
        assertEquals("There is an extra character at the end (spaces count too).", diff("prod-key", "prod-key "));
        assertEquals("There are extra characters at the end.", diff("prod-key", "prod-keys!"));
        assertEquals("Differs at character 5: \u201C_\u201D typed, \u201C-\u201D expected.", diff("prod-key", "prod_key"));
        assertEquals("Differs at character 2: \u201Cb\u201D typed, \u201C(space)\u201D expected.", diff("a b", "ab"));
    }
}
