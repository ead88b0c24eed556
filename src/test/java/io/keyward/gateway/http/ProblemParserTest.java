package io.keyward.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyward.gateway.ProblemDetails;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProblemParserTest {

    static final ObjectMapper JSON = Json.lenientMapper();

    static JsonNode tree(String json) {
        return Json.object(JSON, json);
    }

    @Test
    void everyMemberIsRead() {
        ProblemDetails p = ProblemParser.parse(tree("""
                {"type": "urn:t", "title": "Bad Request", "status": 400, "detail": "it is wrong", "instance": "urn:i",
                 "remedy": "fix it", "causes": ["a", 3, null, {"x": 1}], "requestId": "r-1", "retryable": true,
                 "retryAfter": "2024-04-22T18:55:28.456076Z", "subsystem": "api",
                 "validationIssues": [{"field": "algorithm", "value": "ECDSA", "detail": "only RSA", "remedy": "use RSA"}, "junk"],
                 "issues": [{"name": "items[0].x", "in": "body", "title": "schema mismatch"}]}"""), null, Redactor.none());
        assertEquals(new ProblemDetails("urn:t", "Bad Request", 400, "it is wrong", "urn:i", "fix it", List.of("a", "3"),
                "r-1", true, Instant.parse("2024-04-22T18:55:28.456076Z"), List.of(
                new ProblemDetails.Issue("algorithm", "only RSA", "use RSA", null),
                new ProblemDetails.Issue("items[0].x", "schema mismatch", null, "body"))), p);
    }

    @Test
    void whatIsAProblem() {
        assertTrue(ProblemParser.isProblem(tree("{\"status\": 404}"), "application/problem+json; charset=utf-8"));
        assertTrue(ProblemParser.isProblem(tree("{\"title\": \"Not Found\"}"), "application/json"));
        assertTrue(ProblemParser.isProblem(tree("{\"type\": \"about:blank\"}"), null));
        assertFalse(ProblemParser.isProblem(tree("{\"error\": \"bad_request\", \"error_description\": \"x\"}"), "application/json"));
        assertFalse(ProblemParser.isProblem(tree("{\"type\": \"x\", \"error\": \"bad_request\"}"), null));
        assertFalse(ProblemParser.isProblem(null, "application/problem+json"));
        assertNull(ProblemParser.parse(tree("{\"message\": \"Forbidden\"}"), "application/json", Redactor.none()));
    }

    @Test
    void membersOfTheWrongTypeAreIgnoredNotFatal() {
        ProblemDetails p = ProblemParser.parse(tree("""
                {"title": ["x"], "status": "404", "detail": {"nested": true}, "causes": "just one",
                 "retryable": "false", "retryAfter": "tomorrow", "validationIssues": {"field": "x"}, "issues": 5}"""),
                null, Redactor.none());
        assertNull(p.title());
        assertEquals(404, p.status());
        assertNull(p.detail());
        assertEquals(List.of("just one"), p.causes());
        assertEquals(Boolean.FALSE, p.retryable());
        assertNull(p.retryAfter());
        assertTrue(p.issues().isEmpty());
    }

    @Test
    void quotedTextIsScrubbedAndOnOneLine() {
        ProblemDetails p = ProblemParser.parse(tree("""
                {"detail": "key k-12345 rejected:\\n -----BEGIN PUBLIC KEY-----\\nMIIB\\n-----END PUBLIC KEY-----",
                 "causes": ["k-12345"], "validationIssues": [{"field": "k-12345", "detail": "bad k-12345"}]}"""),
                null, Redactor.of("k-12345"));
        assertEquals("key **** rejected: [PEM removed]", p.detail());
        assertEquals(List.of("****"), p.causes());
        assertEquals(new ProblemDetails.Issue("****", "bad ****", null), p.issues().get(0));
    }
    @Test
    void secretsTheProblemHoldsUnderTheirNamesAreMaskedWhereverItsTextRepeatsThem() {
        ProblemDetails p = ProblemParser.parse(tree("""
                {"title": "Bad Request", "detail": "login hunter22 refused: {\\"password\\": \\"hunter22\\"}",
                 "remedy": "rotate sk-live-0042", "causes": ["qi was QiValue-17"],
                 "validationIssues": [{"field": "jwk.d", "value": "DValue-9988", "detail": "DValue-9988 is private"}],
                 "request": {"password": "hunter22", "client_secret": "sk-live-0042", "jwk": {"qi": "QiValue-17"}}}"""),
                null, Redactor.none());
        assertEquals("login **** refused: {\"password\": \"****\"}", p.detail());
        assertEquals("rotate ****", p.remedy());
        assertEquals(List.of("qi was ****"), p.causes());
        assertEquals(new ProblemDetails.Issue("jwk.d", "**** is private", null), p.issues().get(0));
        assertFalse(String.join(" ", p.explanation()).matches(".*(hunter22|sk-live-0042|QiValue-17|DValue-9988).*"),
                p.explanation().toString());
    }
}
