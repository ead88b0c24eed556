package io.keyward.gateway.apinizer;

import io.keyward.gateway.Authentication;
import io.keyward.gateway.ConnectionSettings;
import io.keyward.gateway.Failure;
import io.keyward.gateway.GatewayException;
import io.keyward.model.Credential;
import io.keyward.model.CredentialSlot;
import io.keyward.model.CryptoKey;
import io.keyward.model.Environment;
import io.keyward.model.Jwk;
import io.keyward.model.DerivedJwkPolicy;
import io.keyward.model.JwkSourceType;
import io.keyward.model.JwkUpdate;
import io.keyward.model.MutationResult;
import io.keyward.model.Project;
import io.keyward.model.Secret;
import io.keyward.gateway.apinizer.TokenGrant;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exact wire format of every call (method, raw path with encoding and trailing slash, query,
 * headers, body) and the parsing of the published success bodies, against OkHttp's MockWebServer.
 */
class ApinizerClientWireTest {

    static final String TOKEN = "tok-3f9a1c2e-very-secret";

    MockWebServer server;
    ApinizerClient client;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        client = new ApinizerClient(ConnectionSettings.of(server.url("/").uri(),
                new Authentication.PersonalToken(Secret.of(TOKEN))));
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    void answer(String json) {
        server.enqueue(new MockResponse().setResponseCode(200)
                .setHeader("Content-Type", "application/json;charset=UTF-8").setBody(json));
    }

    RecordedRequest taken() throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no request reached the server");
        }
        return r;
    }

    static void assertAuthorized(RecordedRequest r) {
        assertEquals("Bearer " + TOKEN, r.getHeader("Authorization"));
        assertEquals("application/json", r.getHeader("Accept"));
    }

    static final String DEPLOYED = """
            {"success": true, "deploymentResult": {"success": true, "message": "Deployment completed successfully",
              "environmentResults": [
                {"environmentName": "production", "success": true, "message": "Deployed successfully"},
                {"environmentName": "staging", "success": true, "message": "Deployed successfully"}]}}""";

    // ------------------------------------------------------------------ auth/token

    @Test
    void createTokenPostsTheFormWithoutAuthorizationAndParsesTheGrant() throws Exception {
        answer("""
                {"access_token": "eyJhbGciOiJIUzI1NiJ9.new", "token_type": "Bearer", "expires_in": 3600}""");

        TokenGrant grant = client.createToken("ayşe admin", Secret.of("p&ss=wörd+1"));

        RecordedRequest r = taken();
        assertEquals("POST", r.getMethod());
        assertEquals("/apiops/auth/token", r.getPath());
        assertEquals("application/x-www-form-urlencoded", r.getHeader("Content-Type"));
        assertEquals("application/json", r.getHeader("Accept"));
        assertNull(r.getHeader("Authorization"), "the token endpoint takes no bearer token");
        assertEquals("grant_type=client_credentials&client_id=ay%C5%9Fe%20admin&client_secret=p%26ss%3Dw%C3%B6rd%2B1",
                r.getBody().readUtf8());
        assertEquals("eyJhbGciOiJIUzI1NiJ9.new", grant.accessToken().reveal());
        assertEquals("Bearer", grant.tokenType());
        assertEquals(Duration.ofHours(1), grant.expiresIn());
        assertFalse(grant.toString().contains("eyJhbGciOiJIUzI1NiJ9"), "a grant's toString must not show the token");
    }

    @Test
    void createTokenBadCredentialsIsUnauthorized() {
        server.enqueue(new MockResponse().setResponseCode(401).setHeader("Content-Type", "application/json")
                .setBody("{\"error\":\"unauthorized_client\",\"error_description\":\"Bad credentials\"}"));
        GatewayException e = assertThrows(GatewayException.class, () -> client.createToken("admin", Secret.of("nope")));
        assertTrue(e.failure() instanceof Failure.Unauthorized);
        // The token endpoint's answer is never quoted: the status and a fixed sentence.
        assertNull(e.errorCode());
        assertNull(e.serverMessage());
        assertEquals("Signing in as \u201Cadmin\u201D failed: the sign-in was refused (HTTP 401).",
                e.getMessage());
    }

    @Test
    void usernamePasswordFetchesATokenOnceAndUsesIt() throws Exception {
        client = new ApinizerClient(ConnectionSettings.of(server.url("/").uri(),
                new Authentication.UsernamePassword("admin", Secret.of("pw"))));
        answer("{\"access_token\":\"fetched-1\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
        answer("{\"status\":\"SUCCESS\",\"resultList\":[],\"resultCount\":0}");
        answer("{\"status\":\"SUCCESS\",\"resultList\":[],\"resultCount\":0}");

        client.listProjects();
        client.listProjects();

        assertEquals("/apiops/auth/token", taken().getPath());
        assertEquals("Bearer fetched-1", taken().getHeader("Authorization"));
        assertEquals("Bearer fetched-1", taken().getHeader("Authorization"));
        assertEquals(3, server.getRequestCount(), "the token is cached, not fetched per call");
    }

    @Test
    void aFetchedTokenThatGets401IsFetchedAgainNextTime() throws Exception {
        client = new ApinizerClient(ConnectionSettings.of(server.url("/").uri(),
                new Authentication.UsernamePassword("admin", Secret.of("pw"))));
        answer("{\"access_token\":\"first\",\"expires_in\":3600}");
        server.enqueue(new MockResponse().setResponseCode(401)
                .setBody("{\"error\":\"unauthorized_client\",\"error_description\":\"Invalid token\"}"));
        answer("{\"access_token\":\"second\",\"expires_in\":3600}");
        answer("{\"status\":\"SUCCESS\",\"resultList\":[]}");

        assertThrows(GatewayException.class, client::listProjects);
        client.listProjects();

        taken();
        assertEquals("Bearer first", taken().getHeader("Authorization"));
        assertEquals("/apiops/auth/token", taken().getPath());
        assertEquals("Bearer second", taken().getHeader("Authorization"));
    }

    // ------------------------------------------------------------------ projects and environments

    @Test
    void listProjectsUsesTheTrailingSlashAndAcceptsTheStatusQuirk() throws Exception {
        answer("""
                {"status": "SUCCESS", "resultList": [
                   {"name": "default", "description": "description text", "somethingNew": {"x": 1}},
                   {"name": "MyProject", "description": "My project description", "id": "p-7"},
                   {"name": "no-description"}],
                 "resultCount": 3}""");

        List<Project> projects = client.listProjects();

        RecordedRequest r = taken();
        assertEquals("GET", r.getMethod());
        assertEquals("/apiops/projects/", r.getPath());
        assertAuthorized(r);
        // The published list has no id; one a server does send is kept.
        assertEquals(List.of(new Project(null, "default", "description text"),
                new Project("p-7", "MyProject", "My project description"),
                new Project(null, "no-description", "")), projects);
    }

    @Test
    void aListWhoseStatusIsFailureIsAnError() {
        answer("{\"status\":\"FAILURE\",\"resultList\":[],\"error_description\":\"Projects are being migrated\"}");
        GatewayException e = assertThrows(GatewayException.class, client::listProjects);
        assertTrue(e.getMessage().contains("Projects are being migrated"), e.getMessage());
    }

    @Test
    void listEnvironmentsHasNoTrailingSlashAndEncodesTheProject() throws Exception {
        answer("""
                {"success": true, "resultList": [
                  {"name": "production", "description": "Production environment", "type": "KUBERNETES",
                   "status": "PUBLISHED", "accessUrl": "https://api.production.example.com"},
                  {"name": "staging", "type": "KUBERNETES", "status": "PUBLISHED", "deployed": true, "redeployRequired": false}],
                 "resultCount": 2}""");

        List<Environment> envs = client.listEnvironments(Project.named("Partner Gateway/ö"));

        RecordedRequest r = taken();
        assertEquals("GET", r.getMethod());
        assertEquals("/apiops/environments/Partner%20Gateway%2F%C3%B6", r.getPath());
        assertAuthorized(r);
        assertEquals(2, envs.size());
        assertEquals(new Environment("production", "Production environment", "KUBERNETES", "PUBLISHED",
                "https://api.production.example.com", null, null), envs.get(0));
        assertEquals(Boolean.TRUE, envs.get(1).deployed());
        assertEquals(Boolean.FALSE, envs.get(1).redeployRequired());
    }

    @Test
    void environmentsOfAnUnknownProjectInThePublished400FormIsNotFound() {
        server.enqueue(new MockResponse().setResponseCode(400).setHeader("Content-Type", "application/json").setBody("""
                {"error": "bad_request", "error_description": "Project not found for name: (MyProject) or user has not privilege to access it!"}"""));
        GatewayException e = assertThrows(GatewayException.class, () -> client.listEnvironments(Project.named("MyProject")));
        assertTrue(e.failure() instanceof Failure.NotFound, e.failure().toString());
        assertEquals(400, e.httpStatus());
    }

    // ------------------------------------------------------------------ keys

    static final String KEY_JSON = """
            {"id": "k-1", "name": "legacy signing+v1", "description": "Key for API encryption", "projectId": "p-1",
             "keyType": "RSA", "cryptoKeyInfoEnvironmentList": [
               {"environmentName": "production", "publicKey": "MIIBIjANBgkq", "privateKey": "MIIEvQIBADANPRIVATE"},
               {"environmentName": "staging", "publicKey": "MIIBIjANBgkq"}]}""";

    @Test
    void listKeysParsesEnvironmentsAndDropsPrivateKeyMaterial() throws Exception {
        answer("{\"success\": true, \"resultList\": [" + KEY_JSON + "]}");

        List<CryptoKey> keys = client.listKeys(Project.named("payments"));

        RecordedRequest r = taken();
        assertEquals("GET", r.getMethod());
        assertEquals("/apiops/projects/payments/keys/", r.getPath());
        assertAuthorized(r);
        CryptoKey key = keys.get(0);
        assertEquals("k-1", key.id());
        assertEquals("RSA", key.keyType());
        assertEquals(List.of("production", "staging"), key.environmentNames());
        assertTrue(key.environments().get(0).hasPrivateKey());
        assertFalse(key.environments().get(1).hasPrivateKey());
        assertFalse(key.toString().contains("MIIEvQIBADANPRIVATE"), "private key material must not be kept");
    }

    @Test
    void getKeyEncodesSpaceAndKeepsPlusLiteral() throws Exception {
        answer("{\"success\": true, \"resultList\": [" + KEY_JSON + "]}");

        CryptoKey key = client.getKey(Project.named("müşteri-portalı"), "legacy signing+v1");

        RecordedRequest r = taken();
        assertEquals("GET", r.getMethod());
        assertEquals("/apiops/projects/m%C3%BC%C5%9Fteri-portal%C4%B1/keys/legacy%20signing+v1/", r.getPath());
        assertEquals("legacy signing+v1", key.name());
    }

    @Test
    void getKeyWithAnEmptyResultIsNotFound() {
        answer("{\"success\": true, \"resultList\": []}");
        GatewayException e = assertThrows(GatewayException.class, () -> client.getKey(Project.named("p"), "gone"));
        assertTrue(e.failure() instanceof Failure.NotFound);
    }

    @Test
    void deleteKeySendsTheActionAndKeepsTheDeploymentApartFromTheOperation() throws Exception {
        answer("""
                {"success": true, "deploymentResult": {"success": false, "message": "Undeployment completed with errors",
                  "environmentResults": [
                    {"environmentName": "production", "success": true, "message": "Undeployed successfully"},
                    {"environmentName": "staging", "success": false, "message": "gateway did not acknowledge"}]}}""");

        MutationResult result = client.deleteKey(Project.named("payments"), "signing 100%", DerivedJwkPolicy.DELETE);

        RecordedRequest r = taken();
        assertEquals("DELETE", r.getMethod());
        assertEquals("/apiops/projects/payments/keys/signing%20100%25/?jwkDeleteAction=DELETE", r.getPath());
        assertAuthorized(r);
        assertEquals(0, r.getBodySize());
        assertTrue(result.success(), "the key was deleted");
        assertFalse(result.deployment().success());
        assertEquals(MutationResult.Outcome.COMPLETED_WITH_DEPLOYMENT_FAILURES, result.outcome());
        assertEquals("staging", result.deployment().failures().get(0).environmentName());
        assertEquals("gateway did not acknowledge", result.deployment().failures().get(0).message());
    }

    @Test
    void deleteKeyWithNullifySendsNullify() throws Exception {
        answer(DEPLOYED);
        MutationResult result = client.deleteKey(Project.named("payments"), "k", DerivedJwkPolicy.KEEP);
        assertEquals("/apiops/projects/payments/keys/k/?jwkDeleteAction=NULLIFY", taken().getPath());
        assertEquals(MutationResult.Outcome.SUCCEEDED, result.outcome());
        assertEquals(2, result.deployment().environmentResults().size());
    }

    // ------------------------------------------------------------------ JWKs

    @Test
    void listJwksParsesEveryFieldWithoutMaterial() throws Exception {
        answer("""
                {"success": true, "resultList": [
                  {"name": "my-jwk", "description": "JWK for API authentication", "projectId": "project-id",
                   "sourceType": "URL", "sourceId": null, "sourceUrl": "https://example.com/.well-known/jwks.json",
                   "type": "RSA", "kid": "key-id-1"},
                  {"id": "j-2", "name": "derived", "sourceType": "PRIVATE_KEY", "sourceId": "k-1", "type": "EC", "kid": "k2"},
                  {"name": "future", "sourceType": "HSM", "type": "RSA"},
                  {"description": "an entry without a name cannot be addressed"}]}""");

        List<Jwk> jwks = client.listJwks(Project.named("payments"));

        RecordedRequest r = taken();
        assertEquals("GET", r.getMethod());
        assertEquals("/apiops/projects/payments/jwks/", r.getPath());
        assertAuthorized(r);
        assertEquals(3, jwks.size());
        Jwk first = jwks.get(0);
        assertEquals(JwkSourceType.URL, first.sourceType());
        assertEquals("https://example.com/.well-known/jwks.json", first.sourceUrl());
        assertEquals("key-id-1", first.kid());
        assertNull(first.material());
        assertTrue(jwks.get(1).isDerivedFromKey("k-1"));
        assertEquals(JwkSourceType.UNKNOWN, jwks.get(2).sourceType(), "an unknown source type must not break the list");
    }

    @Test
    void getJwkKeepsPublicParametersAndOnlyTheNamesOfPrivateOnes() throws Exception {
        answer("""
                {"success": true, "resultList": [{"name": "ops/rotation 2026", "type": "RSA", "kid": "key-id-1",
                   "sourceType": "GENERATE",
                   "rsa": {"n": "modulus-value", "e": "AQAB", "d": "PRIVATE-EXPONENT", "p": "PRIME1", "q": "PRIME2"}}]}""");

        Jwk jwk = client.getJwk(Project.named("payments"), "ops/rotation 2026");

        RecordedRequest r = taken();
        assertEquals("/apiops/projects/payments/jwks/ops%2Frotation%202026/", r.getPath());
        assertEquals("modulus-value", jwk.material().publicParameters().get("n"));
        assertEquals("AQAB", jwk.material().publicParameters().get("e"));
        assertEquals(java.util.Set.of("d", "p", "q"), jwk.material().privateParameterNames());
        String everything = jwk.toString();
        for (String secret : List.of("PRIVATE-EXPONENT", "PRIME1", "PRIME2")) {
            assertFalse(everything.contains(secret), "private parameter value kept: " + secret);
        }
    }

    @Test
    void getJwkTreatsAnOctKeyAsEntirelySecret() {
        answer("{\"success\": true, \"resultList\": [{\"name\": \"hmac\", \"type\": \"OCT\", \"oct\": {\"k\": \"SECRET-K\"}}]}");
        Jwk jwk = client.getJwk(Project.named("p"), "hmac");
        assertTrue(jwk.material().publicParameters().isEmpty());
        assertEquals(java.util.Set.of("k"), jwk.material().privateParameterNames());
        assertFalse(jwk.toString().contains("SECRET-K"));
    }

    @Test
    void getJwkNotFoundInThe400FormIsNotFound() {
        server.enqueue(new MockResponse().setResponseCode(400)
                .setBody("{\"error\":\"bad_request\",\"error_description\":\"JWK (name: my-jwk) is not found!\"}"));
        GatewayException e = assertThrows(GatewayException.class, () -> client.getJwk(Project.named("p"), "my-jwk"));
        assertTrue(e.failure() instanceof Failure.NotFound);
        assertEquals("JWK (name: my-jwk) is not found!", e.serverMessage());
    }

    @Test
    void updateJwkPutsNameAndDescriptionAsJson() throws Exception {
        answer(DEPLOYED);

        MutationResult result = client.updateJwk(Project.named("payments"), "old name+ş", new JwkUpdate("new-name", "Rotated 2026"));

        RecordedRequest r = taken();
        assertEquals("PUT", r.getMethod());
        assertEquals("/apiops/projects/payments/jwks/old%20name+%C5%9F/", r.getPath());
        assertAuthorized(r);
        assertEquals("application/json; charset=utf-8", r.getHeader("Content-Type"));
        assertEquals("{\"name\":\"new-name\",\"description\":\"Rotated 2026\"}", r.getBody().readUtf8());
        assertEquals(MutationResult.Outcome.SUCCEEDED, result.outcome());
    }

    @Test
    void updateJwkOmitsFieldsThatAreNotChanged() throws Exception {
        answer(DEPLOYED);
        client.updateJwk(Project.named("payments"), "j", new JwkUpdate(null, "only the description"));
        assertEquals("{\"description\":\"only the description\"}", taken().getBody().readUtf8());
    }

    @Test
    void updateJwkRenameConflictIsAlreadyExists() {
        server.enqueue(new MockResponse().setResponseCode(400)
                .setBody("{\"error\":\"bad_request\",\"error_description\":\"JWK (name: updated-jwk) is already exist!\"}"));
        GatewayException e = assertThrows(GatewayException.class,
                () -> client.updateJwk(Project.named("p"), "j", new JwkUpdate("updated-jwk", null)));
        assertTrue(e.failure() instanceof Failure.AlreadyExists);
        assertTrue(e.getMessage().contains("JWK (name: updated-jwk) is already exist!"), e.getMessage());
    }

    @Test
    void updateJwkMissingIsNotFound() {
        server.enqueue(new MockResponse().setResponseCode(400)
                .setBody("{\"error\":\"bad_request\",\"error_description\":\"JWK (name: my-jwk) is not found! Try create operation.\"}"));
        GatewayException e = assertThrows(GatewayException.class,
                () -> client.updateJwk(Project.named("p"), "my-jwk", new JwkUpdate("x", null)));
        assertTrue(e.failure() instanceof Failure.NotFound);
    }

    @Test
    void deleteJwkEncodesSlashAndPercent() throws Exception {
        answer(DEPLOYED);
        client.deleteJwk(Project.named("payments"), "a/b 50%");
        RecordedRequest r = taken();
        assertEquals("DELETE", r.getMethod());
        assertEquals("/apiops/projects/payments/jwks/a%2Fb%2050%25/", r.getPath());
        assertAuthorized(r);
    }

    // ------------------------------------------------------------------ credentials

    @Test
    void listCredentialsParsesPublishedFieldsAndOptionalSlots() throws Exception {
        answer("""
                {"success": true, "resultList": [
                  {"email": "user@example.com", "fullName": "John Doe", "description": "API user credential",
                   "username": "api-user", "password": null, "roleNameList": ["API_USER", "DEVELOPER"], "enabled": true,
                   "ipList": ["192.168.1.100", "10.0.0.0/8"], "expireDate": "2024-12-31T23:59:59.000Z"},
                  {"username": "with-slots", "enabled": false, "validationJwkName": "sig", "encryptionJwkName": null},
                  {"username": "missing-everything"}]}""");

        List<Credential> credentials = client.listCredentials(Project.named("payments"));

        RecordedRequest r = taken();
        assertEquals("GET", r.getMethod());
        assertEquals("/apiops/projects/payments/credentials/", r.getPath());
        assertAuthorized(r);
        Credential published = credentials.get(0);
        assertEquals("John Doe", published.fullName());
        assertEquals(List.of("API_USER", "DEVELOPER"), published.roles());
        assertEquals(List.of("192.168.1.100", "10.0.0.0/8"), published.ipList());
        assertEquals(Instant.parse("2024-12-31T23:59:59Z"), published.expireDate());
        assertFalse(published.slotsReported(), "the published shape does not report slots: unknown, not empty");
        Credential withSlots = credentials.get(1);
        assertTrue(withSlots.slotsReported());
        assertEquals("sig", withSlots.jwks().nameIn(CredentialSlot.VALIDATION));
        assertNull(withSlots.jwks().nameIn(CredentialSlot.ENCRYPTION));
        assertFalse(withSlots.enabled());
        assertTrue(credentials.get(2).roles().isEmpty());
        assertNull(credentials.get(2).expireDate());
    }

    @Test
    void setValidationJwkPutsWithAnEmptyBody() throws Exception {
        answer(DEPLOYED);
        client.setCredentialJwk(Project.named("payments"), "api user", CredentialSlot.VALIDATION, "sig/2026");
        RecordedRequest r = taken();
        assertEquals("PUT", r.getMethod());
        assertEquals("/apiops/projects/payments/credentials/api%20user/jwk/validation/sig%2F2026/", r.getPath());
        assertAuthorized(r);
        assertEquals(0, r.getBodySize());
    }

    @Test
    void setEncryptionJwkUsesTheEncryptionSegment() throws Exception {
        answer(DEPLOYED);
        client.setCredentialJwk(Project.named("payments"), "api-user", CredentialSlot.ENCRYPTION, "enc");
        assertEquals("/apiops/projects/payments/credentials/api-user/jwk/encryption/enc/", taken().getPath());
    }

    @Test
    void removeSlotsDeleteTheSlotPathWithTrailingSlash() throws Exception {
        answer(DEPLOYED);
        answer(DEPLOYED);
        MutationResult result = client.removeCredentialJwk(Project.named("payments"), "ödeme", CredentialSlot.VALIDATION);
        client.removeCredentialJwk(Project.named("payments"), "ödeme", CredentialSlot.ENCRYPTION);
        RecordedRequest v = taken();
        assertEquals("DELETE", v.getMethod());
        assertEquals("/apiops/projects/payments/credentials/%C3%B6deme/jwk/validation/", v.getPath());
        assertAuthorized(v);
        assertEquals("/apiops/projects/payments/credentials/%C3%B6deme/jwk/encryption/", taken().getPath());
        assertEquals("production", result.deployment().environmentResults().get(0).environmentName());
    }

    @Test
    void removeFromAMissingCredentialIsNotFound() {
        server.enqueue(new MockResponse().setResponseCode(400)
                .setBody("{\"error\":\"bad_request\",\"error_description\":\"Credential (username: api-user) was not found!\"}"));
        GatewayException e = assertThrows(GatewayException.class,
                () -> client.removeCredentialJwk(Project.named("p"), "api-user", CredentialSlot.VALIDATION));
        assertTrue(e.failure() instanceof Failure.NotFound);
    }

    // ------------------------------------------------------------------ "." and ".."

    @Test
    void dotAndDotDotNamesInAnySpellingNeverLeaveTheirCollection() {
        for (String name : io.keyward.gateway.http.NameSpellings.REFUSED) {
            Project dot = Project.named(name);
            List<org.junit.jupiter.api.function.Executable> calls = List.of(
                    () -> client.listKeys(dot),
                    () -> client.listEnvironments(dot),
                    () -> client.getKey(Project.named("p"), name),
                    () -> client.deleteKey(Project.named("p"), name, DerivedJwkPolicy.DELETE),
                    () -> client.deleteKey(dot, "k", DerivedJwkPolicy.KEEP),
                    () -> client.getJwk(Project.named("p"), name),
                    () -> client.updateJwk(Project.named("p"), name, new JwkUpdate("x", null)),
                    () -> client.deleteJwk(Project.named("p"), name),
                    () -> client.setCredentialJwk(Project.named("p"), name, CredentialSlot.VALIDATION, "j"),
                    () -> client.setCredentialJwk(Project.named("p"), "u", CredentialSlot.VALIDATION, name),
                    () -> client.removeCredentialJwk(Project.named("p"), name, CredentialSlot.ENCRYPTION));
            for (org.junit.jupiter.api.function.Executable call : calls) {
                GatewayException e = assertThrows(GatewayException.class, call);
                assertEquals(new Failure.Unaddressable(name), e.failure());
                assertTrue(e.getMessage().endsWith("so nothing was sent."), e.getMessage());
            }
        }
        assertEquals(0, server.getRequestCount(), "a request for '.' or '..' would reach the collection or its parent");
    }

    @Test
    void namesThatMerelyContainDotsAreSentAsThemselves() throws Exception {
        for (java.util.Map.Entry<String, String> e : io.keyward.gateway.http.NameSpellings.SENT_AS_THEMSELVES.entrySet()) {
            answer(DEPLOYED);
            client.deleteJwk(Project.named(e.getKey()), e.getKey());
            assertEquals("/apiops/projects/" + e.getValue() + "/jwks/" + e.getValue() + "/", taken().getPath(), e.getKey());
            answer("{\"success\": true, \"resultList\": []}");
            client.listKeys(Project.named(e.getKey()));
            assertEquals("/apiops/projects/" + e.getValue() + "/keys/", taken().getPath(), e.getKey());
        }
    }

    // ------------------------------------------------------------------ base URL handling

    @Test
    void aManagerUrlWithAPathPrefixOrApiopsSuffixIsHonoured() throws Exception {
        for (String base : List.of("/manager", "/manager/", "/manager/apiops", "/manager/apiops/")) {
            ApinizerClient prefixed = new ApinizerClient(ConnectionSettings.of(server.url(base).uri(),
                    new Authentication.PersonalToken(Secret.of(TOKEN))));
            answer(DEPLOYED);
            prefixed.removeCredentialJwk(Project.named("p"), "u", CredentialSlot.VALIDATION);
            assertEquals("/manager/apiops/projects/p/credentials/u/jwk/validation/", taken().getPath(), base);
        }
    }

    @Test
    void toStringAndDescribeNeverShowTheToken() {
        assertFalse(client.toString().contains(TOKEN));
        assertFalse(client.describe().contains(TOKEN));
        assertFalse(ConnectionSettings.of(server.url("/").uri(), new Authentication.PersonalToken(Secret.of(TOKEN)))
                .toString().contains(TOKEN));
    }
}
