package io.keyward.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every way POST /jwt-keys refuses a body: each a 400 problem naming the field, and nothing stored.
 * One server for the class: every request here is refused, which the check after each test proves.
 */
class AmpersandValidationTest {
    private static final String KEYS = "/projects/partner-sso/jwt-keys";
    private static SandboxHttp api;
    private static JsonNode keysBefore;

    @BeforeAll
    static void start() {
        api = SandboxHttp.start();
        keysBefore = api.jwtKeys("partner-sso");
    }

    @AfterAll
    static void stop() {
        try {
            assertEquals(keysBefore, api.jwtKeys("partner-sso"), "nor by the last test");
        } finally {
            api.close();
        }
    }

    @BeforeEach
    void nothingWasStoredByTheTestBefore() {
        assertEquals(keysBefore, api.jwtKeys("partner-sso"));
    }

    @Test
    void labelMissingBlankOrTooLong() {
        assertIssue(body(b -> b.remove("label")), "label", "label is required");
        assertIssue(body(b -> b.putNull("label")), "label", "label is required");
        assertIssue(body(b -> b.put("label", "")), "label", "label must not be blank");
        assertIssue(body(b -> b.put("label", " \t ")), "label", "label must not be blank");
        assertIssue(body(b -> b.put("label", 7)), "label", "label must be a string");
        assertIssue(body(b -> b.put("label", "k".repeat(256))), "label",
                "label is 256 characters long; at most 255 are allowed");
        assertIssue(body(b -> b.remove("label")).replace("\"algorithm\"", "\"name\":\"\",\"algorithm\""), "name",
                "label must not be blank");
        assertEquals("invalid label", post(body(b -> b.put("label", ""))).assertProblem(400).get("detail").asText());
    }

    @Test
    void labelLengthCountsCharactersNotUtf16Units() {
        // 255 emoji are 510 UTF-16 units but 255 characters: accepted (then deleted, to keep the class clean).
        SandboxHttp.Response response = post(body(b -> b.put("label", "🔑".repeat(255))));
        assertEquals(201, response.status(), response.body());
        assertEquals(204, api.v1("DELETE", KEYS + "/" + response.json().get("kid").asText(), null).status());
        assertIssue(body(b -> b.put("label", "🔑".repeat(256))), "label",
                "label is 256 characters long; at most 255 are allowed");
    }

    @Test
    void algorithmMissingOrUnsupported() {
        assertIssue(body(b -> b.remove("algorithm")), "algorithm", "algorithm is required");
        for (String algorithm : List.of("ES256", "ECDSA", "rs256", "rsa", "RS512", "PS256", "")) {
            JsonNode problem = post(body(b -> b.put("algorithm", algorithm))).assertProblem(400);
            assertEquals("unsupported algorithm", problem.get("detail").asText(), algorithm);
            JsonNode issue = onlyIssue(problem);
            assertEquals("algorithm", issue.get("field").asText());
            assertEquals(algorithm, issue.get("value").asText(), "the published example echoes the value");
            assertEquals("only RSA algorithm is supported", issue.get("detail").asText());
        }
    }

    @Test
    void publicKeyMissing() {
        assertIssue(body(b -> b.remove("publicKeyPem")), "publicKeyPem", "publicKeyPem is required");
        assertIssue(body(b -> b.put("publicKeyPem", "  \n")), "publicKeyPem", "publicKeyPem is required");
        assertIssue(body(b -> b.put("publicKeyPem", 12)), "publicKeyPem", "publicKeyPem must be a string");
    }

    @Test
    void pemThatCannotBeParsed() {
        String good = TestPems.rsa2048Public();
        String[] lines = TestPems.bodyLines(good);
        String truncated = "-----BEGIN PUBLIC KEY-----\n" + lines[0] + "\n-----END PUBLIC KEY-----\n";
        assertPemIssue(truncated, "invalid RSA public key in PEM format");
        assertPemIssue("just some text", "not in PEM format: no '-----BEGIN PUBLIC KEY-----' line");
        assertPemIssue(good.replace(lines[1], lines[1].substring(0, 10) + "!@#" + lines[1].substring(13)),
                "the PEM body is not valid base64");
        assertPemIssue(good + good, "expected exactly one PEM block and nothing around it");
        assertPemIssue("Comment: mine\n" + good, "expected exactly one PEM block and nothing around it");
        assertPemIssue(good.replace("-----END PUBLIC KEY-----", "-----END CERTIFICATE-----"),
                "PEM block begins as 'PUBLIC KEY' but ends as 'CERTIFICATE'");
        assertPemIssue(good.replace("PUBLIC KEY", "CERTIFICATE"), "a certificate was sent instead of a public key");
        assertPemIssue(good.replace("PUBLIC KEY", "RSA PUBLIC KEY"), "PKCS#1 'RSA PUBLIC KEY' blocks are not accepted");
        String base64Der = Base64.getEncoder().encodeToString(Base64.getMimeDecoder().decode(String.join("", lines)));
        assertPemIssue(base64Der, "not in PEM format: no '-----BEGIN PUBLIC KEY-----' line");
    }

    @Test
    void keysThatAreNotRsa() {
        assertPemIssue(TestPems.ecPublic(), "the PEM holds a key of type EC; only RSA keys are supported");
        assertPemIssue(TestPems.ed25519Public(), "the PEM holds a key of type Ed25519; only RSA keys are supported");
    }

    @Test
    void rsaKeysUnder2048Bits() {
        assertPemIssue(TestPems.rsaPublic(1024), "the RSA key has 1024 bits; at least 2048 are required");
        assertPemIssue(TestPems.rsaPublic(2040), "the RSA key has 2040 bits; at least 2048 are required");
    }

    @Test
    void privateKeysAreRefusedAndNeverEchoed() {
        String rsaPrivate = TestPems.rsa2048Private();
        String ecPrivate = TestPems.ecPrivate();
        String pkcs1Label = rsaPrivate.replace("PRIVATE KEY", "RSA PRIVATE KEY");
        String publicThenPrivate = TestPems.rsa2048Public() + rsaPrivate;
        for (String pem : List.of(rsaPrivate, ecPrivate, pkcs1Label, publicThenPrivate,
                rsaPrivate.replace("PRIVATE KEY", "ENCRYPTED PRIVATE KEY"))) {
            SandboxHttp.Response response = post(body(b -> b.put("publicKeyPem", pem)));
            JsonNode issue = onlyIssue(response.assertProblem(400));
            assertEquals("publicKeyPem", issue.get("field").asText());
            assertEquals("a private key was sent; only the public key may leave your system", issue.get("detail").asText());
            assertFalse(issue.has("value"));
            assertFalse(response.body().contains("-----"), response.body());
            for (String line : TestPems.bodyLines(pem)) {
                assertFalse(response.body().contains(line.substring(0, Math.min(line.length(), 16))),
                        "no piece of the private key comes back");
            }
        }
    }

    @Test
    void theInvalidPemIsNeverEchoed() {
        String pem = TestPems.ecPublic();
        SandboxHttp.Response response = post(body(b -> b.put("publicKeyPem", pem)));
        assertFalse(onlyIssue(response.assertProblem(400)).has("value"));
        assertFalse(response.body().contains(TestPems.bodyLines(pem)[0]));
    }

    @Test
    void bodyThatIsNotAJsonObject() {
        for (String body : List.of("not json", "{\"label\":", "[]", "\"text\"", "42", "null")) {
            JsonNode problem = post(body).assertProblem(400);
            assertEquals("body", onlyIssue(problem).get("field").asText(), body);
        }
        SandboxHttp.Response empty = SandboxHttp.send(HttpRequest.newBuilder(api.server.ampersandBaseUrl()
                        .resolve("/v1" + KEYS)).header("X-Api-Key", api.server.ampersandApiKey())
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals("request body is empty", empty.assertProblem(400).get("detail").asText());
    }

    @Test
    void everyIssueIsReportedAtOnce() {
        JsonNode problem = post("{\"label\":\"\",\"algorithm\":\"ES256\",\"publicKeyPem\":"
                + api.quote(TestPems.rsaPublic(1024)) + "}").assertProblem(400);
        assertEquals("invalid request: 3 fields failed validation", problem.get("detail").asText());
        assertEquals(List.of("label", "algorithm", "publicKeyPem"), SandboxHttp.texts(problem.get("validationIssues"), "field"));
        for (JsonNode issue : problem.get("validationIssues")) {
            assertFalse(issue.get("detail").asText().isBlank());
            assertFalse(issue.get("remedy").asText().isBlank());
        }
    }

    @Test
    void aValidBodyForAnUnknownProjectIs404() {
        JsonNode problem = api.v1("POST", "/projects/partner-ss0/jwt-keys", body(b -> { })).assertProblem(404);
        assertEquals("project not found", problem.get("detail").asText());
    }

    private static String body(java.util.function.Consumer<ObjectNode> change) {
        ObjectNode body = Json.object();
        body.put("label", "validation-test");
        body.put("algorithm", "RS256");
        body.put("publicKeyPem", TestPems.rsa2048Public());
        change.accept(body);
        return Json.text(body);
    }

    private static SandboxHttp.Response post(String body) {
        return api.v1("POST", KEYS, body);
    }

    private static void assertIssue(String body, String field, String detail) {
        JsonNode issue = onlyIssue(post(body).assertProblem(400));
        assertEquals(field, issue.get("field").asText(), body);
        assertEquals(detail, issue.get("detail").asText(), body);
        assertFalse(issue.get("remedy").asText().isBlank());
    }

    private static void assertPemIssue(String pem, String detail) {
        JsonNode problem = post(body(b -> b.put("publicKeyPem", pem))).assertProblem(400);
        assertEquals("invalid public key", problem.get("detail").asText());
        JsonNode issue = onlyIssue(problem);
        assertEquals("publicKeyPem", issue.get("field").asText());
        assertEquals(detail, issue.get("detail").asText(), pem);
        assertNull(issue.get("value"));
    }

    private static JsonNode onlyIssue(JsonNode problem) {
        JsonNode issues = problem.get("validationIssues");
        assertEquals(1, issues.size(), problem.toString());
        assertTrue(issues.get(0).get("field").isTextual());
        return issues.get(0);
    }
}
