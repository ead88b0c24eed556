package io.keyward.roundtrip;

import io.keyward.crypto.PublicKeyPem;
import io.keyward.crypto.RsaKeyGeneration;
import io.keyward.crypto.RsaPublicKeyInfo;
import io.keyward.gateway.Authentication;
import io.keyward.gateway.ConnectionSettings;
import io.keyward.gateway.Failure;
import io.keyward.gateway.GatewayException;
import io.keyward.gateway.ProblemDetails;
import io.keyward.gateway.ampersand.AmpersandClient;
import io.keyward.model.JwtKey;
import io.keyward.model.JwtKeyUpdate;
import io.keyward.model.NewJwtKey;
import io.keyward.model.Project;
import io.keyward.model.Secret;
import io.keyward.sandbox.SandboxOptions;
import io.keyward.sandbox.SandboxServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Ampersand client against the embedded sandbox's /v1, over real HTTP on loopback: both were
 * written from the published contract (shared/reference/ampersand/jwt-keys-openapi.yaml), and these
 * round trips prove they agree on it. Every request is recorded on its way out ({@link RequestLog}),
 * so "sent once" and "sent as this path" are checked on the wire, not inferred.
 */
class AmpersandRoundTripTest {

    static final String PAYMENTS = "payments-prod";
    static final String PORTAL = "Kundenportal Zürich";
    static final String PORTAL_ENCODED = "Kundenportal%20Z%C3%BCrich";
    static final String PARTNER_SSO = "partner-sso";
    static final String ANALYTICS = "analytics-staging";

    SandboxServer sandbox;
    RequestLog wire;
    AmpersandClient client;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults());
        wire = new RequestLog();
        client = clientWith(sandbox.ampersandApiKey());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    AmpersandClient clientWith(String apiKey) {
        return clientWith(ConnectionSettings.of(sandbox.ampersandBaseUrl(), new Authentication.ApiKey(Secret.of(apiKey))));
    }

    /** As the brief's client, with a recording base OkHttpClient (AmpersandClient's public two-argument constructor). */
    AmpersandClient clientWith(ConnectionSettings settings) {
        return new AmpersandClient(settings, wire.client());
    }

    Project project(String name) {
        return client.listProjects().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no project " + name));
    }

    static GatewayException fails(Executable call) {
        return assertThrows(GatewayException.class, call);
    }

    static BigInteger modulus(String pem) throws Exception {
        return PublicKeyPem.parse(pem).key().getModulus();
    }

    static JwtKey only(List<JwtKey> keys, Predicate<JwtKey> which) {
        List<JwtKey> found = keys.stream().filter(which).toList();
        assertEquals(1, found.size(), "expected exactly one match in " + labels(keys));
        return found.get(0);
    }

    static List<String> labels(List<JwtKey> keys) {
        return keys.stream().map(JwtKey::label).toList();
    }

    // ------------------------------------------------------------------ the demo, as the client sees it

    @Test
    void theDemoProjectsAndKeysAsTheClientSeesThem() throws Exception {
        List<Project> projects = client.listProjects();
        assertEquals(Map.of(PAYMENTS, "Payments", PORTAL, "Kundenportal", PARTNER_SSO, "Partner SSO", ANALYTICS, "Analytics"),
                projects.stream().collect(Collectors.toMap(Project::name, Project::description)),
                "appName arrives as the description");
        assertTrue(projects.stream().allMatch(p -> p.id() != null && !p.id().isBlank()), projects.toString());
        assertEquals(projects.size(), projects.stream().map(Project::id).distinct().count(), "ids are distinct");

        Project portal = project(PORTAL);
        wire.clear();
        List<JwtKey> byId = client.listJwtKeys(portal, false);
        List<JwtKey> byName = client.listJwtKeys(Project.named(PORTAL), false);
        assertEquals(List.of("/v1/projects/" + portal.id() + "/jwt-keys", "/v1/projects/" + PORTAL_ENCODED + "/jwt-keys"),
                wire.paths("GET"), "a listed project goes by id, Project.named by its encoded name");
        assertFalse(byId.isEmpty());
        assertEquals(byId, byName, "the same keys by id and by name");

        List<JwtKey> sso = client.listJwtKeys(project(PARTNER_SSO), false);
        assertEquals(1, sso.stream().filter(JwtKey::isActive).count(), labels(sso).toString());
        assertTrue(sso.size() > 1, "partner-sso also has an inactive key");

        List<JwtKey> payments = client.listJwtKeys(project(PAYMENTS), false);
        Map<String, List<String>> idsByLabel = payments.stream().collect(Collectors.groupingBy(JwtKey::label,
                Collectors.mapping(JwtKey::id, Collectors.toList())));
        assertEquals(1, idsByLabel.values().stream().filter(ids -> ids.size() == 2).count(),
                "payments-prod has two keys sharing one label: " + idsByLabel);

        assertEquals(List.of(), client.listJwtKeys(project(ANALYTICS), false));
        assertEquals(List.of(), client.listJwtKeys(Project.named(ANALYTICS), true));

        int keys = 0;
        for (Project p : projects) {
            for (JwtKey k : client.listJwtKeys(p, false)) {
                RsaPublicKeyInfo pem = PublicKeyPem.parse(k.publicKeyPem());
                assertTrue(pem.bits() >= 2048, k.label() + ": " + pem.bits() + " bits");
                assertEquals(p.id(), k.projectId(), k.label());
                assertEquals("RSA", k.algorithm(), k.label());
                assertNotNull(k.active(), k.label());
                assertFalse(k.updateTime().isBefore(k.createTime()), k.label());
                assertEquals(k, client.getJwtKey(p, k.id()), "get agrees with the list: " + k.label());
                keys++;
            }
        }
        assertEquals(10, keys, "the demo's keys, all read");
    }

    @Test
    void activeOnlyIsExactlyTheActiveKeysOfTheFullList() {
        boolean filtered = false;
        for (Project p : client.listProjects()) {
            for (Project address : List.of(p, Project.named(p.name()))) {
                List<JwtKey> all = client.listJwtKeys(address, false);
                List<JwtKey> active = client.listJwtKeys(address, true);
                assertEquals(all.stream().filter(JwtKey::isActive).toList(), active, p.name());
                filtered |= !active.isEmpty() && active.size() < all.size();
            }
        }
        assertTrue(filtered, "some project has both active and inactive keys, so the filter was really applied");
        assertTrue(wire.paths("GET").stream().anyMatch(path -> path.endsWith("/jwt-keys?active=true")), wire.all().toString());
    }

    // ------------------------------------------------------------------ create, update, delete

    @Test
    void aCreatedKeyIsListedActiveWithItsLabelAndPublicKey() throws Exception {
        RsaKeyGeneration fresh = RsaKeyGeneration.generate(2048);
        Project payments = project(PAYMENTS);
        List<JwtKey> before = client.listJwtKeys(payments, false);
        Instant sent = Instant.now();
        wire.clear();

        String kid = client.createJwtKey(payments, new NewJwtKey("rt-created", fresh.spkiPem()));

        assertEquals(List.of(new RequestLog.Exchange("POST", "/v1/projects/" + payments.id() + "/jwt-keys", 201)),
                wire.all(), "one POST, answered 201");
        assertNotNull(kid);
        assertFalse(kid.isBlank());
        List<JwtKey> after = client.listJwtKeys(payments, false);
        assertEquals(before.size() + 1, after.size());
        assertTrue(after.containsAll(before), "the other keys are untouched");
        JwtKey created = only(after, k -> k.id().equals(kid));
        assertEquals("rt-created", created.label());
        assertEquals(Boolean.TRUE, created.active());
        assertEquals(payments.id(), created.projectId());
        assertEquals("RSA", created.algorithm(), "sent as RS256 (request schema), reported as RSA (JWTKey schema)");
        assertEquals(fresh.publicKey().key().getModulus(), modulus(created.publicKeyPem()));
        assertEquals(fresh.publicKey().key().getPublicExponent(), PublicKeyPem.parse(created.publicKeyPem()).key().getPublicExponent());
        assertNotNull(created.createTime());
        assertNotNull(created.updateTime());
        assertFalse(created.createTime().isBefore(sent.minusSeconds(1)), created.createTime() + " vs " + sent);
        assertFalse(created.createTime().isAfter(Instant.now().plusSeconds(1)), created.createTime().toString());
        assertFalse(created.updateTime().isBefore(created.createTime()));
        assertEquals(created, client.getJwtKey(payments, kid));
        assertEquals(created, client.getJwtKey(Project.named(PAYMENTS), kid));
        assertTrue(client.listJwtKeys(payments, true).contains(created), "a new key is active");
    }

    @Test
    void renameDeactivateAndActivateChangeOnlyWhatWasAskedAndMoveUpdateTime() {
        Project sso = project(PARTNER_SSO);
        String kid = client.createJwtKey(sso, new NewJwtKey("rt-update", RoundTripKeys.rsa2048(0).spkiPem()));
        JwtKey v0 = client.getJwtKey(sso, kid);
        wire.clear();

        JwtKey v1 = client.updateJwtKey(sso, kid, JwtKeyUpdate.relabel("rt-renamed"));
        assertEquals(v1, client.getJwtKey(sso, kid), "the answer and a fresh get agree");
        assertTrue(v1.updateTime().isAfter(v0.updateTime()), v0.updateTime() + " -> " + v1.updateTime());
        assertEquals(changed(v0, v0.active(), "rt-renamed", v1.updateTime()), v1, "only the label changed");

        JwtKey v2 = client.updateJwtKey(sso, kid, JwtKeyUpdate.activate(false));
        assertEquals(v2, client.getJwtKey(sso, kid));
        assertTrue(v2.updateTime().isAfter(v1.updateTime()), v1.updateTime() + " -> " + v2.updateTime());
        assertEquals(changed(v1, false, v1.label(), v2.updateTime()), v2, "only active changed");
        assertFalse(client.listJwtKeys(sso, true).stream().anyMatch(k -> k.id().equals(kid)), "no longer active");

        JwtKey v3 = client.updateJwtKey(sso, kid, JwtKeyUpdate.activate(true));
        assertEquals(v3, client.getJwtKey(sso, kid));
        assertTrue(v3.updateTime().isAfter(v2.updateTime()));
        assertEquals(changed(v2, true, v2.label(), v3.updateTime()), v3);

        JwtKey v4 = client.updateJwtKey(sso, kid, new JwtKeyUpdate(false, "rt-both"));
        assertEquals(v4, client.getJwtKey(sso, kid));
        assertTrue(v4.updateTime().isAfter(v3.updateTime()));
        assertEquals(changed(v3, false, "rt-both", v4.updateTime()), v4);

        JwtKey v5 = client.updateJwtKey(sso, kid, JwtKeyUpdate.relabel("rt-inactive-renamed"));
        assertEquals(v5, client.getJwtKey(sso, kid));
        assertTrue(v5.updateTime().isAfter(v4.updateTime()));
        assertEquals(changed(v4, false, "rt-inactive-renamed", v5.updateTime()), v5, "renaming leaves an inactive key inactive");

        assertEquals(5, wire.count("PATCH"), "no update was sent twice: " + wire.all());
        assertTrue(wire.all().stream().filter(e -> e.method().equals("PATCH")).allMatch(e -> e.status() == 200), wire.all().toString());
    }

    static JwtKey changed(JwtKey before, Boolean active, String label, Instant updateTime) {
        return new JwtKey(before.id(), before.projectId(), label, before.algorithm(), before.publicKeyPem(), active,
                before.createTime(), updateTime);
    }

    @Test
    void deleteRemovesTheKeyAndASecondDeleteIsNotFoundWithAProblem() {
        Project payments = project(PAYMENTS);
        List<JwtKey> demo = client.listJwtKeys(payments, false);
        String kid = client.createJwtKey(payments, new NewJwtKey("rt-delete", RoundTripKeys.rsa2048(0).spkiPem()));
        wire.clear();

        client.deleteJwtKey(payments, kid);

        assertEquals(List.of(new RequestLog.Exchange("DELETE", "/v1/projects/" + payments.id() + "/jwt-keys/" + kid, 204)),
                wire.all());
        assertEquals(demo, client.listJwtKeys(payments, false), "gone, and nothing else with it");

        GatewayException again = fails(() -> client.deleteJwtKey(payments, kid));
        assertInstanceOf(Failure.NotFound.class, again.failure());
        assertEquals(404, again.httpStatus());
        ProblemDetails problem = again.problem();
        assertNotNull(problem, again.getMessage());
        assertEquals("Not Found", problem.title());
        assertEquals("JWT key not found", problem.detail());
        assertEquals(404, problem.status());
        assertTrue(problem.requestId() != null && !problem.requestId().isBlank(), problem.toString());
        assertTrue(problem.remedy() != null && !problem.remedy().isBlank(), problem.toString());
        assertInstanceOf(Failure.NotFound.class, fails(() -> client.getJwtKey(payments, kid)).failure());

        // A demo key that shares its label with another: deleting by id leaves its twin alone.
        Map<String, List<JwtKey>> byLabel = demo.stream().collect(Collectors.groupingBy(JwtKey::label));
        List<JwtKey> twins = byLabel.values().stream().filter(l -> l.size() == 2).findFirst().orElseThrow();
        client.deleteJwtKey(Project.named(PAYMENTS), twins.get(0).id());
        List<JwtKey> left = client.listJwtKeys(payments, false);
        assertEquals(demo.size() - 1, left.size());
        assertTrue(left.contains(twins.get(1)), "the twin with the same label is still there");
    }

    // ------------------------------------------------------------------ validation

    record Invalid(String what, NewJwtKey key, String field) {
    }

    @Test
    void rejectedCreatesArriveAsValidationProblemsNamingTheFieldAndCreateNothing() {
        Project payments = project(PAYMENTS);
        List<JwtKey> before = client.listJwtKeys(payments, false);
        String pem = RoundTripKeys.rsa2048(0).spkiPem();
        List<Invalid> cases = List.of(
                new Invalid("RSA-1024", new NewJwtKey("rt-short", RoundTripKeys.rsaPublic(1024)), "publicKeyPem"),
                new Invalid("EC P-256", new NewJwtKey("rt-ec", RoundTripKeys.ecPublic()), "publicKeyPem"),
                new Invalid("blank label", new NewJwtKey("   ", pem), "label"),
                new Invalid("256-character label", new NewJwtKey("x".repeat(256), pem), "label"));
        for (Invalid c : cases) {
            wire.clear();
            GatewayException e = fails(() -> client.createJwtKey(payments, c.key()));
            Failure.Validation v = assertInstanceOf(Failure.Validation.class, e.failure(), c.what());
            assertEquals(400, e.httpStatus(), c.what());
            ProblemDetails p = e.problem();
            assertNotNull(p, c.what());
            assertEquals(400, p.status(), c.what());
            assertEquals(List.of(c.field()), p.fieldNames(), c.what());
            assertEquals(List.of(c.field()), v.fieldErrors().stream().map(Failure.FieldError::field).toList(), c.what());
            assertTrue(p.issues().stream().allMatch(i -> i.remedy() != null && !i.remedy().isBlank()),
                    c.what() + ": the sandbox sends a remedy for each issue: " + p.issues());
            assertTrue(p.requestId() != null && !p.requestId().isBlank(), c.what());
            assertTrue(p.explanation().stream().anyMatch(line -> line.startsWith("Field " + c.field())), c.what());
            assertEquals(1, wire.count("POST"), c.what() + ": a 400 naming neither algorithm nor name is not re-sent");
        }
        assertEquals(before, client.listJwtKeys(payments, false), "nothing was created");

        // The boundary: 255 characters (code points, not UTF-16 units or bytes) is still a label.
        String longest = "ä".repeat(254) + "\uD83D\uDD11";
        String kid = client.createJwtKey(payments, new NewJwtKey(longest, pem));
        assertEquals(longest, client.getJwtKey(payments, kid).label());
    }

    @Test
    void rejectedRenamesArriveAsValidationProblemsAndChangeNothing() {
        Project sso = project(PARTNER_SSO);
        JwtKey key = client.listJwtKeys(sso, false).get(0);
        for (JwtKeyUpdate update : List.of(JwtKeyUpdate.relabel(""), JwtKeyUpdate.relabel(" \t "),
                JwtKeyUpdate.relabel("y".repeat(256)), new JwtKeyUpdate(!key.isActive(), "z".repeat(300)))) {
            wire.clear();
            GatewayException e = fails(() -> client.updateJwtKey(sso, key.id(), update));
            assertInstanceOf(Failure.Validation.class, e.failure(), e.getMessage());
            assertEquals(400, e.httpStatus(), e.getMessage());
            assertEquals(List.of("jwtKey.label"), e.problem().fieldNames(), e.getMessage());
            assertTrue(e.problem().requestId() != null && !e.problem().requestId().isBlank());
            assertEquals(1, wire.count("PATCH"), "not re-sent with 'name': the mask was fine, the value was not");
            assertEquals(key, client.getJwtKey(sso, key.id()), "nothing changed, not even active");
        }
    }

    @Test
    void aPrivateKeyIsRefusedByTheClientAndNothingIsSent() {
        Project payments = project(PAYMENTS);
        List<JwtKey> before = client.listJwtKeys(payments, false);
        wire.clear();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> client.createJwtKey(payments, new NewJwtKey("rt-private", RoundTripKeys.rsaPrivate())));

        assertTrue(e.getMessage().contains("Nothing was sent"), e.getMessage());
        assertEquals(List.of(), wire.all(), "no request left the client");
        assertEquals(before, client.listJwtKeys(payments, false));
    }

    // ------------------------------------------------------------------ addressing and authentication

    @Test
    void anUnknownProjectOrKeyIsNotFound() {
        Project nowhere = Project.named("no-such-project");
        String pem = RoundTripKeys.rsa2048(0).spkiPem();
        String someKey = client.listJwtKeys(project(PAYMENTS), false).get(0).id();
        for (Executable call : List.<Executable>of(
                () -> client.listJwtKeys(nowhere, false),
                () -> client.getJwtKey(nowhere, someKey),
                () -> client.createJwtKey(nowhere, new NewJwtKey("rt-nowhere", pem)),
                () -> client.updateJwtKey(nowhere, someKey, JwtKeyUpdate.activate(false)),
                () -> client.deleteJwtKey(nowhere, someKey))) {
            GatewayException e = fails(call);
            assertInstanceOf(Failure.NotFound.class, e.failure(), e.getMessage());
            assertEquals("project not found", e.problem().detail(), e.getMessage());
        }
        // A project's id wins over its name: a stale id does not quietly fall back to the name.
        Project staleId = new Project(UUID.randomUUID().toString(), PAYMENTS, "Payments");
        assertInstanceOf(Failure.NotFound.class, fails(() -> client.listJwtKeys(staleId, false)).failure());

        Project payments = project(PAYMENTS);
        String unknown = UUID.randomUUID().toString();
        for (Executable call : List.<Executable>of(
                () -> client.getJwtKey(payments, unknown),
                () -> client.updateJwtKey(payments, unknown, JwtKeyUpdate.relabel("rt-ghost")),
                () -> client.deleteJwtKey(payments, unknown))) {
            GatewayException e = fails(call);
            assertInstanceOf(Failure.NotFound.class, e.failure(), e.getMessage());
            assertEquals("JWT key not found", e.problem().detail(), e.getMessage());
        }
        // The same key id in another project is not found either: keys are addressed within their project.
        assertInstanceOf(Failure.NotFound.class, fails(() -> client.getJwtKey(project(PARTNER_SSO), someKey)).failure());
    }

    @Test
    void aWrongApiKeyOrAnApinizerTokenIsUnauthorized() {
        for (String wrong : List.of("not-the-key", sandbox.adminToken(), sandbox.readOnlyToken(),
                sandbox.ampersandApiKey() + "x")) {
            AmpersandClient stranger = clientWith(wrong);
            for (Executable call : List.<Executable>of(stranger::listProjects,
                    () -> stranger.listJwtKeys(Project.named(PAYMENTS), false),
                    () -> stranger.createJwtKey(Project.named(PAYMENTS), new NewJwtKey("rt-stranger",
                            RoundTripKeys.rsa2048(0).spkiPem())))) {
                GatewayException e = fails(call);
                assertInstanceOf(Failure.Unauthorized.class, e.failure(), e.getMessage());
                assertEquals(401, e.httpStatus());
                assertFalse(e.getMessage().contains(wrong), "the key is never in a message");
                assertTrue(e.problem() != null && e.problem().requestId() != null, e.getMessage());
            }
        }
        assertEquals(5, client.listJwtKeys(Project.named(PAYMENTS), false).size(), "nothing was created");

        // A pasted key with a stray line break or non-ASCII letter cannot travel in a header at all:
        // refused as unauthorized before sending, and (unlike OkHttp's own refusal) without quoting it.
        wire.clear();
        for (String unsendable : List.of(sandbox.ampersandApiKey() + "\n", sandbox.ampersandApiKey() + "\u00fc")) {
            GatewayException e = fails(clientWith(unsendable)::listProjects);
            assertInstanceOf(Failure.Unauthorized.class, e.failure(), e.getMessage());
            assertFalse(e.getMessage().contains(sandbox.ampersandApiKey()), e.getMessage());
        }
        assertEquals(List.of(), wire.all());
    }

    @Test
    void theBaseUrlIsTheRootThatHoldsProjects() {
        AmpersandClient slash = clientWith(ConnectionSettings.of(java.net.URI.create(sandbox.ampersandBaseUrl() + "/"),
                new Authentication.ApiKey(Secret.of(sandbox.ampersandApiKey()))));
        assertEquals(client.listProjects(), slash.listProjects(), "a trailing slash on the base URL is fine");

        AmpersandClient withoutV1 = clientWith(ConnectionSettings.of(sandbox.baseUrl(),
                new Authentication.ApiKey(Secret.of(sandbox.ampersandApiKey()))));
        GatewayException e = fails(withoutV1::listProjects);
        assertInstanceOf(Failure.NotFound.class, e.failure());
        assertTrue(e.getMessage().contains("check the API base URL"), e.getMessage());
    }

    // ------------------------------------------------------------------ faults

    /** The default client, but its retries do not wait: how long they wait is the transport's test. */
    AmpersandClient quickRetries() {
        return clientWith(ConnectionSettings.of(sandbox.ampersandBaseUrl(),
                new Authentication.ApiKey(Secret.of(sandbox.ampersandApiKey()))).withMaxRetryWait(Duration.ofMillis(20)));
    }

    @Test
    void aBadGatewayPageIsAProtocolFailureAfterTheReadsRetriesAndAChangeIsNotRetried() {
        Project payments = project(PAYMENTS);
        client = quickRetries();
        sandbox.faults().setBadGatewayRate(1.0);
        wire.clear();

        GatewayException e = fails(client::listProjects);

        Failure.Protocol p = assertInstanceOf(Failure.Protocol.class, e.failure());
        assertEquals(502, e.httpStatus());
        assertTrue(p.contentType().startsWith("text/html"), p.contentType());
        assertTrue(p.snippet().contains("502 Bad Gateway"), p.snippet());
        assertFalse(p.snippet().contains("<"), p.snippet());
        assertEquals(1 + ConnectionSettings.DEFAULT_READ_RETRIES, wire.count("GET"),
                "a GET is retried after a 502, then the last answer is the failure: " + wire.all());

        assertInstanceOf(Failure.Protocol.class, fails(() -> client.createJwtKey(payments,
                new NewJwtKey("rt-502", RoundTripKeys.rsa2048(0).spkiPem()))).failure());
        assertEquals(1, wire.count("POST"));
        sandbox.faults().setBadGatewayRate(0);
        assertFalse(labels(client.listJwtKeys(payments, false)).contains("rt-502"));
    }

    @Test
    void aRateLimitCarriesItsRetryAfter() {
        client = quickRetries();
        sandbox.faults().setRateLimitRate(1.0);
        wire.clear();

        GatewayException e = fails(() -> client.listJwtKeys(Project.named(PAYMENTS), false));

        Failure.RateLimited r = assertInstanceOf(Failure.RateLimited.class, e.failure());
        assertEquals(Duration.ofSeconds(60), r.retryAfter());
        assertEquals(429, e.httpStatus());
        assertNotNull(e.problem());
        assertEquals(429, e.problem().status());
        assertNotNull(e.problem().retryAfter(), "the problem's own retryAfter time arrives too");
        assertTrue(e.getMessage().contains("try again in 60 s"), e.getMessage());
        assertEquals(1 + ConnectionSettings.DEFAULT_READ_RETRIES, wire.count("GET"), "a GET is retried after a 429");
    }

    @Test
    void anInternalErrorIsAServerErrorWithItsProblem() {
        sandbox.faults().setErrorRate(1.0);
        wire.clear();

        GatewayException e = fails(() -> client.getJwtKey(Project.named(PAYMENTS), UUID.randomUUID().toString()));

        assertInstanceOf(Failure.ServerError.class, e.failure());
        assertEquals(500, e.httpStatus());
        ProblemDetails p = e.problem();
        assertNotNull(p);
        assertEquals(500, p.status());
        assertEquals("internal server error", p.detail());
        assertFalse(p.causes().isEmpty(), p.toString());
        assertTrue(p.requestId() != null && !p.requestId().isBlank());
        assertEquals(1, wire.count("GET"), "a 500 is an answer, not retried");
    }

    @Test
    void aDroppedConnectionIsANetworkFailureForAReadAndAnUnknownOutcomeForAChangeSentOnce() {
        Project payments = project(PAYMENTS);
        List<JwtKey> before = client.listJwtKeys(payments, false);
        JwtKey target = before.get(1);
        sandbox.faults().setDropRate(1.0);
        wire.clear();

        GatewayException read = fails(() -> client.listJwtKeys(payments, false));
        assertEquals(Failure.NetworkProblem.CLOSED, assertInstanceOf(Failure.Network.class, read.failure()).problem());
        assertEquals(1 + ConnectionSettings.DEFAULT_READ_RETRIES, wire.count("GET"), "a GET is retried after no answer");

        for (Executable mutation : List.<Executable>of(
                () -> client.createJwtKey(payments, new NewJwtKey("rt-dropped", RoundTripKeys.rsa2048(0).spkiPem())),
                () -> client.updateJwtKey(payments, target.id(), new JwtKeyUpdate(false, "rt-dropped")),
                () -> client.deleteJwtKey(payments, target.id()))) {
            GatewayException e = fails(mutation);
            assertEquals(Failure.NetworkProblem.CLOSED, assertInstanceOf(Failure.OutcomeUnknown.class, e.failure()).problem());
            assertTrue(e.getMessage().contains("unknown whether it happened") && e.getMessage().contains("reload"),
                    e.getMessage());
        }
        assertEquals(1, wire.count("POST"), wire.all().toString());
        assertEquals(1, wire.count("PATCH"), wire.all().toString());
        assertEquals(1, wire.count("DELETE"), wire.all().toString());

        sandbox.faults().setDropRate(0);
        assertEquals(before, client.listJwtKeys(payments, false), "the dropped requests changed nothing");
    }

    @Test
    void latencyBeyondTheReadTimeoutIsATimeoutAndALostAnswerIsNeverResent() throws Exception {
        Project payments = project(PAYMENTS);
        JwtKey target = client.listJwtKeys(payments, false).get(1);
        JwtKey victim = client.listJwtKeys(payments, false).get(2);
        // Short read and change timeouts and the default GET retries, so a retried mutation would show on the wire.
        ConnectionSettings shortRead = ConnectionSettings.of(sandbox.ampersandBaseUrl(),
                        new Authentication.ApiKey(Secret.of(sandbox.ampersandApiKey())))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(150), Duration.ofSeconds(10))
                .withMutationTimeout(Duration.ofMillis(150));
        AmpersandClient impatient = clientWith(shortRead);
        sandbox.faults().setLatencyMillis(700);
        wire.clear();

        GatewayException read = fails(clientWith(shortRead.withReadRetries(0))::listProjects);
        assertEquals(Failure.NetworkProblem.TIMEOUT, assertInstanceOf(Failure.Network.class, read.failure()).problem());
        assertEquals(1, wire.count("GET"));
        wire.clear();
        assertInstanceOf(Failure.Network.class, fails(impatient::listProjects).failure());
        assertEquals(1 + ConnectionSettings.DEFAULT_READ_RETRIES, wire.count("GET"), "a GET is retried after a timeout");

        // The sandbox sleeps before it acts, so these mutations are applied after the client gave up:
        // the "answer lost, change made" case. Each must have been sent once and applied once.
        for (Executable mutation : List.<Executable>of(
                () -> impatient.createJwtKey(payments, new NewJwtKey("rt-lost-answer", RoundTripKeys.rsa2048(0).spkiPem())),
                () -> impatient.updateJwtKey(payments, target.id(), JwtKeyUpdate.relabel("rt-lost-rename")),
                () -> impatient.deleteJwtKey(payments, victim.id()))) {
            GatewayException e = fails(mutation);
            assertEquals(Failure.NetworkProblem.TIMEOUT, assertInstanceOf(Failure.OutcomeUnknown.class, e.failure()).problem());
            // It did happen (see below), so the client must not call it failed.
            assertTrue(e.getMessage().contains(": no answer came (the server did not answer in time), so it is unknown "
                    + "whether it happened"), e.getMessage());
        }
        assertEquals(1, wire.count("POST"), wire.all().toString());
        assertEquals(1, wire.count("PATCH"), wire.all().toString());
        assertEquals(1, wire.count("DELETE"), wire.all().toString());

        sandbox.faults().setLatencyMillis(0);
        List<JwtKey> settled = awaitKeys(payments, keys -> labels(keys).contains("rt-lost-answer")
                && labels(keys).contains("rt-lost-rename") && keys.stream().noneMatch(k -> k.id().equals(victim.id())));
        assertEquals(1, settled.stream().filter(k -> k.label().equals("rt-lost-answer")).count(), labels(settled).toString());
        assertEquals("rt-lost-rename", only(settled, k -> k.id().equals(target.id())).label());
        Thread.sleep(300); // nothing else arrives later
        assertEquals(settled, client.listJwtKeys(payments, false));
    }

    List<JwtKey> awaitKeys(Project project, Predicate<List<JwtKey>> done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<JwtKey> keys = client.listJwtKeys(project, false);
        while (!done.test(keys)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the sandbox never applied the timed-out changes: " + labels(keys));
            }
            Thread.sleep(50);
            keys = client.listJwtKeys(project, false);
        }
        return keys;
    }

    @Test
    void aKeyRevokedMidSessionIsUnauthorized() {
        assertFalse(client.listProjects().isEmpty());
        sandbox.faults().setRejectTokens(true);

        GatewayException e = fails(() -> client.listJwtKeys(Project.named(PAYMENTS), false));

        assertInstanceOf(Failure.Unauthorized.class, e.failure());
        assertEquals("invalid API key", e.serverMessage());
        assertFalse(e.getMessage().contains(sandbox.ampersandApiKey()));
    }

    // ------------------------------------------------------------------ names that need encoding

    @Test
    void awkwardLabelsSurviveTheRoundTripUnchanged() {
        Project portal = project(PORTAL);
        String awkward = "rotation / 2026 + 100% öş — Zürich %2F ✓";
        wire.clear();

        String kid = client.createJwtKey(Project.named(PORTAL), new NewJwtKey(awkward, RoundTripKeys.rsa2048(1).spkiPem()));

        assertEquals(List.of("/v1/projects/" + PORTAL_ENCODED + "/jwt-keys"), wire.paths("POST"));
        assertEquals(awkward, only(client.listJwtKeys(portal, false), k -> k.id().equals(kid)).label());
        assertEquals(awkward, client.getJwtKey(Project.named(PORTAL), kid).label());

        String other = "  a+b c/d %41 \"quoted\" \\ tab\tü\nnext line  ";
        assertEquals(other, client.updateJwtKey(portal, kid, JwtKeyUpdate.relabel(other)).label());
        assertEquals(other, client.getJwtKey(portal, kid).label());
        assertEquals(other, client.listJwtKeys(Project.named(PORTAL), true).stream()
                .filter(k -> k.id().equals(kid)).findFirst().orElseThrow().label());
    }

    @Test
    void aProjectNameWithReservedCharactersIsOneSegmentAndNeverAnotherProject() {
        Project payments = project(PAYMENTS);
        List<JwtKey> before = client.listJwtKeys(payments, false);
        String pem = RoundTripKeys.rsa2048(0).spkiPem();
        // Each would reach payments-prod (or its keys) if either side split on '/', decoded twice, or read '+' as a space.
        for (String name : List.of(PAYMENTS + "/jwt-keys", PAYMENTS + "/", "/" + PAYMENTS, "payments%2Dprod",
                "payments+prod", PAYMENTS + "?active=true", PAYMENTS + "#x")) {
            wire.clear();
            GatewayException list = fails(() -> client.listJwtKeys(Project.named(name), false));
            assertInstanceOf(Failure.NotFound.class, list.failure(), name);
            assertEquals("project not found", list.problem().detail(), name + " reached a route, not a project lookup");
            assertTrue(list.problem().causes().stream().anyMatch(c -> c.contains("'" + name + "'")),
                    name + " arrived as one name: " + list.problem().causes());
            assertEquals(1, wire.all().size());
            assertInstanceOf(Failure.NotFound.class,
                    fails(() -> client.createJwtKey(Project.named(name), new NewJwtKey("rt-" + name, pem))).failure(), name);
        }
        assertEquals(before, client.listJwtKeys(payments, false), "nothing was created in payments-prod");

        wire.clear();
        GatewayException dots = fails(() -> client.listJwtKeys(Project.named(".."), false));
        assertInstanceOf(Failure.Unaddressable.class, dots.failure());
        assertEquals(List.of(), wire.all(), "'..' is refused before anything is sent");
    }

    // ------------------------------------------------------------------ concurrency

    @Test
    void eightThreadsCreatingRenamingAndDeletingThroughOneClientLoseNothing() throws Exception {
        Project portal = project(PORTAL);
        List<JwtKey> demo = client.listJwtKeys(portal, false);
        int threads = 8;
        int rounds = 3;
        for (int t = 0; t < threads; t++) {
            RoundTripKeys.rsa2048(t); // generated before the race, so the threads race on HTTP only
        }
        List<Callable<String>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            work.add(() -> {
                String kept = null;
                for (int r = 0; r < rounds; r++) {
                    String kid = client.createJwtKey(portal, new NewJwtKey("conc " + thread + "." + r,
                            RoundTripKeys.rsa2048(thread).spkiPem()));
                    JwtKey renamed = client.updateJwtKey(portal, kid, JwtKeyUpdate.relabel("conc " + thread + "." + r + " ✓"));
                    assertEquals(kid, renamed.id());
                    if (r < rounds - 1) {
                        client.deleteJwtKey(portal, kid);
                    } else {
                        kept = kid;
                    }
                }
                if (thread % 2 == 1) {
                    client.updateJwtKey(portal, kept, JwtKeyUpdate.activate(false));
                }
                return kept;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<String> kept = new ArrayList<>();
        try {
            for (Future<String> f : pool.invokeAll(work, 60, TimeUnit.SECONDS)) {
                kept.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }

        List<JwtKey> after = client.listJwtKeys(portal, false);
        assertTrue(after.containsAll(demo), "the demo keys are untouched");
        List<JwtKey> ours = after.stream().filter(k -> !demo.contains(k)).toList();
        assertEquals(Set.copyOf(kept), ours.stream().map(JwtKey::id).collect(Collectors.toSet()),
                "exactly the last key of each thread remains: " + labels(ours));
        assertEquals(threads, ours.size(), labels(ours).toString());
        for (int t = 0; t < threads; t++) {
            String id = kept.get(t);
            JwtKey k = only(ours, key -> key.id().equals(id));
            assertEquals("conc " + t + "." + (rounds - 1) + " ✓", k.label());
            assertEquals(t % 2 == 0, k.isActive(), k.label());
            assertEquals(RoundTripKeys.rsa2048(t).publicKey().key().getModulus(), modulus(k.publicKeyPem()), k.label());
        }
        long mutations = wire.count("POST") + wire.count("PATCH") + wire.count("DELETE");
        assertEquals(threads * rounds * 2L + threads * (rounds - 1L) + threads / 2, mutations,
                "every mutation sent exactly once");
    }
}
