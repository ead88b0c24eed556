package io.keyward.gateway.ampersand;

import io.keyward.gateway.Authentication;
import io.keyward.gateway.BackendKind;
import io.keyward.gateway.Capability;
import io.keyward.gateway.ConnectionSettings;
import io.keyward.gateway.Failure;
import io.keyward.gateway.GatewayException;
import io.keyward.model.JwtKey;
import io.keyward.model.JwtKeyUpdate;
import io.keyward.model.NewJwtKey;
import io.keyward.model.Project;
import io.keyward.model.Secret;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.keyward.gateway.ampersand.AmpersandSpec.PEM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exact wire format of every call (method, raw path and its encoding, query, headers, JSON bodies),
 * the spec fallbacks of create and update, and the parsing of the published bodies, against
 * OkHttp's MockWebServer.
 */
class AmpersandClientWireTest {

    static final String API_KEY = "amp-key-7c1d2e3f-super-secret";
    static final Project PAYMENTS = new Project("proj_42", "payments", "Payments");
    static final String KID = "550e8400-e29b-41d4-a716-446655440000";

    MockWebServer server;
    AmpersandClient client;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        client = clientAt("/v1");
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    AmpersandClient clientAt(String basePath) {
        return new AmpersandClient(ConnectionSettings.of(server.url(basePath).uri(),
                new Authentication.ApiKey(Secret.of(API_KEY))));
    }

    void answer(int status, String json) {
        server.enqueue(new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                .setBody(json));
    }

    void problem(int status, String json) {
        server.enqueue(new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/problem+json")
                .setBody(json));
    }

    RecordedRequest taken() throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no request reached the server");
        }
        return r;
    }

    static void assertHeaders(RecordedRequest r) {
        assertEquals(API_KEY, r.getHeader("X-Api-Key"));
        assertNull(r.getHeader("Authorization"), "the API key goes in X-Api-Key only");
        assertEquals("application/json, application/problem+json", r.getHeader("Accept"));
        assertEquals("Keyward/0.1", r.getHeader("User-Agent"));
    }

    static void assertJsonBody(RecordedRequest r, String expected) {
        assertEquals("application/json; charset=utf-8", r.getHeader("Content-Type"));
        assertEquals(expected, r.getBody().readUtf8());
    }

    /** The PEM as Jackson writes it inside a JSON string. */
    static String pemJson() {
        return PEM.replace("\n", "\\n");
    }

    // ------------------------------------------------------------------ projects

    @Test
    void listProjectsGetsProjectsAndMapsTheSchemaIgnoringUnknownFieldsAndNamelessEntries() throws Exception {
        answer(200, "[" + AmpersandSpec.PROJECT + """
                , {"id": "proj_2", "name": "no-app-name", "somethingNew": [1, 2]},
                  {"id": "proj_3", "appName": "an entry without a name cannot be shown"},
                  {"name": "   "}]""");

        List<Project> projects = client.listProjects();

        RecordedRequest r = taken();
        assertEquals("GET", r.getMethod());
        assertEquals("/v1/projects", r.getPath());
        assertHeaders(r);
        assertEquals(0, r.getBodySize());
        assertEquals(List.of(new Project("proj_9f7c3e2a-61b8-4f5c-8d1a-eb24f3b05d79", "mailmonkey-staging", "MailMonkey"),
                new Project("proj_2", "no-app-name", "")), projects);
    }

    // ------------------------------------------------------------------ list and get

    @Test
    void listJwtKeysParsesThePublishedExampleAndAddressesTheProjectById() throws Exception {
        answer(200, AmpersandSpec.KEYS);

        List<JwtKey> keys = client.listJwtKeys(PAYMENTS, false);

        RecordedRequest r = taken();
        assertEquals("GET", r.getMethod());
        assertEquals("/v1/projects/proj_42/jwt-keys", r.getPath(), "by id, no trailing slash, no query");
        assertHeaders(r);
        assertEquals(2, keys.size());
        assertEquals(new JwtKey(KID, "123e4567-e89b-12d3-a456-426614174000", "production-key-1", "RSA",
                "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA4f5wg5l2hKsTeNem/V41\n-----END PUBLIC KEY-----\n",
                true, Instant.parse("2024-01-15T10:30:00Z"), Instant.parse("2024-01-15T10:30:00Z")), keys.get(0));
        assertEquals(Boolean.FALSE, keys.get(1).active());
        assertEquals("development-key-1", keys.get(1).label());
        assertEquals(Instant.parse("2024-01-12T14:20:00Z"), keys.get(1).updateTime());
    }

    @Test
    void listJwtKeysActiveOnlyAsksWithActiveTrue() throws Exception {
        answer(200, "[]"); // the emptyList example
        assertTrue(client.listJwtKeys(PAYMENTS, true).isEmpty());
        RecordedRequest r = taken();
        assertEquals("/v1/projects/proj_42/jwt-keys?active=true", r.getPath());
        assertEquals("GET", r.getMethod());
    }

    @Test
    void listJwtKeysAcceptsNameForLabelAndKeepsMissingActiveUnknown() {
        answer(200, """
                [{"id": "k1", "name": "named-like-the-examples", "active": true, "createTime": "yesterday", "extra": {"x": 1}},
                 {"id": "k2", "label": "label wins", "name": "ignored", "updateTime": "2024-01-16T15:45:00+02:00"},
                 {"label": "an entry without an id cannot be addressed"},
                 {"id": "", "label": "nor one with an empty id"},
                 null,
                 {"id": "k3"}]""");

        List<JwtKey> keys = client.listJwtKeys(Project.named("p"), false);

        assertEquals(List.of("k1", "k2", "k3"), keys.stream().map(JwtKey::id).toList());
        assertEquals("named-like-the-examples", keys.get(0).label());
        assertNull(keys.get(0).createTime(), "an unreadable time is unknown");
        assertEquals("label wins", keys.get(1).label());
        assertNull(keys.get(1).active(), "a missing active flag is unknown, never false");
        assertFalse(keys.get(1).isActive());
        assertEquals(Instant.parse("2024-01-16T13:45:00Z"), keys.get(1).updateTime());
        assertEquals("", keys.get(2).label());
        assertNull(keys.get(2).algorithm());
    }

    @Test
    void getJwtKeyParsesThePublishedExample() throws Exception {
        answer(200, AmpersandSpec.KEY);

        JwtKey key = client.getJwtKey(PAYMENTS, KID);

        RecordedRequest r = taken();
        assertEquals("GET", r.getMethod());
        assertEquals("/v1/projects/proj_42/jwt-keys/" + KID, r.getPath());
        assertHeaders(r);
        assertEquals(KID, key.id());
        assertEquals("production-key-1", key.label());
        assertEquals(Boolean.TRUE, key.active());
    }

    @Test
    void aProjectWithoutIdIsAddressedByItsNameAndEveryNameIsEncodedPerSegment() throws Exception {
        Map<String, String> encoded = Map.of(
                "pay ments", "pay%20ments",
                "a/b", "a%2Fb",
                "a+b", "a+b",
                "100%", "100%25",
                "müşteri ü", "m%C3%BC%C5%9Fteri%20%C3%BC",
                "q?x#y", "q%3Fx%23y",
                "...", "...",
                ".hidden", ".hidden",
                "v1.2", "v1.2",
                "%2e%2ex", "%252e%252ex");
        for (Map.Entry<String, String> e : encoded.entrySet()) {
            answer(200, "{\"id\": \"k\"}");
            client.getJwtKey(Project.named(e.getKey()), e.getKey());
            RecordedRequest r = taken();
            assertEquals("/v1/projects/" + e.getValue() + "/jwt-keys/" + e.getValue(), r.getPath(), e.getKey());
        }
    }

    // ------------------------------------------------------------------ "." and ".."

    @Test
    void dotAndDotDotNamesInAnySpellingNeverLeaveTheirCollection() {
        for (String name : io.keyward.gateway.http.NameSpellings.REFUSED) {
            Project dotProject = Project.named(name);
            Map<String, Executable> calls = new java.util.LinkedHashMap<>();
            calls.put("list keys of project", () -> client.listJwtKeys(dotProject, false));
            calls.put("create in project", () -> client.createJwtKey(dotProject, new NewJwtKey("k", PEM)));
            calls.put("get key", () -> client.getJwtKey(PAYMENTS, name));
            calls.put("update key", () -> client.updateJwtKey(PAYMENTS, name, JwtKeyUpdate.activate(false)));
            calls.put("delete key", () -> client.deleteJwtKey(PAYMENTS, name));
            calls.put("delete key in project", () -> client.deleteJwtKey(dotProject, KID));
            calls.forEach((what, call) -> {
                GatewayException e = assertThrows(GatewayException.class, call, what + " with \"" + name + "\"");
                assertEquals(new Failure.Unaddressable(name), e.failure(), what);
                assertTrue(e.getMessage().contains("nothing was sent"), e.getMessage());
            });
        }
        assertEquals(0, server.getRequestCount(), "a request for '.' or '..' would reach the collection or its parent");
    }

    @Test
    void namesThatMerelyContainDotsAreSentAsThemselves() throws Exception {
        for (Map.Entry<String, String> e : io.keyward.gateway.http.NameSpellings.SENT_AS_THEMSELVES.entrySet()) {
            server.enqueue(new MockResponse().setResponseCode(204));
            client.deleteJwtKey(Project.named(e.getKey()), e.getKey());
            assertEquals("/v1/projects/" + e.getValue() + "/jwt-keys/" + e.getValue(), taken().getPath(), e.getKey());
        }
    }

    @Test
    void aDotDotMessageSaysWhatWasAttempted() {
        GatewayException e = assertThrows(GatewayException.class, () -> client.deleteJwtKey(PAYMENTS, ".."));
        assertEquals("Deleting JWT key \u201C..\u201D in project \u201Cpayments\u201D failed: the name \u201C..\u201D cannot "
                + "be used in a URL path, because it would address the collection's parent instead of the item, so "
                + "nothing was sent.", e.getMessage());
        assertEquals(0, e.httpStatus());
    }

    // ------------------------------------------------------------------ create

    @Test
    void createPostsTheSchemasReadingAndReturnsTheKid() throws Exception {
        answer(201, AmpersandSpec.CREATED);

        String kid = client.createJwtKey(PAYMENTS, new NewJwtKey("production-key-1", PEM));

        assertEquals(KID, kid);
        RecordedRequest r = taken();
        assertEquals("POST", r.getMethod());
        assertEquals("/v1/projects/proj_42/jwt-keys", r.getPath());
        assertHeaders(r);
        assertJsonBody(r, "{\"label\":\"production-key-1\",\"algorithm\":\"RS256\",\"publicKeyPem\":\"" + pemJson() + "\"}");
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void createSendsOnceMoreWithRsaWhenThe400NamesTheAlgorithm() throws Exception {
        problem(400, AmpersandSpec.INVALID_ALGORITHM);
        answer(201, AmpersandSpec.CREATED);

        assertEquals(KID, client.createJwtKey(PAYMENTS, new NewJwtKey("k1", PEM)));

        assertJsonBody(taken(), "{\"label\":\"k1\",\"algorithm\":\"RS256\",\"publicKeyPem\":\"" + pemJson() + "\"}");
        RecordedRequest second = taken();
        assertEquals("POST", second.getMethod());
        assertEquals("/v1/projects/proj_42/jwt-keys", second.getPath());
        assertHeaders(second);
        assertJsonBody(second, "{\"label\":\"k1\",\"algorithm\":\"RSA\",\"publicKeyPem\":\"" + pemJson() + "\"}");
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void createSendsOnceMoreWithRsaWhenOnlyTheDetailNamesTheAlgorithm() throws Exception {
        problem(400, "{\"title\":\"Bad Request\",\"status\":400,\"detail\":\"unsupported algorithm RS256\"}");
        answer(201, AmpersandSpec.CREATED);
        client.createJwtKey(PAYMENTS, new NewJwtKey("k1", PEM));
        taken();
        assertTrue(taken().getBody().readUtf8().contains("\"algorithm\":\"RSA\""));
    }

    @Test
    void createSendsOnceMoreWithNameWhenThe400SaysNameIsMissing() throws Exception {
        problem(400, """
                {"title": "Bad Request", "status": 400, "detail": "The input message is incorrect",
                 "issues": [{"in": "body", "name": "name", "detail": "name is required"}]}""");
        answer(201, AmpersandSpec.CREATED);

        assertEquals(KID, client.createJwtKey(PAYMENTS, new NewJwtKey("k1", PEM)));

        taken();
        assertJsonBody(taken(), "{\"name\":\"k1\",\"algorithm\":\"RS256\",\"publicKeyPem\":\"" + pemJson() + "\"}");
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void createSendsOnceMoreWithNameWhenTheDetailSaysNameIsMissing() throws Exception {
        problem(400, "{\"status\":400,\"detail\":\"missing required field: name\"}");
        answer(201, AmpersandSpec.CREATED);
        client.createJwtKey(PAYMENTS, new NewJwtKey("k1", PEM));
        taken();
        assertTrue(taken().getBody().readUtf8().startsWith("{\"name\":\"k1\",\"algorithm\":\"RS256\""));
    }

    @Test
    void createFixesBothInTheOneExtraRequestWhenThe400NamesBoth() throws Exception {
        problem(400, """
                {"status": 400, "detail": "validation failed",
                 "validationIssues": [{"field": "name", "detail": "required"}, {"field": "algorithm", "detail": "only RSA"}]}""");
        answer(201, AmpersandSpec.CREATED);
        client.createJwtKey(PAYMENTS, new NewJwtKey("k1", PEM));
        taken();
        assertJsonBody(taken(), "{\"name\":\"k1\",\"algorithm\":\"RSA\",\"publicKeyPem\":\"" + pemJson() + "\"}");
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void createNeverSendsMoreThanOneExtraRequest() {
        problem(400, AmpersandSpec.INVALID_ALGORITHM);
        problem(400, AmpersandSpec.INVALID_ALGORITHM);
        answer(201, AmpersandSpec.CREATED); // what a third request would get

        GatewayException e = assertThrows(GatewayException.class,
                () -> client.createJwtKey(PAYMENTS, new NewJwtKey("k1", PEM)));

        assertInstanceOf(Failure.Validation.class, e.failure());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void createSendsNoExtraRequestForAnyOtherRejection() {
        List<MockResponse> others = List.of(
                problemResponse(400, AmpersandSpec.INVALID_PUBLIC_KEY),
                problemResponse(400, "{\"status\":400,\"detail\":\"invalid project name\"}"),
                problemResponse(400, "{\"status\":400,\"detail\":\"label too long\",\"validationIssues\":[{\"field\":\"label\"}]}"),
                problemResponse(422, AmpersandSpec.INVALID_ALGORITHM.replace("400", "422")),
                problemResponse(404, AmpersandSpec.PROJECT_NOT_FOUND),
                problemResponse(409, "{\"status\":409,\"detail\":\"algorithm already registered\"}"),
                new MockResponse().setResponseCode(400).setHeader("Content-Type", "text/html")
                        .setBody("<html><body>400 Bad Request: algorithm</body></html>"),
                new MockResponse().setResponseCode(400));
        int before = 0;
        for (MockResponse rejection : others) {
            server.enqueue(rejection);
            assertThrows(GatewayException.class, () -> client.createJwtKey(PAYMENTS, new NewJwtKey("k1", PEM)));
            assertEquals(before + 1, server.getRequestCount(), "an extra request after " + rejection);
            before = server.getRequestCount();
        }
    }

    static MockResponse problemResponse(int status, String json) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/problem+json")
                .setBody(json);
    }

    @Test
    void createRefusesAPrivateKeyWithoutSendingIt() {
        String privatePem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> client.createJwtKey(PAYMENTS, new NewJwtKey("k", privatePem)));
        assertFalse(e.getMessage().contains("MIIEvQ"));
        assertEquals(0, server.getRequestCount());
    }

    // ------------------------------------------------------------------ update

    @Test
    void deactivatingPatchesOnlyActive() throws Exception {
        answer(200, AmpersandSpec.UPDATED);

        JwtKey key = client.updateJwtKey(PAYMENTS, KID, JwtKeyUpdate.activate(false));

        RecordedRequest r = taken();
        assertEquals("PATCH", r.getMethod());
        assertEquals("/v1/projects/proj_42/jwt-keys/" + KID, r.getPath());
        assertHeaders(r);
        assertJsonBody(r, "{\"updateMask\":[\"active\"],\"jwtKey\":{\"active\":false}}");
        assertEquals("updated-key-name", key.label());
        assertEquals(Boolean.FALSE, key.active());
        assertEquals(Instant.parse("2024-01-16T15:45:00Z"), key.updateTime());
    }

    @Test
    void renamingPatchesOnlyTheLabel() throws Exception {
        answer(200, AmpersandSpec.UPDATED);
        client.updateJwtKey(PAYMENTS, KID, JwtKeyUpdate.relabel("updated-key-name"));
        assertJsonBody(taken(), "{\"updateMask\":[\"label\"],\"jwtKey\":{\"label\":\"updated-key-name\"}}");
    }

    @Test
    void updatingBothPatchesBoth() throws Exception {
        answer(200, AmpersandSpec.UPDATED);
        client.updateJwtKey(PAYMENTS, KID, new JwtKeyUpdate(true, "deprecated-key"));
        assertJsonBody(taken(), "{\"updateMask\":[\"active\",\"label\"],\"jwtKey\":{\"active\":true,\"label\":\"deprecated-key\"}}");
    }

    @Test
    void renamingSendsOnceMoreWithNameWhenTheMaskIsInvalid() throws Exception {
        problem(400, AmpersandSpec.INVALID_MASK);
        answer(200, AmpersandSpec.UPDATED);

        JwtKey key = client.updateJwtKey(PAYMENTS, KID, new JwtKeyUpdate(false, "updated-key-name"));

        assertJsonBody(taken(), "{\"updateMask\":[\"active\",\"label\"],\"jwtKey\":{\"active\":false,\"label\":\"updated-key-name\"}}");
        RecordedRequest second = taken();
        assertEquals("PATCH", second.getMethod());
        assertEquals("/v1/projects/proj_42/jwt-keys/" + KID, second.getPath());
        assertJsonBody(second, "{\"updateMask\":[\"active\",\"name\"],\"jwtKey\":{\"active\":false,\"name\":\"updated-key-name\"}}");
        assertEquals(2, server.getRequestCount());
        assertEquals("updated-key-name", key.label());
    }

    @Test
    void updateSendsNoExtraRequestWhenNothingIsRenamedOrTheRejectionIsAnother() {
        List<Runnable> cases = List.of(
                // the mask is "invalid", but only "active" was sent: "name" would change nothing
                () -> server.enqueue(problemResponse(400, AmpersandSpec.INVALID_MASK)),
                () -> server.enqueue(problemResponse(422, AmpersandSpec.MISSING_VALUE)),
                () -> server.enqueue(problemResponse(400, "{\"status\":400,\"detail\":\"label too long\"}")),
                () -> server.enqueue(problemResponse(404, AmpersandSpec.KEY_NOT_FOUND)));
        List<JwtKeyUpdate> updates = List.of(JwtKeyUpdate.activate(false), JwtKeyUpdate.relabel("x"),
                JwtKeyUpdate.relabel("x"), JwtKeyUpdate.relabel("x"));
        for (int i = 0; i < cases.size(); i++) {
            cases.get(i).run();
            JwtKeyUpdate update = updates.get(i);
            assertThrows(GatewayException.class, () -> client.updateJwtKey(PAYMENTS, KID, update));
            assertEquals(i + 1, server.getRequestCount(), "case " + i);
        }
    }

    @Test
    void updateNeverSendsMoreThanOneExtraRequest() {
        problem(400, AmpersandSpec.INVALID_MASK);
        problem(400, AmpersandSpec.INVALID_MASK);
        answer(200, AmpersandSpec.UPDATED);
        assertThrows(GatewayException.class, () -> client.updateJwtKey(PAYMENTS, KID, JwtKeyUpdate.relabel("x")));
        assertEquals(2, server.getRequestCount());
    }

    // ------------------------------------------------------------------ delete

    @Test
    void deleteSendsDeleteWithoutBodyAndAccepts204And200() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(204));
        server.enqueue(new MockResponse().setResponseCode(200));

        client.deleteJwtKey(PAYMENTS, KID);
        client.deleteJwtKey(Project.named("pay ments"), "key/1");

        RecordedRequest r = taken();
        assertEquals("DELETE", r.getMethod());
        assertEquals("/v1/projects/proj_42/jwt-keys/" + KID, r.getPath());
        assertHeaders(r);
        assertEquals(0, r.getBodySize());
        assertEquals("/v1/projects/pay%20ments/jwt-keys/key%2F1", taken().getPath());
    }

    // ------------------------------------------------------------------ base URL, auth, identity

    @Test
    void theBaseUrlIsTakenWithOrWithoutTrailingSlashAndWithAPathPrefix() throws Exception {
        Map<String, String> expected = Map.of(
                "/v1", "/v1/projects",
                "/v1/", "/v1/projects",
                "/gateway/ampersand/v1/", "/gateway/ampersand/v1/projects",
                "/", "/projects");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            answer(200, "[]");
            clientAt(e.getKey()).listProjects();
            assertEquals(e.getValue(), taken().getPath(), e.getKey());
        }
        // A query or fragment in the base address is refused, not dropped: it may carry a secret.
        int before = server.getRequestCount();
        io.keyward.gateway.GatewayException refused = org.junit.jupiter.api.Assertions.assertThrows(
                io.keyward.gateway.GatewayException.class, () -> clientAt("/v1?debug=1#top").listProjects());
        assertTrue(refused.getMessage().contains("nothing was sent"), refused.getMessage());
        assertEquals(before, server.getRequestCount(), "nothing sent");
    }

    @Test
    void aBaseUrlWithAQueryOrFragmentIsRefusedAndNothingIsSent() {
        // Once stripped silently; now refused (UrlPolicy): a query in a saved address may hold a secret.
        for (String base : List.of("/v1?debug=1#top", "/v1?debug=1", "/v1#top")) {
            GatewayException e = assertThrows(GatewayException.class, () -> clientAt(base).listProjects(), base);
            assertEquals(new Failure.Misconfigured(Failure.Setting.URL), e.failure(), base);
            assertTrue(e.getMessage().startsWith("Loading projects failed, and nothing was sent. The address must not"
                    + " have a "), e.getMessage());
        }
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aMissingV1IsNotGuessed() throws Exception {
        answer(200, "[]");
        new AmpersandClient(ConnectionSettings.of(URI.create("http://127.0.0.1:" + server.getPort()),
                new Authentication.ApiKey(Secret.of(API_KEY)))).listProjects();
        assertEquals("/projects", taken().getPath());
    }

    @Test
    void aNonHttpUrlIsRefused() {
        for (String url : List.of("ftp://api.withampersand.com/v1", "file:///etc/v1", "mailto:a@b.c")) {
            assertThrows(IllegalArgumentException.class, () -> new AmpersandClient(ConnectionSettings.of(URI.create(url),
                    new Authentication.ApiKey(Secret.of(API_KEY)))), url);
        }
    }

    @Test
    void onlyAnApiKeySignsIn() {
        for (Authentication auth : List.of(new Authentication.PersonalToken(Secret.of(API_KEY)),
                new Authentication.UsernamePassword("admin", Secret.of(API_KEY)))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new AmpersandClient(ConnectionSettings.of(server.url("/v1").uri(), auth)));
            assertFalse(e.getMessage().contains(API_KEY));
        }
    }

    @Test
    void itIsAnAmpersandClientWithJwtKeysOnly() {
        assertEquals(BackendKind.AMPERSAND, client.kind());
        assertSame(client, client.jwtKeys().orElseThrow());
        assertEquals(Set.of(Capability.PROJECTS, Capability.JWT_KEYS), client.capabilities());
        assertTrue(client.environments().isEmpty() && client.keys().isEmpty() && client.jwks().isEmpty()
                && client.credentials().isEmpty() && client.credentialJwkSlots().isEmpty());
    }

    @Test
    void describeAndToStringShowTheAddressButNeverTheKey() {
        String base = "http://" + server.getHostName() + ":" + server.getPort() + "/v1";
        assertEquals("Ampersand " + base, clientAt("/v1/").describe());
        assertEquals("AmpersandClient[" + base + "]", client.toString());
        assertFalse(client.toString().contains(API_KEY));
        assertFalse(client.describe().contains(API_KEY));
        AmpersandClient withUserInfo = new AmpersandClient(ConnectionSettings.of(
                URI.create("https://user:" + API_KEY + "@api.withampersand.com/v1"), new Authentication.ApiKey(Secret.of(API_KEY))));
        assertEquals("Ampersand https://api.withampersand.com/v1", withUserInfo.describe());
    }
}
