package io.keyward.gateway.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedactorTest {

    static final String PEM = "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA4f5wg5l2hKsTeNem\n-----END PUBLIC KEY-----";

    @Test
    void secretsAreMaskedLongestFirstAndShortOnesIgnored() {
        Redactor r = Redactor.of("key-123", "key-123-longer", "abc", null);
        assertEquals("a **** and a ****; abc stays", r.scrub("a key-123-longer and a key-123; abc stays"));
        assertNull(r.scrub(null));
        assertFalse(r.toString().contains("key-123"));
    }

    @Test
    void pemBlocksAreRemovedWhateverTheirLabelAndLineBreaks() {
        Redactor r = Redactor.none();
        assertEquals("got [PEM removed] and [PEM removed].", r.scrub("got " + PEM + " and "
                + PEM.replace("PUBLIC KEY", "RSA PRIVATE KEY") + "."));
        // As echoed inside JSON text, with escaped line breaks.
        assertEquals("x [PEM removed] y", r.scrub("x " + PEM.replace("\n", "\\n") + " y"));
        // Cut off before its END line (a capped detail, a truncated page): everything after BEGIN goes.
        assertEquals("echo: [PEM removed]", r.scrub("echo: " + PEM.substring(0, 60)));
        assertEquals("no key here -----", r.scrub("no key here -----"));
    }

    @Test
    void snippetsAreShortTagFreeOneLineAndScrubbed() {
        String page = "<html><head><title>502 Bad Gateway</title><script>var k='sekrit-key'</script></head>"
                + "<body>\n\n<h1>Oops</h1>\u0007 key sekrit-key " + PEM + "</body></html>" + "x".repeat(500);
        String s = Snippets.of(page, Redactor.of("sekrit-key"));
        assertTrue(s.startsWith("502 Bad Gateway Oops key **** [PEM removed] x"), s);
        assertEquals(Snippets.SNIPPET_LENGTH, s.length());
        assertTrue(s.endsWith("\u2026"));
        assertEquals("", Snippets.of("", Redactor.none()));
    }

    @Test
    void quotedTextIsOneLineAndCapped() {
        assertEquals("a b c", Snippets.text(" a\n b\r\n\tc ", Redactor.none()));
        assertNull(Snippets.text("   ", Redactor.none()));
        assertEquals(Snippets.TEXT_LENGTH, Snippets.text("y".repeat(2000), Redactor.none()).length());
    }
}
