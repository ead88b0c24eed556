package io.keyward.ui;

import io.keyward.ui.common.DialogFrames;
import javafx.css.CssParser;
import javafx.css.Rule;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * keyward.css is shipped with its compiled form beside it (keyward.bss, made by the build), which JavaFX
 * loads instead of parsing the text: the two must hold the same rules.
 */
class CompiledStylesheetTest {

    @Test
    void theCompiledStylesheetBesideTheTextHoldsTheSameRules() throws Exception {
        URL css = URI.create(DialogFrames.STYLESHEET).toURL();
        URL bss = DialogFrames.class.getResource("/io/keyward/ui/keyward.bss");
        assertNotNull(bss, "keyward.bss is made by the build (pom.xml, compile-stylesheet) next to keyward.css");
        assertEquals(css.toExternalForm().replaceAll("\\.css$", ".bss"), bss.toExternalForm(),
                "JavaFX looks for the compiled form under the same name, with .bss");

        List<String> parsed = describe(new CssParser().parse(css));
        List<String> compiled = describe(Stylesheet.loadBinary(bss));
        assertTrue(parsed.size() > 20, "keyward.css has its rules: " + parsed.size());
        assertEquals(parsed, compiled);
    }

    private static List<String> describe(Stylesheet sheet) {
        return sheet.getRules().stream().map(CompiledStylesheetTest::describe).toList();
    }

    private static String describe(Rule rule) {
        return rule.getSelectors() + " " + rule.getDeclarations().stream()
                .map(d -> d.getProperty() + "=" + d.getParsedValue() + (d.isImportant() ? " !important" : ""))
                .toList();
    }
}
