package io.keyward.roundtrip;

import io.keyward.gateway.Authentication;
import io.keyward.gateway.ConnectionSettings;
import io.keyward.gateway.Failure;
import io.keyward.gateway.GatewayException;
import io.keyward.gateway.apinizer.ApinizerClient;
import io.keyward.model.Credential;
import io.keyward.model.CredentialSlot;
import io.keyward.model.CryptoKey;
import io.keyward.model.Environment;
import io.keyward.model.Jwk;
import io.keyward.model.DerivedJwkPolicy;
import io.keyward.model.JwkUpdate;
import io.keyward.model.MutationResult;
import io.keyward.model.Project;
import io.keyward.model.Secret;
import io.keyward.sandbox.SandboxOptions;
import io.keyward.sandbox.SandboxServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Apinizer client against the embedded sandbox, over real HTTP on loopback. */
class ClientSandboxRoundTripTest {

    SandboxServer sandbox;
    ApinizerClient client;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults());
        client = clientWith(sandbox.adminToken());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    ApinizerClient clientWith(String token) {
        return new ApinizerClient(ConnectionSettings.of(sandbox.baseUrl(),
                new Authentication.PersonalToken(Secret.of(token))));
    }

    static GatewayException fails(Executable call) {
        return assertThrows(GatewayException.class, call);
    }

    /** A project with a key that has at least two derived JWKs, some held by credentials. */
    record Scenario(String project, CryptoKey key, List<Jwk> derived) { }

    Scenario keyWithDerivedJwks() {
        for (Project p : client.listProjects()) {
            List<Jwk> jwks = client.listJwks(Project.named(p.name()));
            for (CryptoKey k : client.listKeys(Project.named(p.name()))) {
                List<Jwk> derived = jwks.stream().filter(j -> j.isDerivedFromKey(k.id())).toList();
                List<String> names = derived.stream().map(Jwk::name).toList();
                boolean held = client.listCredentials(Project.named(p.name())).stream().anyMatch(c ->
                        names.contains(c.jwks().validationJwkName()) || names.contains(c.jwks().encryptionJwkName()));
                if (derived.size() >= 2 && held) {
                    return new Scenario(p.name(), k, derived);
                }
            }
        }
        throw new AssertionError("demo data has no key with 2+ derived JWKs held by a credential");
    }

    // ------------------------------------------------------------------ reads and encoding

    @Test
    void demoDataIsServedInThePublishedShapes() {
        List<Project> projects = client.listProjects();
        assertTrue(projects.size() >= 3, projects.toString());
        for (Project p : projects) {
            assertEquals(List.of("production", "staging", "test"),
                    client.listEnvironments(Project.named(p.name())).stream().map(Environment::name).toList(), p.name());
            List<Jwk> jwks = client.listJwks(Project.named(p.name()));
            assertTrue(jwks.stream().allMatch(j -> j.material() == null), "list responses carry no key material");
            for (CryptoKey k : client.listKeys(Project.named(p.name()))) {
                assertNotNull(k.id());
                assertFalse(k.environments().isEmpty());
            }
        }
        Set<String> types = projects.stream().flatMap(p -> client.listJwks(Project.named(p.name())).stream())
                .map(Jwk::type).collect(Collectors.toSet());
        assertEquals(Set.of("RSA", "EC", "OCT", "OKP"), types);
    }

    @Test
    void everyJwkHasRealMaterialOfItsType() {
        for (Project p : client.listProjects()) {
            for (Jwk listed : client.listJwks(Project.named(p.name()))) {
                Jwk full = client.getJwk(Project.named(p.name()), listed.name());
                assertNotNull(full.material(), full.name());
                Map<String, String> pub = full.material().publicParameters();
                switch (full.type()) {
                    case "RSA" -> assertTrue(pub.get("n").length() > 300 && "AQAB".equals(pub.get("e")), full.name());
                    case "EC" -> assertTrue(pub.containsKey("x") && pub.containsKey("y") && pub.containsKey("crv"));
                    case "OKP" -> assertEquals("Ed25519", pub.get("crv"));
                    case "OCT" -> assertEquals(Set.of("k"), full.material().privateParameterNames());
                    default -> throw new AssertionError("unexpected type " + full.type());
                }
            }
        }
    }

    @Test
    void namesThatNeedEncodingSurviveTheRoundTrip() {
        List<String> projectNames = client.listProjects().stream().map(Project::name).toList();
        assertTrue(projectNames.contains("Partner Gateway") && projectNames.contains("müşteri-portalı"), projectNames.toString());
        String awkward = "rotation / 2026 + 100% öş";
        for (String project : projectNames) {
            Jwk jwk = client.listJwks(Project.named(project)).get(0);
            client.updateJwk(Project.named(project), jwk.name(), new JwkUpdate(awkward, "renamed"));
            assertEquals(awkward, client.getJwk(Project.named(project), awkward).name(), project);
            client.updateJwk(Project.named(project), awkward, new JwkUpdate(jwk.name(), null));
            assertEquals("renamed", client.getJwk(Project.named(project), jwk.name()).description());
        }
        String keyOwner = projectNames.stream()
                .filter(p -> client.listKeys(Project.named(p)).stream().anyMatch(k -> k.name().equals("legacy signing+v1")))
                .findFirst().orElseThrow();
        assertEquals("legacy signing+v1", client.getKey(Project.named(keyOwner), "legacy signing+v1").name());
    }

    // ------------------------------------------------------------------ delete key

    @Test
    void deleteKeyWithNullifyKeepsDerivedJwksWithoutTheirSource() {
        Scenario s = keyWithDerivedJwks();
        List<Credential> before = client.listCredentials(Project.named(s.project()));

        MutationResult result = client.deleteKey(Project.named(s.project()), s.key().name(), DerivedJwkPolicy.KEEP);

        assertEquals(MutationResult.Outcome.SUCCEEDED, result.outcome());
        assertEquals(List.of("production", "staging", "test"),
                result.deployment().environmentResults().stream().map(r -> r.environmentName()).toList());
        assertFalse(client.listKeys(Project.named(s.project())).stream().anyMatch(k -> k.name().equals(s.key().name())));
        Map<String, Jwk> after = byName(client.listJwks(Project.named(s.project())), Jwk::name);
        for (Jwk d : s.derived()) {
            Jwk kept = after.get(d.name());
            assertNotNull(kept, d.name() + " must survive NULLIFY");
            assertNull(kept.sourceId(), "sourceId must be cleared");
            assertEquals(d.sourceType(), kept.sourceType());
        }
        assertEquals(before, client.listCredentials(Project.named(s.project())), "NULLIFY leaves credential slots alone");
    }

    @Test
    void deleteKeyWithDeleteRemovesDerivedJwksAndClearsTheirSlots() {
        Scenario s = keyWithDerivedJwks();
        Set<String> derived = s.derived().stream().map(Jwk::name).collect(Collectors.toSet());

        MutationResult result = client.deleteKey(Project.named(s.project()), s.key().name(), DerivedJwkPolicy.DELETE);

        assertEquals(3, result.deployment().environmentResults().size());
        Set<String> remaining = client.listJwks(Project.named(s.project())).stream().map(Jwk::name).collect(Collectors.toSet());
        assertTrue(remaining.stream().noneMatch(derived::contains), "derived JWKs must be gone: " + remaining);
        for (Credential c : client.listCredentials(Project.named(s.project()))) {
            assertFalse(derived.contains(c.jwks().validationJwkName()), c.username());
            assertFalse(derived.contains(c.jwks().encryptionJwkName()), c.username());
        }
    }

    @Test
    void deletingAMissingKeyIsNotFound() {
        String project = client.listProjects().get(0).name();
        assertInstanceOf(Failure.NotFound.class,
                fails(() -> client.deleteKey(Project.named(project), "no such key", DerivedJwkPolicy.KEEP)).failure());
    }

    // ------------------------------------------------------------------ JWK update and delete

    @Test
    void renameToATakenNameIsAlreadyExistsAndChangesNothing() {
        String project = client.listProjects().get(0).name();
        List<Jwk> jwks = client.listJwks(Project.named(project));
        GatewayException e = fails(() -> client.updateJwk(Project.named(project), jwks.get(0).name(), new JwkUpdate(jwks.get(1).name(), null)));
        assertInstanceOf(Failure.AlreadyExists.class, e.failure());
        assertEquals("JWK (name: " + jwks.get(1).name() + ") is already exist!", e.serverMessage());
        assertEquals(jwks, client.listJwks(Project.named(project)));
    }

    @Test
    void updatingAMissingJwkIsNotFound() {
        String project = client.listProjects().get(0).name();
        GatewayException e = fails(() -> client.updateJwk(Project.named(project), "ghost", new JwkUpdate("x", null)));
        assertInstanceOf(Failure.NotFound.class, e.failure());
        assertTrue(e.serverMessage().contains("Try create operation"), e.serverMessage());
    }

    @Test
    void anUpdateDetachesTheJwkFromItsSource() {
        Scenario s = keyWithDerivedJwks();
        Jwk derived = s.derived().get(0);
        client.updateJwk(Project.named(s.project()), derived.name(), new JwkUpdate(null, "re-described"));
        Jwk after = client.getJwk(Project.named(s.project()), derived.name());
        assertNull(after.sourceId());
        assertNull(after.sourceUrl());
        assertEquals("re-described", after.description());
        assertFalse(after.isAttachedToSource());
    }

    @Test
    void deleteJwkClearsTheSlotsThatHeldIt() {
        Scenario s = keyWithDerivedJwks();
        Credential holder = client.listCredentials(Project.named(s.project())).stream()
                .filter(c -> c.jwks().validationJwkName() != null).findFirst().orElseThrow();
        String jwk = holder.jwks().validationJwkName();

        MutationResult result = client.deleteJwk(Project.named(s.project()), jwk);

        assertTrue(result.success());
        assertFalse(client.listJwks(Project.named(s.project())).stream().anyMatch(j -> j.name().equals(jwk)));
        for (Credential c : client.listCredentials(Project.named(s.project()))) {
            assertFalse(jwk.equals(c.jwks().validationJwkName()) || jwk.equals(c.jwks().encryptionJwkName()), c.username());
        }
    }

    // ------------------------------------------------------------------ credential slots

    @Test
    void setAndRemoveBothSlots() {
        String project = client.listProjects().get(0).name();
        Credential cred = client.listCredentials(Project.named(project)).get(0);
        String jwk = client.listJwks(Project.named(project)).get(0).name();
        for (CredentialSlot slot : CredentialSlot.values()) {
            MutationResult set = client.setCredentialJwk(Project.named(project), cred.username(), slot, jwk);
            assertEquals(3, set.deployment().environmentResults().size());
            assertEquals(jwk, credential(project, cred.username()).jwks().nameIn(slot));

            client.removeCredentialJwk(Project.named(project), cred.username(), slot);
            assertNull(credential(project, cred.username()).jwks().nameIn(slot));

            GatewayException empty = fails(() -> client.removeCredentialJwk(Project.named(project), cred.username(), slot));
            assertInstanceOf(Failure.Validation.class, empty.failure());
            assertTrue(empty.getMessage().contains(cred.username()) && empty.httpStatus() == 400, empty.getMessage());
        }
    }

    @Test
    void settingAMissingJwkOrCredentialIsNotFound() {
        String project = client.listProjects().get(0).name();
        Credential cred = client.listCredentials(Project.named(project)).get(0);
        assertInstanceOf(Failure.NotFound.class, fails(() ->
                client.setCredentialJwk(Project.named(project), cred.username(), CredentialSlot.VALIDATION, "ghost")).failure());
        assertInstanceOf(Failure.NotFound.class, fails(() ->
                client.removeCredentialJwk(Project.named(project), "nobody", CredentialSlot.VALIDATION)).failure());
    }

    Credential credential(String project, String username) {
        return client.listCredentials(Project.named(project)).stream().filter(c -> c.username().equals(username)).findFirst().orElseThrow();
    }

    // ------------------------------------------------------------------ auth

    @Test
    void aWrongTokenIsUnauthorized() {
        GatewayException e = fails(() -> clientWith("not-a-token").listProjects());
        assertInstanceOf(Failure.Unauthorized.class, e.failure());
        assertEquals("Invalid token", e.serverMessage());
    }

    @Test
    void theReadOnlyTokenReadsButCannotChangeAnything() {
        ApinizerClient readOnly = clientWith(sandbox.readOnlyToken());
        String project = readOnly.listProjects().get(0).name();
        Jwk jwk = readOnly.listJwks(Project.named(project)).get(0);
        CryptoKey key = readOnly.listKeys(Project.named(project)).get(0);
        Credential cred = readOnly.listCredentials(Project.named(project)).get(0);
        for (Executable mutation : List.<Executable>of(
                () -> readOnly.deleteKey(Project.named(project), key.name(), DerivedJwkPolicy.DELETE),
                () -> readOnly.updateJwk(Project.named(project), jwk.name(), new JwkUpdate("x", null)),
                () -> readOnly.deleteJwk(Project.named(project), jwk.name()),
                () -> readOnly.setCredentialJwk(Project.named(project), cred.username(), CredentialSlot.VALIDATION, jwk.name()),
                () -> readOnly.removeCredentialJwk(Project.named(project), cred.username(), CredentialSlot.ENCRYPTION))) {
            assertInstanceOf(Failure.Forbidden.class, fails(mutation).failure());
        }
        assertEquals(readOnly.listJwks(Project.named(project)), client.listJwks(Project.named(project)));
        assertEquals(readOnly.listKeys(Project.named(project)).size(), client.listKeys(Project.named(project)).size());
    }

    @Test
    void anUnknownProjectIsNotFoundEverywhere() {
        for (Executable call : List.<Executable>of(
                () -> client.listKeys(Project.named("Nope")), () -> client.listJwks(Project.named("Nope")), () -> client.listCredentials(Project.named("Nope")),
                () -> client.listEnvironments(Project.named("Nope")), () -> client.deleteJwk(Project.named("Nope"), "x"))) {
            assertInstanceOf(Failure.NotFound.class, fails(call).failure());
        }
        assertTrue(fails(() -> client.listKeys(Project.named("Nope"))).serverMessage()
                .contains("Project(Nope) was not found or user does not have privilege to access it!"));
    }

    @Test
    void usernameAndPasswordSignInThroughTheTokenEndpoint() {
        ApinizerClient viaPassword = new ApinizerClient(ConnectionSettings.of(sandbox.baseUrl(),
                new Authentication.UsernamePassword(sandbox.username(), Secret.of(sandbox.password()))));
        assertEquals(client.listProjects(), viaPassword.listProjects());
        String project = viaPassword.listProjects().get(0).name();
        Jwk jwk = viaPassword.listJwks(Project.named(project)).get(0);
        assertTrue(viaPassword.updateJwk(Project.named(project), jwk.name(), new JwkUpdate(null, "via password")).success());

        assertInstanceOf(Failure.Unauthorized.class,
                fails(() -> client.createToken(sandbox.username(), Secret.of("wrong"))).failure());
    }

    // ------------------------------------------------------------------ faults

    @Test
    void aFailingEnvironmentIsReportedApartFromTheOperation() {
        sandbox.faults().setFailingEnvironment("staging");
        String project = client.listProjects().get(0).name();
        Jwk jwk = client.listJwks(Project.named(project)).get(0);

        MutationResult result = client.deleteJwk(Project.named(project), jwk.name());

        assertTrue(result.success(), "the JWK was deleted");
        assertEquals(MutationResult.Outcome.COMPLETED_WITH_DEPLOYMENT_FAILURES, result.outcome());
        assertEquals(List.of("staging"), result.deployment().failures().stream().map(r -> r.environmentName()).toList());
        assertTrue(result.deployment().failures().get(0).message().contains("staging"));
        assertFalse(client.listJwks(Project.named(project)).stream().anyMatch(j -> j.name().equals(jwk.name())), "deleted anyway");
    }

    @Test
    void injectedServerErrorsAreServerErrors() {
        sandbox.faults().setErrorRate(1.0);
        GatewayException e = fails(client::listProjects);
        assertInstanceOf(Failure.ServerError.class, e.failure());
        assertEquals(500, e.httpStatus());
    }

    @Test
    void anInjectedBadGatewayPageIsAProtocolFailure() {
        sandbox.faults().setBadGatewayRate(1.0);
        GatewayException e = fails(client::listProjects);
        Failure.Protocol p = assertInstanceOf(Failure.Protocol.class, e.failure());
        assertEquals(502, e.httpStatus());
        assertTrue(p.contentType().startsWith("text/html"), p.contentType());
        assertFalse(p.snippet().contains("<"));
    }

    @Test
    void anInjectedRateLimitCarriesRetryAfter() {
        sandbox.faults().setRateLimitRate(1.0);
        // Retried as Retry-After asks, capped here so the test does not wait 2 x 10 s.
        ApinizerClient quick = new ApinizerClient(ConnectionSettings.of(sandbox.baseUrl(),
                new Authentication.PersonalToken(Secret.of(sandbox.adminToken()))).withMaxRetryWait(Duration.ofMillis(20)));
        Failure.RateLimited r = assertInstanceOf(Failure.RateLimited.class, fails(quick::listProjects).failure());
        assertEquals(Duration.ofSeconds(60), r.retryAfter());
    }

    @Test
    void anInjectedDropIsAClosedConnectionAndTheMutationDidNotHappen() {
        String project = client.listProjects().get(0).name();
        Jwk jwk = client.listJwks(Project.named(project)).get(0);
        sandbox.faults().setDropRate(1.0);

        GatewayException read = fails(client::listProjects);
        assertEquals(Failure.NetworkProblem.CLOSED, ((Failure.Network) read.failure()).problem());
        GatewayException write = fails(() -> client.deleteJwk(Project.named(project), jwk.name()));
        // Sent, no answer: the client cannot know the sandbox dropped it before acting, so it says unknown.
        assertInstanceOf(Failure.OutcomeUnknown.class, write.failure());

        sandbox.faults().setDropRate(0);
        assertTrue(client.listJwks(Project.named(project)).stream().anyMatch(j -> j.name().equals(jwk.name())));
    }

    @Test
    void injectedLatencyBeyondTheReadTimeoutIsATimeout() {
        sandbox.faults().setLatencyMillis(700);
        ApinizerClient impatient = new ApinizerClient(ConnectionSettings.of(sandbox.baseUrl(),
                        new Authentication.PersonalToken(Secret.of(sandbox.adminToken())))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(150), Duration.ofSeconds(10)).withReadRetries(0));
        assertEquals(Failure.NetworkProblem.TIMEOUT, ((Failure.Network) fails(impatient::listProjects).failure()).problem());
    }

    @Test
    void rejectedTokensMidSessionAreUnauthorized() {
        assertFalse(client.listProjects().isEmpty());
        sandbox.faults().setRejectTokens(true);
        assertInstanceOf(Failure.Unauthorized.class, fails(client::listProjects).failure());
    }

    // ------------------------------------------------------------------ concurrency

    @Test
    void concurrentDeletesAndRenamesLoseNothing() throws Exception {
        String project = client.listProjects().get(0).name();
        List<Jwk> jwks = client.listJwks(Project.named(project));
        assertTrue(jwks.size() >= 6, "need at least 6 JWKs, have " + jwks.size());
        List<Callable<String>> work = new ArrayList<>();
        // Distinct targets: every other JWK deleted, the rest renamed to unique names.
        for (int i = 0; i < jwks.size(); i++) {
            Jwk j = jwks.get(i);
            if (i % 2 == 0) {
                work.add(() -> outcome(() -> client.deleteJwk(Project.named(project), j.name()), "delete " + j.name()));
            } else {
                work.add(() -> outcome(() -> client.updateJwk(Project.named(project), j.name(), new JwkUpdate(j.name() + " (renamed)", null)),
                        "rename " + j.name()));
            }
        }
        // Overlapping targets: four deletes of one JWK, four renames of two JWKs to one name.
        Jwk contested = jwks.get(0);
        for (int i = 0; i < 4; i++) {
            work.add(() -> outcome(() -> client.deleteJwk(Project.named(project), contested.name()), "delete " + contested.name()));
        }
        for (int i = 0; i < 4; i++) {
            Jwk src = jwks.get(i % 2 == 0 ? 1 : 3);
            work.add(() -> outcome(() -> client.updateJwk(Project.named(project), src.name(), new JwkUpdate("same-target", null)),
                    "clash " + src.name()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<String> outcomes = new ArrayList<>();
        try {
            for (Future<String> f : pool.invokeAll(work, 60, TimeUnit.SECONDS)) {
                outcomes.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }

        List<String> remaining = client.listJwks(Project.named(project)).stream().map(Jwk::name).toList();
        assertEquals(remaining.size(), Set.copyOf(remaining).size(), "duplicate names: " + remaining);
        long contestedDeletes = outcomes.stream().filter(o -> o.equals("ok delete " + contested.name())).count();
        assertEquals(1, contestedDeletes, "exactly one delete of the contested JWK succeeds: " + outcomes);
        long clashes = outcomes.stream().filter(o -> o.startsWith("ok clash")).count();
        assertTrue(clashes <= 1, "at most one rename to the same name succeeds: " + outcomes);
        for (int i = 0; i < jwks.size(); i++) {
            String name = jwks.get(i).name();
            assertFalse(i % 2 == 0 && remaining.contains(name), "deleted JWK is back: " + name);
        }
        // Every odd JWK ends up under exactly one of: its own name, "(renamed)", or "same-target".
        int odd = jwks.size() / 2;
        long accounted = jwks.stream().filter(j -> jwks.indexOf(j) % 2 == 1)
                .filter(j -> remaining.contains(j.name()) || remaining.contains(j.name() + " (renamed)")).count()
                + (remaining.contains("same-target") ? 1 : 0);
        assertEquals(odd, accounted, "a renamed JWK went missing: " + remaining + " outcomes " + outcomes);
        assertEquals(jwks.size() - (jwks.size() + 1) / 2, remaining.size(), "remaining " + remaining);
    }

    static String outcome(Executable call, String label) {
        try {
            call.execute();
            return "ok " + label;
        } catch (GatewayException e) {
            return e.failure().getClass().getSimpleName() + " " + label;
        } catch (Throwable t) {
            return "error " + label + " " + t;
        }
    }

    static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        return items.stream().collect(Collectors.toMap(name, Function.identity(), (a, b) -> a));
    }

}
