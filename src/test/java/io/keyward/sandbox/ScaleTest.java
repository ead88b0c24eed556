package io.keyward.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --scale 200}: one more project on each API, listed in full over real HTTP. */
class ScaleTest {
    private static final int SCALE = 200;
    private static final String PROJECT = "/apiops/projects/scale-200/";

    private static SandboxHttp api;

    @BeforeAll
    static void start() {
        api = SandboxHttp.start(SandboxOptions.defaults().withScale(SCALE));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void theScaleProjectIsListedLastAndDeployedToTheDemoEnvironments() {
        List<String> names = texts(list("/apiops/projects/"), "name");
        assertEquals(4, names.size(), names::toString);
        assertEquals("scale-200", names.get(3));
        assertEquals(texts(list("/apiops/environments/payments"), "name"),
                texts(list("/apiops/environments/scale-200"), "name"));
    }

    @Test
    void everyKeyIsListed() {
        List<String> names = texts(list(PROJECT + "keys/"), "name");
        assertEquals(SCALE, names.size());
        assertEquals(SCALE, new HashSet<>(names).size(), "names are distinct");
        assertEquals("key-00001", names.get(0));
        assertEquals("key-00200", names.get(SCALE - 1));
    }

    @Test
    void halfTheJwksAreDerivedFromKeysThatExist() {
        Set<String> keyIds = new HashSet<>(texts(list(PROJECT + "keys/"), "id"));
        JsonNode jwks = list(PROJECT + "jwks/");
        assertEquals(SCALE, jwks.size());
        int derived = 0;
        for (JsonNode jwk : jwks) {
            String source = jwk.get("sourceType").asText();
            if (source.equals("PRIVATE_KEY") || source.equals("PUBLIC_KEY")) {
                derived++;
                assertTrue(keyIds.contains(jwk.get("sourceId").asText()), jwk::toString);
            } else {
                assertTrue(source.equals("GENERATE") || source.equals("URL"), jwk::toString);
            }
            assertFalse(jwk.get("kid").asText().isEmpty(), jwk::toString);
        }
        assertEquals(SCALE / 2, derived);
        SandboxHttp.Response one = api.get(PROJECT + "jwks/jwk-00001/");
        assertEquals(200, one.status(), one.body());
        assertEquals("PRIVATE_KEY", one.json().get("resultList").get(0).get("sourceType").asText());
    }

    @Test
    void fiveTimesAsManyCredentialsAndEveryTenthHoldsJwksThatExist() {
        Set<String> jwkNames = new HashSet<>(texts(list(PROJECT + "jwks/"), "name"));
        JsonNode credentials = list(PROJECT + "credentials/");
        assertEquals(5 * SCALE, credentials.size());
        int holding = 0;
        int encrypting = 0;
        for (JsonNode credential : credentials) {
            JsonNode validation = credential.get("validationJwkName");
            JsonNode encryption = credential.get("encryptionJwkName");
            if (!validation.isNull() || !encryption.isNull()) {
                holding++;
            }
            if (!validation.isNull()) {
                assertTrue(jwkNames.contains(validation.asText()), credential::toString);
            }
            if (!encryption.isNull()) {
                encrypting++;
                assertTrue(jwkNames.contains(encryption.asText()), credential::toString);
            }
        }
        assertEquals(100, holding);
        assertEquals(ScaleData.credentialsWithJwk(SCALE), holding);
        assertEquals(50, encrypting);
        assertEquals(5 * SCALE, new HashSet<>(texts(credentials, "username")).size(), "usernames are distinct");
    }

    @Test
    void theAmpersandScaleProjectHasEveryJwtKeyWithRealPublicKeys() {
        List<String> projects = texts(api.v1Get("/projects").json(), "name");
        assertEquals("scale-200", projects.get(projects.size() - 1));
        JsonNode keys = api.jwtKeys("scale-200");
        assertEquals(SCALE, keys.size());
        assertEquals(SCALE, new HashSet<>(texts(keys, "id")).size(), "ids are distinct");
        assertEquals(SCALE, new HashSet<>(texts(keys, "label")).size(), "labels are distinct");
        assertEquals("key-00001", keys.get(0).get("label").asText());
        for (JsonNode key : keys) {
            assertTrue(RsaPublicKeyPem.check(key.get("publicKeyPem").asText()).isEmpty(), key::toString);
        }
        SandboxHttp.Response active = api.v1Get("/projects/scale-200/jwt-keys?active=true");
        assertEquals(200, active.status(), active.body());
        assertEquals(SCALE - SCALE / 10, active.json().size());
        String id = keys.get(5).get("id").asText();
        assertEquals(200, api.v1Get("/projects/scale-200/jwt-keys/" + id).status());
    }

    @Test
    void aDataResetBringsTheScaleProjectBack() {
        assertEquals(200, api.delete(PROJECT + "jwks/jwk-00002/").status());
        assertEquals(SCALE - 1, list(PROJECT + "jwks/").size());
        SandboxHttp.Response reset = SandboxHttp.send(api.controlRequest("/_sandbox/reset-data")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, reset.status(), reset.body());
        assertEquals(SCALE, list(PROJECT + "jwks/").size());
        assertEquals(SCALE, api.jwtKeys("scale-200").size());
    }

    @Test
    void theDefaultSandboxHasNoScaleProject() {
        try (SandboxHttp plain = SandboxHttp.start()) {
            SandboxHttp.Response projects = plain.get("/apiops/projects/");
            assertEquals(200, projects.status());
            List<String> names = texts(projects.json().get("resultList"), "name");
            assertEquals(3, names.size(), names::toString);
            assertTrue(names.stream().noneMatch(n -> n.startsWith("scale-")), names::toString);
            List<String> ampersand = texts(plain.v1Get("/projects").json(), "name");
            assertEquals(4, ampersand.size(), ampersand::toString);
            assertTrue(ampersand.stream().noneMatch(n -> n.startsWith("scale-")), ampersand::toString);
            plain.v1Get("/projects/scale-200/jwt-keys").assertProblem(404);
        }
    }

    @Test
    void theScaleIsCheckedAndNamesAreTheSameOnEveryRun() {
        assertThrows(IllegalArgumentException.class, () -> SandboxOptions.defaults().withScale(-1));
        assertThrows(IllegalArgumentException.class,
                () -> SandboxOptions.defaults().withScale(SandboxOptions.MAX_SCALE + 1));
        assertEquals(SandboxOptions.MAX_SCALE, SandboxOptions.defaults().withScale(SandboxOptions.MAX_SCALE).scale());
        assertEquals(0, SandboxOptions.defaults().scale());
        assertEquals(AmpersandViews.keys(List.copyOf(ScaleData.ampersandProject(30).keys.values())).toString(),
                AmpersandViews.keys(List.copyOf(ScaleData.ampersandProject(30).keys.values())).toString());
        ProjectData first = ScaleData.apinizerProject(30, List.of(new EnvironmentInfo("e", "test", "", "TEST", "")));
        ProjectData second = ScaleData.apinizerProject(30, List.of(new EnvironmentInfo("e", "test", "", "TEST", "")));
        assertEquals(first.credentials.values().stream().map(CredentialRecord::username).toList(),
                second.credentials.values().stream().map(CredentialRecord::username).toList());
        assertNotNull(first.keyNamed("key-00030").orElse(null));
        assertNotNull(first.credentialNamed("user-00150").orElse(null));
    }

    private static JsonNode list(String path) {
        SandboxHttp.Response response = api.get(path);
        assertEquals(200, response.status(), response.body());
        return response.json().get("resultList");
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.get(field).asText()));
        return out;
    }
}
