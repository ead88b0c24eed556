package io.keyward.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** List, get, create, patch and delete under /v1/projects/{p}/jwt-keys, and their 404s. */
class AmpersandJwtKeyTest {
    static final Set<String> KEY_FIELDS = Set.of("id", "projectId", "label", "algorithm", "publicKeyPem", "active",
            "createTime", "updateTime");
    private static final String KEYS = "/projects/payments-prod/jwt-keys";
    private static final String CHECKOUT_2025 = "13d92d15-4642-41aa-9fd2-783ae2cc85ba";
    private static final String LEGACY = "8b30645b-fbbb-4b20-be55-f99954317ce0";
    private SandboxHttp api;

    @BeforeEach
    void start() {
        api = SandboxHttp.start();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void listsEveryKeyWithThePublishedFields() {
        SandboxHttp.Response response = api.v1Get(KEYS);
        assertEquals(200, response.status(), response.body());
        assertEquals("application/json", response.contentType());
        JsonNode keys = response.json();
        assertEquals(5, keys.size());
        for (JsonNode key : keys) {
            assertEquals(KEY_FIELDS, RoutingTest.fieldNames(key), key.toString());
            assertEquals(AmpersandDemoData.PAYMENTS_ID, key.get("projectId").asText());
            assertEquals("RSA", key.get("algorithm").asText());
            assertTrue(key.get("active").isBoolean());
            assertTrue(key.get("publicKeyPem").asText().startsWith("-----BEGIN PUBLIC KEY-----\n"));
            Instant.parse(key.get("createTime").asText());
            Instant.parse(key.get("updateTime").asText());
        }
        assertEquals(2, SandboxHttp.texts(keys, "label").stream().filter(AmpersandDemoData.SHARED_LABEL::equals).count());
    }

    @Test
    void activeTrueListsOnlyActiveKeys() {
        JsonNode all = api.jwtKeys("payments-prod");
        JsonNode active = api.v1Get(KEYS + "?active=true").json();
        assertEquals(4, active.size());
        active.forEach(key -> assertTrue(key.get("active").asBoolean(), key.toString()));
        assertNull(SandboxHttp.findBy(active, "id", LEGACY), "the inactive key is left out");
        // false and absent both mean "all", as the published default says.
        assertEquals(all, api.v1Get(KEYS + "?active=false").json());
        assertEquals(5, all.size());
    }

    @Test
    void anInvalidActiveFlagIs400() {
        for (String value : List.of("yes", "TRUE", "1", "", "true%20")) {
            JsonNode problem = api.v1Get(KEYS + "?active=" + value).assertProblem(400);
            JsonNode issue = problem.get("validationIssues").get(0);
            assertEquals("active", issue.get("field").asText(), value);
            assertFalse(issue.get("remedy").asText().isBlank());
        }
    }

    @Test
    void keysOfTheProjectFoundByIdOrEncodedName() {
        JsonNode byName = api.jwtKeys("Kundenportal%20Z%C3%BCrich");
        assertEquals(3, byName.size());
        assertEquals(byName, api.jwtKeys(AmpersandDemoData.PORTAL_ID));
        assertTrue(SandboxHttp.texts(byName, "label").contains("Zahlungsbestätigung Zürich"));
        assertEquals(0, api.jwtKeys(AmpersandDemoData.ANALYTICS).size(), "a project with no keys lists []");
    }

    @Test
    void getOneKey() {
        SandboxHttp.Response response = api.v1Get(KEYS + "/" + CHECKOUT_2025);
        assertEquals(200, response.status(), response.body());
        assertEquals(SandboxHttp.findBy(api.jwtKeys("payments-prod"), "id", CHECKOUT_2025), response.json());
        assertEquals(response.json(), api.v1Get("/projects/" + AmpersandDemoData.PAYMENTS_ID + "/jwt-keys/"
                + CHECKOUT_2025).json());
    }

    @Test
    void unknownKeysAndProjectsAre404OnEveryKeyRoute() {
        String unknownKey = KEYS + "/" + UUID.randomUUID();
        String otherProjectsKey = "/projects/partner-sso/jwt-keys/" + CHECKOUT_2025;
        for (String path : List.of(unknownKey, otherProjectsKey, KEYS + "/not-a-uuid")) {
            assertKeyNotFound(api.v1Get(path));
            assertKeyNotFound(api.v1("PATCH", path, "{\"updateMask\":[\"active\"],\"jwtKey\":{\"active\":false}}"));
            assertKeyNotFound(api.v1("DELETE", path, null));
        }
        String unknownProject = "/projects/nope/jwt-keys";
        api.v1Get(unknownProject).assertProblem(404);
        api.v1("POST", unknownProject, createBody("label", "x", "RS256")).assertProblem(404);
        api.v1Get(unknownProject + "/" + CHECKOUT_2025).assertProblem(404);
        api.v1("DELETE", unknownProject + "/" + CHECKOUT_2025, null).assertProblem(404);
        assertNotNull(SandboxHttp.findBy(api.jwtKeys("payments-prod"), "id", CHECKOUT_2025),
                "a key is only ever reached through its own project");
    }

    @Test
    void createAnswers201WithKidAndTheKeyIsListedActive() {
        Instant before = Instant.now();
        SandboxHttp.Response response = api.v1("POST", KEYS, createBody("label", "ci-signing", "RS256"));
        Instant after = Instant.now();
        assertEquals(201, response.status(), response.body());
        assertEquals("application/json", response.contentType());
        assertEquals(Set.of("kid"), RoutingTest.fieldNames(response.json()));
        String kid = response.json().get("kid").asText();
        assertEquals(kid, UUID.fromString(kid).toString());

        JsonNode listed = SandboxHttp.findBy(api.jwtKeys("payments-prod"), "id", kid);
        assertNotNull(listed);
        assertEquals("ci-signing", listed.get("label").asText());
        assertEquals("RSA", listed.get("algorithm").asText(), "stored as the response schema's enum says");
        assertTrue(listed.get("active").asBoolean());
        assertEquals(TestPems.rsa2048Public(), listed.get("publicKeyPem").asText());
        assertEquals(AmpersandDemoData.PAYMENTS_ID, listed.get("projectId").asText());
        assertEquals(listed.get("createTime"), listed.get("updateTime"));
        Instant created = Instant.parse(listed.get("createTime").asText());
        assertTrue(!created.isBefore(before.minusMillis(1)) && !created.isAfter(after), created.toString());
        assertTrue(listed.get("createTime").asText().endsWith("Z"), "UTC");
        assertEquals(listed, api.v1Get(KEYS + "/" + kid).json());
        assertNotNull(SandboxHttp.findBy(api.v1Get(KEYS + "?active=true").json(), "id", kid));
    }

    @Test
    void createAcceptsBothReadingsOfTheSpec() {
        // Schema: label + RS256; example: name + RSA; and the two mixed.
        String[][] readings = {{"label", "RS256"}, {"name", "RSA"}, {"label", "RSA"}, {"name", "RS256"}};
        for (String[] reading : readings) {
            String label = "reading-" + reading[0] + "-" + reading[1];
            SandboxHttp.Response response = api.v1("POST", "/projects/partner-sso/jwt-keys",
                    createBody(reading[0], label, reading[1]));
            assertEquals(201, response.status(), response.body());
            JsonNode key = api.v1Get("/projects/partner-sso/jwt-keys/" + response.json().get("kid").asText()).json();
            assertEquals(label, key.get("label").asText());
            assertEquals("RSA", key.get("algorithm").asText());
            assertFalse(key.has("name"), "answers use the response schema's member names only");
        }
        SandboxHttp.Response both = api.v1("POST", "/projects/partner-sso/jwt-keys",
                "{\"label\":\"from-label\",\"name\":\"from-name\",\"algorithm\":\"RS256\",\"publicKeyPem\":"
                        + api.quote(TestPems.rsa2048Public()) + "}");
        assertEquals(201, both.status(), both.body());
        assertEquals("from-label", api.v1Get("/projects/partner-sso/jwt-keys/" + both.json().get("kid").asText())
                .json().get("label").asText(), "label wins when both are sent");
    }

    @Test
    void createKeepsNonAsciiLabelsAndAcceptsA3072BitKeyAndCrlfLines() {
        String pem = TestPems.rsaPublic(3072).replace("\n", "\r\n");
        SandboxHttp.Response response = api.v1("POST", "/projects/Kundenportal%20Z%C3%BCrich/jwt-keys",
                "{\"label\":\"Schlüssel für Zürich ✓\",\"algorithm\":\"RSA\",\"publicKeyPem\":" + api.quote(pem) + "}");
        assertEquals(201, response.status(), response.body());
        JsonNode key = api.v1Get("/projects/" + AmpersandDemoData.PORTAL_ID + "/jwt-keys/"
                + response.json().get("kid").asText()).json();
        assertEquals("Schlüssel für Zürich ✓", key.get("label").asText());
        assertEquals(pem, key.get("publicKeyPem").asText(), "stored as sent");
    }

    @Test
    void patchDeactivates() {
        JsonNode before = api.v1Get(KEYS + "/" + CHECKOUT_2025).json();
        SandboxHttp.Response response = api.v1("PATCH", KEYS + "/" + CHECKOUT_2025,
                "{\"updateMask\":[\"active\"],\"jwtKey\":{\"active\":false}}");
        assertEquals(200, response.status(), response.body());
        JsonNode after = response.json();
        assertEquals(KEY_FIELDS, RoutingTest.fieldNames(after));
        assertFalse(after.get("active").asBoolean());
        assertEquals(before.get("label"), after.get("label"));
        assertEquals(before.get("createTime"), after.get("createTime"));
        assertEquals(before.get("publicKeyPem"), after.get("publicKeyPem"));
        assertTrue(Instant.parse(after.get("updateTime").asText()).isAfter(Instant.parse(before.get("updateTime").asText())));
        assertEquals(after, api.v1Get(KEYS + "/" + CHECKOUT_2025).json(), "the change is stored");
        assertNull(SandboxHttp.findBy(api.v1Get(KEYS + "?active=true").json(), "id", CHECKOUT_2025));

        JsonNode reactivated = api.v1("PATCH", KEYS + "/" + CHECKOUT_2025,
                "{\"updateMask\":[\"active\"],\"jwtKey\":{\"active\":true}}").json();
        assertTrue(reactivated.get("active").asBoolean());
    }

    @Test
    void patchRenamesWithLabelOrName() {
        JsonNode byLabel = patch("{\"updateMask\":[\"label\"],\"jwtKey\":{\"label\":\"renamed-by-label\"}}");
        assertEquals("renamed-by-label", byLabel.get("label").asText());
        assertTrue(byLabel.get("active").asBoolean(), "active is not in the mask");

        // The published examples: mask and value both called "name".
        JsonNode byName = patch("{\"updateMask\":[\"name\"],\"jwtKey\":{\"name\":\"renamed-by-name\"}}");
        assertEquals("renamed-by-name", byName.get("label").asText());
        assertFalse(byName.has("name"));
        // And crossed: the mask says one, the value the other.
        assertEquals("crossed-1", patch("{\"updateMask\":[\"label\"],\"jwtKey\":{\"name\":\"crossed-1\"}}")
                .get("label").asText());
        assertEquals("crossed-2", patch("{\"updateMask\":[\"name\"],\"jwtKey\":{\"label\":\"crossed-2\"}}")
                .get("label").asText());
    }

    @Test
    void patchUpdatesBothAndIgnoresFieldsOutsideTheMask() {
        JsonNode both = patch("{\"updateMask\":[\"active\",\"name\"],\"jwtKey\":{\"active\":false,"
                + "\"name\":\"deprecated-key\"}}");
        assertEquals("deprecated-key", both.get("label").asText());
        assertFalse(both.get("active").asBoolean());

        JsonNode ignored = patch("{\"updateMask\":[\"active\"],\"jwtKey\":{\"active\":true,\"label\":\"ignored\","
                + "\"algorithm\":\"ES256\",\"publicKeyPem\":\"x\",\"id\":\"other\",\"createTime\":\"2000-01-01T00:00:00Z\"}}");
        assertTrue(ignored.get("active").asBoolean());
        assertEquals("deprecated-key", ignored.get("label").asText());
        assertEquals(CHECKOUT_2025, ignored.get("id").asText());
        assertEquals("RSA", ignored.get("algorithm").asText());
        assertEquals(both.get("createTime"), ignored.get("createTime"));
    }

    @Test
    void patchMaskErrorsAre400WithThePublishedWording() {
        String before = api.v1Get(KEYS + "/" + CHECKOUT_2025).body();
        for (String body : List.of("{\"updateMask\":[\"bogus\"],\"jwtKey\":{\"active\":false}}",
                "{\"updateMask\":[\"active\",\"publicKeyPem\"],\"jwtKey\":{\"active\":false}}",
                "{\"updateMask\":[],\"jwtKey\":{\"active\":false}}",
                "{\"jwtKey\":{\"active\":false}}",
                "{\"updateMask\":null,\"jwtKey\":{\"active\":false}}",
                "{\"updateMask\":\"active\",\"jwtKey\":{\"active\":false}}",
                "{\"updateMask\":[1],\"jwtKey\":{\"active\":false}}",
                "{\"updateMask\":[\"Active\"],\"jwtKey\":{\"active\":false}}")) {
            JsonNode problem = api.v1("PATCH", KEYS + "/" + CHECKOUT_2025, body).assertProblem(400);
            assertEquals("Invalid update mask", problem.get("detail").asText(), body);
            assertEquals("Allowed masks: 'active' and 'label'", problem.get("remedy").asText(), body);
            assertEquals("updateMask", problem.get("validationIssues").get(0).get("field").asText(), body);
        }
        assertEquals(before, api.v1Get(KEYS + "/" + CHECKOUT_2025).body(), "nothing changed");
    }

    @Test
    void patchWithoutAValueForTheMaskIs422() {
        String before = api.v1Get(KEYS + "/" + CHECKOUT_2025).body();
        String[][] cases = {
                {"{\"updateMask\":[\"active\"],\"jwtKey\":{}}", "jwtKey.active"},
                {"{\"updateMask\":[\"active\"],\"jwtKey\":{\"active\":\"false\"}}", "jwtKey.active"},
                {"{\"updateMask\":[\"active\"],\"jwtKey\":{\"active\":null}}", "jwtKey.active"},
                {"{\"updateMask\":[\"label\"],\"jwtKey\":{\"active\":false}}", "jwtKey.label"},
                {"{\"updateMask\":[\"name\"],\"jwtKey\":{\"name\":42}}", "jwtKey.name"},
                {"{\"updateMask\":[\"active\"]}", "jwtKey"},
                {"{\"updateMask\":[\"active\"],\"jwtKey\":[false]}", "jwtKey"}};
        for (String[] c : cases) {
            JsonNode problem = api.v1("PATCH", KEYS + "/" + CHECKOUT_2025, c[0]).assertProblem(422);
            assertEquals("value not found for mask", problem.get("detail").asText(), c[0]);
            assertEquals(c[1], problem.get("validationIssues").get(0).get("field").asText(), c[0]);
        }
        // Both masked fields missing: both named.
        JsonNode problem = api.v1("PATCH", KEYS + "/" + CHECKOUT_2025,
                "{\"updateMask\":[\"active\",\"label\"],\"jwtKey\":{}}").assertProblem(422);
        assertEquals(List.of("jwtKey.active", "jwtKey.label"), SandboxHttp.texts(problem.get("validationIssues"), "field"));
        assertEquals(before, api.v1Get(KEYS + "/" + CHECKOUT_2025).body(), "nothing changed");
    }

    @Test
    void patchToABlankOrLongLabelIs400() {
        for (String label : List.of("", "   ", "x".repeat(256))) {
            JsonNode problem = api.v1("PATCH", KEYS + "/" + CHECKOUT_2025,
                    "{\"updateMask\":[\"label\"],\"jwtKey\":{\"label\":\"" + label + "\"}}").assertProblem(400);
            assertEquals("jwtKey.label", problem.get("validationIssues").get(0).get("field").asText());
        }
        assertEquals("checkout-signing-2025", api.v1Get(KEYS + "/" + CHECKOUT_2025).json().get("label").asText());
        assertEquals("x".repeat(255), patch("{\"updateMask\":[\"label\"],\"jwtKey\":{\"label\":\""
                + "x".repeat(255) + "\"}}").get("label").asText(), "255 is still fine");
    }

    @Test
    void everyPatchGetsANewUpdateTime() {
        String previous = api.v1Get(KEYS + "/" + CHECKOUT_2025).json().get("updateTime").asText();
        for (int i = 0; i < 5; i++) {
            String now = patch("{\"updateMask\":[\"active\"],\"jwtKey\":{\"active\":true}}").get("updateTime").asText();
            assertTrue(Instant.parse(now).isAfter(Instant.parse(previous)), previous + " -> " + now);
            previous = now;
        }
    }

    @Test
    void deleteAnswers204ThenTheKeyIsGone() {
        SandboxHttp.Response response = api.v1("DELETE", KEYS + "/" + LEGACY, null);
        assertEquals(204, response.status(), response.body());
        assertEquals("", response.body());
        assertTrue(response.headers().firstValue("Content-Type").isEmpty(), "no body, so no Content-Type");
        assertKeyNotFound(api.v1Get(KEYS + "/" + LEGACY));
        assertKeyNotFound(api.v1("DELETE", KEYS + "/" + LEGACY, null));
        JsonNode remaining = api.jwtKeys("payments-prod");
        assertEquals(4, remaining.size());
        assertNull(SandboxHttp.findBy(remaining, "id", LEGACY));
    }

    @Test
    void deletingOneOfTwoKeysWithTheSameLabelDeletesOnlyThatOne() {
        List<JsonNode> shared = new java.util.ArrayList<>();
        api.jwtKeys("payments-prod").forEach(key -> {
            if (key.get("label").asText().equals(AmpersandDemoData.SHARED_LABEL)) {
                shared.add(key);
            }
        });
        assertEquals(2, shared.size());
        assertEquals(204, api.v1("DELETE", KEYS + "/" + shared.get(1).get("id").asText(), null).status());
        JsonNode remaining = api.jwtKeys("payments-prod");
        assertNotNull(SandboxHttp.findBy(remaining, "id", shared.get(0).get("id").asText()));
        assertNull(SandboxHttp.findBy(remaining, "id", shared.get(1).get("id").asText()));
    }

    private JsonNode patch(String body) {
        SandboxHttp.Response response = api.v1("PATCH", KEYS + "/" + CHECKOUT_2025, body);
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    private String createBody(String labelMember, String label, String algorithm) {
        return "{\"" + labelMember + "\":" + api.quote(label) + ",\"algorithm\":\"" + algorithm + "\",\"publicKeyPem\":"
                + api.quote(TestPems.rsa2048Public()) + "}";
    }

    private static void assertKeyNotFound(SandboxHttp.Response response) {
        JsonNode problem = response.assertProblem(404);
        assertEquals("JWT key not found", problem.get("detail").asText());
        assertEquals("check the key ID and project ID are both correct, and try again", problem.get("remedy").asText());
    }
}
