package io.keyward.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keyward.gateway.Authentication;
import io.keyward.gateway.ConnectionSettings;
import io.keyward.gateway.Failure;
import io.keyward.gateway.GatewayException;
import io.keyward.gateway.ampersand.AmpersandClient;
import io.keyward.gateway.apinizer.ApinizerClient;
import io.keyward.model.Project;
import io.keyward.model.Secret;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end: a server (or the proxy in front of it) that echoes the request it got, secrets and all,
 * in an HTML error page or a JSON problem. Whatever reaches the user (the failure's sentence, the
 * explanation lines under it, the journal's and the results' copies of both) holds none of them.
 */
class ErrorTextScrubTest {

    static final String USER = "ops admin";
    static final String PASSWORD = "Pa55 w&rd+\u00f6~9";
    static final String TOKEN = "at-81f0c2d4e6a8b0c1";
    static final String API_KEY = "amp-live-3c9e1f7a5b2d";
    /** A private RSA JWK's private members and an oct key's {@code k}: distinct, so each one is checked. */
    static final Map<String, String> JWK_PRIVATE = Map.of(
            "d", "Xx7dPRIVd0xpnt0aaaaQ1",
            "p", "Pp1prime0p0bbbbbbbbbR2",
            "q", "Qq2prime0q0ccccccccS3",
            "dp", "Dp3crt0dp0ddddddT4",
            "dq", "Dq4crt0dq0eeeeeeU5",
            "qi", "Qi5crt0qi0ffffffV6");
    static final String K = "Kk6octSymmetric0gggW7";
    static final String PUBLIC_KID = "kid-public-1";
    static final ObjectMapper JSON = new ObjectMapper();

    MockWebServer server;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    // ---------------------------------------------------------------- what must not survive

    static String form(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String basic() {
        return Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** Every secret in the spellings an echo uses. */
    static List<String> secrets() {
        List<String> all = new ArrayList<>(List.of(PASSWORD, form(PASSWORD), form(PASSWORD).replace("+", "%20"),
                TOKEN, API_KEY, basic(), K));
        all.addAll(JWK_PRIVATE.values());
        return all;
    }

    /** What a user sees of a failure: the sentence (also the journal's and the results' text) and the lines under it. */
    static List<String> shown(GatewayException e) {
        List<String> texts = new ArrayList<>();
        texts.add(e.getMessage());
        texts.add(ErrorText.sentence(e));
        texts.addAll(ErrorText.details(e));
        texts.add(String.valueOf(e.serverMessage()));
        texts.add(String.valueOf(e.errorCode()));
        if (e.failure() instanceof Failure.Protocol p) {
            texts.add(p.snippet());
        }
        return texts;
    }

    static void assertNoSecretIn(GatewayException e) {
        for (String text : shown(e)) {
            for (String secret : secrets()) {
                assertFalse(text.contains(secret), "a secret survived: " + secret + " in: " + text);
                // Nor a piece of one (a text cut inside it): any 8 characters of the longer secrets.
                for (int i = 0; secret.length() >= 16 && i + 8 <= secret.length(); i++) {
                    String piece = secret.substring(i, i + 8);
                    assertFalse(text.contains(piece), "a piece of a secret survived: " + piece + " in: " + text);
                }
            }
        }
    }

    static GatewayException fails(Executable call) {
        GatewayException e = assertThrows(GatewayException.class, call);
        assertNoSecretIn(e);
        return e;
    }

    // ---------------------------------------------------------------- what the server echoes

    /** The request as a server would quote it: headers, the form body, and a private RSA JWK and an oct key. */
    static ObjectNode echoedRequest() {
        ObjectNode request = JSON.createObjectNode();
        request.putObject("headers").put("Authorization", "Bearer " + TOKEN).put("X-Api-Key", API_KEY);
        request.put("username", USER).put("password", PASSWORD);
        ObjectNode jwk = request.putObject("jwk").put("kty", "RSA").put("kid", PUBLIC_KID).put("e", "AQAB");
        JWK_PRIVATE.forEach(jwk::put);
        request.putObject("oct").put("kty", "oct").put("k", K);
        return request;
    }

    /** A problem that quotes the request in its detail (as JSON text), its remedy, causes and issues. */
    static String echoingProblem() throws IOException {
        ObjectNode problem = JSON.createObjectNode();
        problem.put("type", "urn:problem:bad-request").put("title", "Bad Request").put("status", 400);
        problem.put("detail", "Request rejected for " + PUBLIC_KID + ": " + JSON.writeValueAsString(echoedRequest()));
        problem.put("remedy", "Do not send client_secret=" + form(PASSWORD) + " nor Basic " + basic() + " in the URL");
        problem.putArray("causes").add("k was " + K).add("private exponent " + JWK_PRIVATE.get("d") + " is not allowed")
                .add("token " + TOKEN + " and key " + API_KEY + " were both sent");
        problem.put("requestId", "req-77");
        problem.putArray("validationIssues")
                .add(JSON.createObjectNode().put("field", "jwk.d").put("value", JWK_PRIVATE.get("d"))
                        .put("detail", "d=" + JWK_PRIVATE.get("d") + " must not be sent")
                        .put("remedy", "remove p " + JWK_PRIVATE.get("p") + " and q " + JWK_PRIVATE.get("q")))
                .add(JSON.createObjectNode().put("field", "password")
                        .put("detail", "'" + PASSWORD + "' is too weak; dp " + JWK_PRIVATE.get("dp") + ", dq "
                                + JWK_PRIVATE.get("dq") + ", qi " + JWK_PRIVATE.get("qi")));
        problem.set("request", echoedRequest());
        return JSON.writeValueAsString(problem);
    }

    /** Which connection knows a secret that an echo spells out in prose: only that one can mask it. */
    enum Knows { ANY, APINIZER, AMPERSAND }

    /** A proxy page that quotes one spelling of one secret right after its title. */
    record Page(String html, Knows who) {
        static Page of(String echo, Knows who) {
            // Early in the page, so it would fall inside the short snippet if it were not masked.
            return new Page("<html><head><title>502 Bad Gateway</title></head><body>" + echo + "<hr>nginx</body></html>",
                    who);
        }
    }

    static List<Page> echoingPages() throws IOException {
        List<Page> pages = new ArrayList<>(List.of(
                Page.of("Authorization: Bearer " + TOKEN, Knows.ANY),
                Page.of("token " + TOKEN + " seen", Knows.APINIZER),
                Page.of("X-Api-Key " + API_KEY + " seen", Knows.AMPERSAND),
                Page.of("password " + PASSWORD + " seen", Knows.APINIZER),
                Page.of("body client_secret=" + form(PASSWORD) + "&amp;client_id=" + form(USER), Knows.ANY),
                Page.of("query ?pw=" + form(PASSWORD).replace("+", "%20") + " seen", Knows.APINIZER),
                Page.of("Authorization: Basic " + basic(), Knows.ANY),
                Page.of("creds " + basic() + " seen", Knows.APINIZER),
                Page.of("<pre>" + JSON.writeValueAsString(echoedRequest()).replace("\"", "&quot;") + "</pre>", Knows.ANY),
                Page.of("<script>var req = " + JSON.writeValueAsString(echoedRequest()) + ";</script> and "
                        + JSON.writeValueAsString(echoedRequest()), Knows.ANY)));
        for (Map.Entry<String, String> e : JWK_PRIVATE.entrySet()) {
            pages.add(Page.of("{&quot;kty&quot;:&quot;RSA&quot;,&quot;" + e.getKey() + "&quot;:&quot;" + e.getValue()
                    + "&quot;}", Knows.ANY));
            pages.add(Page.of("{\"kty\":\"RSA\",\"" + e.getKey() + "\":\"" + e.getValue() + "\"}", Knows.ANY));
        }
        pages.add(Page.of("{\"kty\":\"oct\",\"k\":\"" + K + "\"}", Knows.ANY));
        return pages;
    }

    static MockResponse answer(int status, String contentType, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", contentType).setBody(body);
    }

    // ---------------------------------------------------------------- the two backends

    ApinizerClient apinizer() {
        ApinizerClient client = new ApinizerClient(ConnectionSettings.of(server.url("/").uri(),
                new Authentication.UsernamePassword(USER, Secret.of(PASSWORD))).withMaxRetryWait(Duration.ZERO));
        // The token endpoint's grant, fetched once and kept.
        server.enqueue(answer(200, "application/json",
                "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}"));
        return client;
    }

    AmpersandClient ampersand() {
        return new AmpersandClient(ConnectionSettings.of(server.url("/v1").uri(),
                new Authentication.ApiKey(Secret.of(API_KEY))).withMaxRetryWait(Duration.ZERO));
    }

    @Test
    void aProblemEchoingTheRequestKeepsNoSecretInTheSentenceNorTheDetails() throws Exception {
        ApinizerClient apinizer = apinizer();
        server.enqueue(answer(400, "application/problem+json", echoingProblem()));
        GatewayException e = fails(() -> apinizer.deleteJwk(Project.named("p"), "j"));
        assertEchoedProblemIsStillReadable(e);

        AmpersandClient ampersand = ampersand();
        server.enqueue(answer(400, "application/problem+json", echoingProblem()));
        GatewayException a = fails(() -> ampersand.deleteJwtKey(new Project("proj_1", "p", ""), "kid-1"));
        assertEchoedProblemIsStillReadable(a);
    }

    /** Masked, not dropped: what is not a secret is still there to read. */
    static void assertEchoedProblemIsStillReadable(GatewayException e) {
        assertInstanceOf(Failure.Validation.class, e.failure());
        String sentence = ErrorText.sentence(e);
        assertTrue(sentence.contains("Request rejected for " + PUBLIC_KID), sentence);
        assertTrue(sentence.contains("\"password\":\"****\""), sentence);
        assertTrue(sentence.contains("\"d\":\"****\""), sentence);
        assertTrue(sentence.contains("\"k\":\"****\""), sentence);
        String details = String.join("\n", ErrorText.details(e));
        assertTrue(details.contains("Field jwk.d: d=**** must not be sent"), details);
        assertTrue(details.contains("Causes: k was ****; private exponent **** is not allowed; token **** and key **** "
                + "were both sent"), details);
        assertTrue(details.contains("Request id: req-77"), details);
    }

    @Test
    void aProxyPageEchoingTheRequestKeepsNoSecretInItsSnippet() throws Exception {
        ApinizerClient apinizer = apinizer();
        AmpersandClient ampersand = ampersand();
        int checked = 0;
        for (Page page : echoingPages()) {
            List<Executable> calls = new ArrayList<>();
            if (page.who() != Knows.AMPERSAND) {
                calls.add(() -> apinizer.deleteJwk(Project.named("p"), "j"));
            }
            if (page.who() != Knows.APINIZER) {
                calls.add(() -> ampersand.deleteJwtKey(new Project("proj_1", "p", ""), "kid-1"));
            }
            for (Executable call : calls) {
                server.enqueue(answer(502, "text/html", page.html()));
                GatewayException e = fails(call);
                String snippet = assertInstanceOf(Failure.Protocol.class, e.failure()).snippet();
                assertTrue(snippet.startsWith("502 Bad Gateway "), snippet);
                assertTrue(snippet.contains("****"), "the echo is masked where it was, not cut away: " + snippet);
                assertTrue(ErrorText.sentence(e).contains(snippet), ErrorText.sentence(e));
                checked++;
            }
        }
        assertEquals(2 * echoingPages().size() - 5, checked, "four pages for Apinizer only, one for Ampersand only");
    }

    @Test
    void theTokenEndpointsFailureQuotesNothingOfItsBody() throws Exception {
        ApinizerClient client = new ApinizerClient(ConnectionSettings.of(server.url("/").uri(),
                new Authentication.UsernamePassword(USER, Secret.of(PASSWORD))));
        server.enqueue(answer(400, "application/problem+json", echoingProblem()));
        GatewayException e = fails(client::listProjects);
        assertEquals("Signing in as \u201Cops admin\u201D failed: the server refused the sign-in request (HTTP 400).",
                ErrorText.sentence(e));
        assertEquals(List.of(), ErrorText.details(e));

        server.enqueue(answer(502, "text/html", echoingPages().get(0).html()));
        assertEquals("Signing in as \u201Cops admin\u201D failed: the server had an internal error (HTTP 502).",
                ErrorText.sentence(fails(client::listProjects)));
    }
}
