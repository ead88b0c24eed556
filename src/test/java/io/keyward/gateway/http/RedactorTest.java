package io.keyward.gateway.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedactorTest {

    static final String PEM = "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA4f5wg5l2hKsTeNem\n-----END PUBLIC KEY-----";
    /** A space, '&', '=', '+', '/', '~', '*', a quote and non-ASCII: every encoding spells it differently. */
    static final String PASSWORD = "p&ss w=ö+1/~*\"x";
    static final String TOKEN = "tok/en+7c1e=";

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

    // ---------------------------------------------------------------- the connection's secrets, every spelling

    @Test
    void thePasswordIsMaskedRawFormEncodedAndPercentEncoded() {
        Redactor r = Redactor.of(PASSWORD);
        String form = URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        assertTrue(form.contains("+") && form.contains("%C3%B6"), form); // the space as '+'
        String form20 = form.replace("+", "%20");
        String rfc3986 = "p%26ss%20w%3D%C3%B6%2B1%2F~%2A%22x";
        for (String spelling : List.of(PASSWORD, form, form20, rfc3986, form.toLowerCase(), rfc3986.toLowerCase(),
                "p&ss w=ö+1/~*\\\"x", "p&ss w=\\u00f6+1\\/~*\\\"x", "p&amp;ss w=ö+1/~*&quot;x")) {
            assertEquals("sent ****, got 401", r.scrub("sent " + spelling + ", got 401"), spelling);
        }
        // In the form body a proxy echoes.
        assertEquals("grant_type=client_credentials&client_id=admin&client_secret=****",
                r.scrub("grant_type=client_credentials&client_id=admin&client_secret=" + form));
    }

    @Test
    void everyTokenIsMaskedRawAndPercentEncoded() {
        Redactor r = Redactor.of(TOKEN, "amp-key-42");
        assertEquals("**** / **** / **** / ****", r.scrub(TOKEN + " / " + "tok%2Fen%2B7c1e%3D" + " / "
                + "tok%2fen%2b7c1e%3d" + " / amp-key-42"));
    }

    @Test
    void aBasicHeaderOfTheLoginIsMaskedInEveryBase64Alphabet() {
        String user = "ayşe";
        String pw = "s3cr3t?>>";
        byte[] basic = (user + ":" + pw).getBytes(StandardCharsets.UTF_8);
        String std = Base64.getEncoder().encodeToString(basic);
        String url = Base64.getUrlEncoder().withoutPadding().encodeToString(basic);
        assertFalse(std.equals(url), "the test needs a value the two alphabets spell differently");
        Redactor r = Redactor.of("tok-1234").withLogin(user, pw);
        // Not after "Basic " (that is masked on its own): as a proxy's debug page might list it.
        assertEquals("auth=**** | ****", r.scrub("auth=" + std + " | " + url));
        assertEquals("**** **** ****", r.scrub(pw + " tok-1234 " + URLEncoder.encode(pw, StandardCharsets.UTF_8)));
        assertEquals("Authorization: Basic ****", Redactor.none().scrub("Authorization: Basic " + std));
    }

    @Test
    void aTextCutInsideASecretLosesTheSecretsStart() {
        Redactor r = Redactor.of("tok-5b0e77d1-must-never-leak");
        assertEquals("echo: ****", r.scrub("echo: tok-5b0e77d1-mu"));
        assertEquals("echo: to", r.scrub("echo: to"), "fewer than 4 characters say nothing");
    }

    // ---------------------------------------------------------------- secret-named JSON members

    @ParameterizedTest
    @ValueSource(strings = {"token", "access_token", "refresh_token", "id_token", "accessToken", "X-Auth-Token",
            "password", "Password", "newPassword", "password_confirmation", "secret", "client_secret", "clientSecret",
            "privateKey", "private_key", "PRIVATEKEY", "apiKey", "api_key", "x-api-key", "authorization"})
    void aSecretNamedMemberLosesItsValueWhateverItsType(String name) {
        Redactor r = Redactor.none();
        assertEquals("{\"" + name + "\": \"****\", \"user\": \"x\"}",
                r.scrub("{\"" + name + "\": \"hunter2 \\\"quoted\\\"\", \"user\": \"x\"}"));
        assertEquals("{\"" + name + "\":****,\"n\":1}", r.scrub("{\"" + name + "\":12345678,\"n\":1}"));
        assertEquals("{\"" + name + "\": ****, \"n\": 1}",
                r.scrub("{\"" + name + "\": {\"kty\": \"RSA\", \"n\": [\"}\"], \"x\": {\"y\": 2}}, \"n\": 1}"));
        assertEquals("{\"" + name + "\": null}", r.scrub("{\"" + name + "\": null}"));
        assertEquals(name + "=****&username=x", r.scrub(name + "=hunter2&username=x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"d", "p", "q", "dp", "dq", "qi", "k"})
    void aPrivateJwkMemberLosesItsValueButOnlyAsAMemberName(String name) {
        Redactor r = Redactor.none();
        String value = "GawgguFyGrWKav7AX4VKUg";
        assertEquals("{\"kty\":\"oct\",\"" + name + "\":\"****\",\"kid\":\"k1\"}",
                r.scrub("{\"kty\":\"oct\",\"" + name + "\":\"" + value + "\",\"kid\":\"k1\"}"));
        // A word, a query parameter, an HTML element: not a JWK member.
        String prose = "see " + name + " and " + name + "=" + value + " in <" + name + ">" + value + "</" + name + ">";
        assertEquals(prose, r.scrub(prose));
    }

    @Test
    void publicMembersAndOrdinaryTextStay() {
        String jwk = "{\"kty\":\"RSA\",\"kid\":\"k1\",\"use\":\"sig\",\"n\":\"0vx7agoebGcQSuu\",\"e\":\"AQAB\"}";
        Redactor r = Redactor.none();
        assertEquals(jwk, r.scrub(jwk));
        for (String text : List.of("the token has expired", "Bearer tokens only", "username=admin&grant_type=password",
                "{\"tokenCount\": null, \"passwordPolicy\": true}", "Basic authentication is off")) {
            assertEquals(text, r.scrub(text));
        }
    }

    @Test
    void jsonInsideTextIsMaskedHoweverItIsQuoted() {
        Redactor r = Redactor.none();
        // JSON inside a JSON string (a problem quoting the body it got)
        assertEquals("{\"detail\": \"body {\\\"password\\\":\\\"****\\\",\\\"d\\\":\\\"****\\\"}\"}",
                r.scrub("{\"detail\": \"body {\\\"password\\\":\\\"hunter2\\\",\\\"d\\\":\\\"AbCdEf\\\"}\"}"));
        // JSON in an HTML page
        assertEquals("<pre>{&quot;client_secret&quot;: &quot;****&quot;}</pre>",
                r.scrub("<pre>{&quot;client_secret&quot;: &quot;hunter2&quot;}</pre>"));
        // A script's object literal with single quotes
        assertEquals("var c = {'password': '****'};", r.scrub("var c = {'password': 'hunter2'};"));
        // Cut off inside the value: the rest goes.
        assertEquals("{\"privateKey\": \"****", r.scrub("{\"privateKey\": \"MIIEvQIBADANBgkqhk"));
    }

    @Test
    void xmlElementsQueryStringsJwtsAndSchemesAreMasked() {
        Redactor r = Redactor.none();
        assertEquals("<login><user>x</user><ns:password>****</ns:password></login>",
                r.scrub("<login><user>x</user><ns:password>hunter2</ns:password></login>"));
        assertEquals("GET /cb?code=1&access_token=****&state=s", r.scrub("GET /cb?code=1&access_token=ya29.a0Af&state=s"));
        String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJl";
        assertEquals("issued ****.", r.scrub("issued " + jwt + "."));
        assertEquals("Authorization: Bearer ****", r.scrub("Authorization: Bearer abc123def456"));
    }

    // ---------------------------------------------------------------- values found in a parsed answer

    @Test
    void valuesUnderSecretNamesInAnAnswerAreMaskedWhereverItRepeatsThem() throws Exception {
        var tree = new ObjectMapper().readTree("""
                {"detail": "x", "request": {"password": "hunter22", "jwk": {"kty": "RSA", "d": "dPrivate99",
                 "n": "public-modulus"}, "nested": "{\\"client_secret\\": \\"cs-from-a-string\\"}"},
                 "issues": [{"field": "user.password", "value": "shown-again", "detail": "too short"}],
                 "token_type": "Bearer", "otp": {"k": 12345678}}""");
        Redactor r = Redactor.none().withValuesIn(tree);
        assertEquals("**** was **** and ****; **** too; Bearer; public-modulus; 12345678",
                r.scrub("hunter22 was dPrivate99 and cs-from-a-string; shown-again too; Bearer; public-modulus; 12345678"));
        assertEquals("**** ****", Redactor.none().withValuesInJson("[{\"token\": \"t-0987654\"}]")
                .scrub("t-0987654 t-0987654"));
        assertEquals("plain", Redactor.none().withValuesInJson("not json").scrub("plain"));
    }

    // ---------------------------------------------------------------- snippets

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
    void aSnippetOfAJsonBodyMasksItsSecretNamedValuesEverywhere() {
        String body = "[{\"error\": \"bad login for s3cr3t-value\", \"password\": \"s3cr3t-value\"}]";
        String s = Snippets.of(body, Redactor.none());
        assertFalse(s.contains("s3cr3t-value"), s);
        assertTrue(s.contains("bad login for ****"), s);
    }

    @Test
    void quotedTextIsOneLineAndCapped() {
        assertEquals("a b c", Snippets.text(" a\n b\r\n\tc ", Redactor.none()));
        assertNull(Snippets.text("   ", Redactor.none()));
        assertEquals(Snippets.TEXT_LENGTH, Snippets.text("y".repeat(2000), Redactor.none()).length());
    }
}
