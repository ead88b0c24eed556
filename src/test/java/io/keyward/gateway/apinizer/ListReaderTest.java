package io.keyward.gateway.apinizer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyward.gateway.http.Json;
import io.keyward.model.Credential;
import io.keyward.model.CredentialJwks;
import io.keyward.model.CryptoKey;
import io.keyward.model.Environment;
import io.keyward.model.Jwk;
import io.keyward.model.JwkMaterial;
import io.keyward.model.JwkSourceType;
import io.keyward.model.KeyEnvironment;
import io.keyward.model.Project;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The streaming list reader: the published answers, unknown members and nulls, bodies that are not
 * the promised JSON; and, over thousands of generated answers (odd types, missing and extra members,
 * entries without names, failed envelopes), the same outcome as the tree-and-DTO reading it replaced,
 * which this test keeps as its oracle.
 */
class ListReaderTest {

    private static final JsonFactory FACTORY = Json.lenientMapper().getFactory();

    // ------------------------------------------------------------------ the published shapes

    @Test
    void publishedProjectsWithTheStatusQuirk() throws Exception {
        var env = ListReader.projects(FACTORY, """
                {"status": "SUCCESS", "resultList": [
                    {"name": "default", "description": "description text"},
                    {"name": "MyProject", "description": "My project description"}], "resultCount": 2}""");
        assertFalse(env.reportsFailure());
        assertEquals(List.of(new Project(null, "default", "description text"),
                new Project(null, "MyProject", "My project description")), env.rows());
    }

    @Test
    void publishedEnvironments() throws Exception {
        var env = ListReader.environments(FACTORY, """
                {"success": true, "resultList": [
                  {"name": "production", "description": "Production environment", "type": "KUBERNETES",
                   "status": "PUBLISHED", "accessUrl": "https://api.production.example.com"},
                  {"name": "development", "description": "Development environment", "type": "DOCKER",
                   "status": "DRAFT", "accessUrl": "http://localhost:8080"}], "resultCount": 2}""");
        assertEquals(List.of(new Environment("production", "Production environment", "KUBERNETES", "PUBLISHED",
                        "https://api.production.example.com", null, null),
                new Environment("development", "Development environment", "DOCKER", "DRAFT", "http://localhost:8080",
                        null, null)), env.rows());
    }

    @Test
    void publishedKeysKeepOnlyThatAPrivateKeyIsThere() throws Exception {
        var env = ListReader.keys(FACTORY, """
                {"success": true, "resultList": [
                  {"name": "my-key", "description": "Key for API encryption", "projectId": "project-id",
                   "keyType": "RSA", "cryptoKeyInfoEnvironmentList": [{"environmentName": "production",
                     "publicKey": "base64-encoded-public-key", "privateKey": "base64-encoded-private-key"}]}]}""");
        CryptoKey key = env.rows().get(0);
        assertEquals(new CryptoKey(null, "my-key", "Key for API encryption", "project-id", "RSA",
                List.of(new KeyEnvironment("production", "base64-encoded-public-key", true))), key);
        assertFalse(key.toString().contains("base64-encoded-private-key"));
    }

    @Test
    void publishedJwksAndAJwkWithMaterial() throws Exception {
        var list = ListReader.jwks(FACTORY, """
                {"success": true, "resultList": [
                  {"name": "my-jwk", "description": "JWK for API authentication", "projectId": "project-id",
                   "sourceType": "URL", "sourceId": null, "sourceUrl": "https://example.com/.well-known/jwks.json",
                   "type": "RSA", "kid": "key-id-1"},
                  {"name": "generated-jwk", "description": "Auto-generated JWK", "projectId": "project-id",
                   "sourceType": "GENERATE", "sourceId": null, "sourceUrl": null, "type": "EC", "kid": "key-id-2"}]}""");
        assertEquals(new Jwk(null, "my-jwk", "JWK for API authentication", "project-id", JwkSourceType.URL, null,
                "https://example.com/.well-known/jwks.json", "RSA", "key-id-1", null), list.rows().get(0));
        assertEquals(JwkSourceType.GENERATE, list.rows().get(1).sourceType());

        Jwk one = ListReader.jwks(FACTORY, """
                {"success": true, "resultList": [{"name": "my-jwk", "type": "RSA", "kid": "key-id-1",
                  "rsa": {"n": "modulus-value", "e": "AQAB", "d": "private-exponent", "p": "prime1", "q": "prime2"}}]}""")
                .rows().get(0);
        assertEquals(new JwkMaterial(Map.of("n", "modulus-value", "e", "AQAB"), Set.of("d", "p", "q")), one.material());
        assertFalse(one.toString().contains("private-exponent"));
    }

    @Test
    void publishedCredentialsAndSlotsOnlyWhenReported() throws Exception {
        var env = ListReader.credentials(FACTORY, """
                {"success": true, "resultList": [
                  {"email": "user@example.com", "fullName": "John Doe", "description": "API user credential",
                   "username": "api-user", "password": null, "roleNameList": ["API_USER", "DEVELOPER"], "enabled": true,
                   "ipList": ["192.168.1.100", "10.0.0.0/8"], "expireDate": "2024-12-31T23:59:59.000Z"},
                  {"username": "admin", "roleNameList": ["ADMIN"], "enabled": true, "ipList": [], "expireDate": null,
                   "validationJwkName": "sig", "encryptionJwkName": null}]}""");
        assertEquals(new Credential(null, "api-user", "John Doe", "user@example.com", "API user credential", true,
                Instant.parse("2024-12-31T23:59:59Z"), List.of("API_USER", "DEVELOPER"),
                List.of("192.168.1.100", "10.0.0.0/8"), null), env.rows().get(0));
        assertEquals(new CredentialJwks("sig", null), env.rows().get(1).jwks(), "null means empty once the field is sent");
    }

    @Test
    void unknownMembersAnywhereAreSkippedAndNullsAreMissing() throws Exception {
        var env = ListReader.credentials(FACTORY, """
                {"meta": {"page": [1, {"x": null}]}, "success": true, "resultList": [
                  {"username": "u", "future": {"deep": [[{}]]}, "fullName": null, "roleNameList": null,
                   "ipList": null, "enabled": null, "email": null, "tags": ["a"]}], "resultCount": "not a number"}""");
        Credential c = env.rows().get(0);
        assertEquals("u", c.username());
        assertNull(c.fullName());
        assertTrue(c.roles().isEmpty());
        assertTrue(c.enabled(), "enabled unless the server says false");
        assertNull(c.jwks());
    }

    @Test
    void aNullInsideAListOfTextsIsDroppedNotFatal() throws Exception {
        // The tree reading failed the whole list with a NullPointerException here.
        var env = ListReader.credentials(FACTORY, """
                {"success": true, "resultList": [{"username": "u", "roleNameList": ["A", null, "B"], "ipList": [null]}]}""");
        assertEquals(List.of("A", "B"), env.rows().get(0).roles());
        assertTrue(env.rows().get(0).ipList().isEmpty());
    }

    @Test
    void valuesThatRepeatAcrossRowsAreOneString() throws Exception {
        var keys = ListReader.keys(FACTORY, """
                {"success": true, "resultList": [
                  {"name": "a", "projectId": "p-1", "keyType": "RSA", "cryptoKeyInfoEnvironmentList": [{"environmentName": "prod"}]},
                  {"name": "b", "projectId": "p-1", "keyType": "RSA", "cryptoKeyInfoEnvironmentList": [{"environmentName": "prod"}]}]}""")
                .rows();
        assertSame(keys.get(0).projectId(), keys.get(1).projectId());
        var credentials = ListReader.credentials(FACTORY, """
                {"success": true, "resultList": [
                  {"username": "a", "roleNameList": ["API_USER"], "validationJwkName": null},
                  {"username": "b", "roleNameList": ["API_USER"], "validationJwkName": null}]}""").rows();
        assertSame(credentials.get(0).roles(), credentials.get(1).roles());
        assertSame(credentials.get(0).jwks(), credentials.get(1).jwks());
        assertEquals(new CredentialJwks(null, null), credentials.get(0).jwks());
        assertSame(keys.get(0).environments().get(0).environmentName(), keys.get(1).environments().get(0).environmentName());
    }

    @Test
    void aFailedEnvelopeIsReportedAsSuch() throws Exception {
        assertTrue(ListReader.keys(FACTORY, "{\"success\": false, \"message\": \"no\"}").reportsFailure());
        assertTrue(ListReader.projects(FACTORY, "{\"status\": \"FAILED\", \"resultList\": \"oops\"}").reportsFailure());
    }

    @Test
    void bodiesThatAreNotTheEnvelopeAreUnreadable() {
        for (String body : List.of("<html><body>Please sign in</body></html>", "", "   ", "null", "[]", "\"text\"",
                "{\"success\": true, \"resultList\": [{\"name\": \"a\"", "{\"success\": true, \"resultList\": \"oops\"}",
                "{\"success\": true, \"resultList\": {}}", "{\"success\": {}}", "\u0000\u0001garbled\uFFFD",
                "{\"success\": true, \"resultList\": [{\"name\": \"k\", \"cryptoKeyInfoEnvironmentList\": 5}]}")) {
            assertThrows(ListReader.Unreadable.class, () -> ListReader.keys(FACTORY, body), body);
        }
    }

    @Test
    void fromAStreamGarbledBytesAreUnreadableButAStreamThatFailsIsTheNetworksFailure() {
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        byte[] badUtf8 = "{\"success\": true, \"resultList\": [{\"name\": \"A\u00ffB\"}]}".getBytes(
                java.nio.charset.StandardCharsets.ISO_8859_1); // a lone 0xFF byte inside a string
        assertThrows(ListReader.Unreadable.class, () -> ListReader.read(ListReader.Kind.KEYS, FACTORY,
                new java.io.ByteArrayInputStream(badUtf8), utf8));
        assertThrows(ListReader.Unreadable.class, () -> ListReader.read(ListReader.Kind.KEYS, FACTORY,
                new java.io.ByteArrayInputStream(new byte[] {(byte) 0xc3, 0x28, 0x7b, 0x7d}), utf8));

        byte[] start = "{\"success\": true, \"resultList\": [{\"name\": \"a\"}, ".getBytes(utf8);
        java.io.InputStream brokeOff = new java.io.InputStream() {
            int at;

            @Override
            public int read() throws IOException {
                if (at < start.length) {
                    return start[at++];
                }
                throw new IOException("connection reset");
            }
        };
        IOException e = assertThrows(IOException.class, () -> ListReader.read(ListReader.Kind.KEYS, FACTORY, brokeOff, utf8));
        assertEquals("connection reset", e.getMessage(), "a failing stream is not an unreadable answer");

        var latin1 = new java.io.ByteArrayInputStream("{\"success\": true, \"resultList\": [{\"name\": \"caf\u00e9\"}]}"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals("caf\u00e9", assertDoesNotThrow(() -> ListReader.<CryptoKey>read(ListReader.Kind.KEYS, FACTORY, latin1,
                java.nio.charset.StandardCharsets.ISO_8859_1)).rows().get(0).name(), "the charset the server named");
    }

    // ------------------------------------------------------------------ same outcome as the tree reading

    @Test
    void generatedProjectsReadAsTheTreeDid() {
        sameAsTree(ListReaderTest::project, "name", ListReader.Kind.PROJECTS,
                body -> Oracle.read(body, "name", Oracle.ProjectDto.class, Oracle::project));
    }

    @Test
    void generatedEnvironmentsReadAsTheTreeDid() {
        sameAsTree(ListReaderTest::environment, "name", ListReader.Kind.ENVIRONMENTS,
                body -> Oracle.read(body, "name", Oracle.EnvironmentDto.class, Oracle::environment));
    }

    @Test
    void generatedKeysReadAsTheTreeDid() {
        sameAsTree(ListReaderTest::key, "name", ListReader.Kind.KEYS,
                body -> Oracle.read(body, "name", Oracle.KeyDto.class, Oracle::key));
    }

    @Test
    void generatedJwksReadAsTheTreeDid() {
        sameAsTree(ListReaderTest::jwk, "name", ListReader.Kind.JWKS,
                body -> Oracle.read(body, "name", Oracle.JwkDto.class, Oracle::jwk));
    }

    @Test
    void generatedCredentialsReadAsTheTreeDid() {
        sameAsTree(ListReaderTest::credential, "username", ListReader.Kind.CREDENTIALS,
                Oracle::credentials);
    }

    private interface Reader {
        ListReader.Envelope<?> read(String body) throws ListReader.Unreadable;
    }

    /** What reading an answer came to: its rows, a reported failure, or unreadable. */
    private static String outcome(Reader reader, String body) {
        try {
            ListReader.Envelope<?> env = reader.read(body);
            return env.reportsFailure() ? "reported failure" : "rows " + env.rows();
        } catch (ListReader.Unreadable e) {
            return "unreadable";
        } catch (RuntimeException e) {
            return "threw " + e.getClass().getSimpleName();
        }
    }

    /** The text reader and the stream reader (as the client uses it, bytes as they arrive) agree with the tree. */
    private static void sameAsTree(Function<Random, String> entry, String nameField, ListReader.Kind kind,
                                   Function<String, String> tree) {
        Reader text = body -> ListReader.read(kind, FACTORY, body);
        Reader stream = body -> {
            try {
                return ListReader.read(kind, FACTORY, new java.io.ByteArrayInputStream(
                        body.getBytes(java.nio.charset.StandardCharsets.UTF_8)), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        sameAsTree(entry, nameField, text, tree);
        sameAsTree(entry, nameField, stream, tree);
    }

    private static void sameAsTree(Function<Random, String> entry, String nameField, Reader streaming,
                                   Function<String, String> tree) {
        Random random = new Random(20261201L);
        int rows = 0;
        int unreadable = 0;
        for (int i = 0; i < 4000; i++) {
            String body = envelope(random, entry, nameField);
            String expected = tree.apply(body);
            assertEquals(expected, outcome(streaming, body), body);
            rows += expected.startsWith("rows [") && !expected.equals("rows []") ? 1 : 0;
            unreadable += expected.equals("unreadable") ? 1 : 0;
        }
        // The generator must reach both sides, or the comparison proves little.
        assertTrue(rows > 400 && unreadable > 400, "rows " + rows + ", unreadable " + unreadable);
    }

    // ------------------------------------------------------------------ generated answers

    private static final String[] TEXTS = {null, "null", "\"text\"", "\"\"", "\"  \"", "\"caf\u00e9 \\u00e9\\n\"",
            "##", "12", "1.5", "true", "-0", "1e3", "123456789012345678901234567890", "{}", "{\"a\": 1}", "[]", "[\"x\"]"};
    private static final String[] NAMES = {"\"a\"", "\"b\"", "\"name with space\"", "##", "7", "false", null, "null",
            "\"\"", "\" \"", "{}", "[\"a\"]"};
    private static final String[] TEXT_LISTS = {null, "null", "[]", "[\"a\", \"b\"]", "[\"\"]", "##", "\"single\"", "5",
            "{}", "[{}]", "[[\"x\"]]", "[\"a\", 3, true]", "\"\""};
    private static final String[] BOOLS = {null, "null", "true", "false", "##", "\"true\"", "\"FALSE\"", "\"True\"",
            "\"\"", "\"yes\"", "0", "1", "2", "1.5", "{}", "[]", "\"null\"", "\" true \""};
    private static final String[] KEY_ENVS = {null, "null", "[]",
            "[{\"environmentName\": \"p\", \"publicKey\": \"k\", \"privateKey\": \"s\"}]", "##",
            "{\"environmentName\": \"p\", \"publicKey\": \"k\"}", "5", "\"x\"", "[5]",
            "[null, {\"environmentName\": null}]", "[{\"environmentName\": \"p\", \"privateKey\": {}}]",
            "[{\"environmentName\": \"p\", \"privateKey\": \"\"}, {\"environmentName\": \"q\", \"privateKey\": null}]",
            "[{\"environmentName\": {}}]", "[{\"environmentName\": \"p\", \"publicKey\": []}]", "[[]]",
            "[{\"environmentName\": 3, \"privateKey\": 0, \"extra\": [1]}]", "{}"};
    private static final String[] MATERIAL = {null, null, null, "{\"n\": \"N\", \"e\": \"AQAB\", \"d\": \"D\"}", "##",
            "null", "{}", "{\"n\": null}", "{\"n\": \"1\", \"n\": null}", "{\"n\": \"1\", \"n\": \"2\"}", "{\"n\": {}}", "{\"n\": 5, \"k\": \"\"}", "\"str\"", "[]", "{\"crv\": \"P-256\", \"x\": \"X\","
            + " \"y\": [1], \"d\": {\"z\": 1}}", "{\"k\": \"SECRET\"}", "{\"x\": \"X\", \"crv\": true}"};
    private static final String[] SLOTS = {null, "null", "\"sig\"", "##", "{}", "5", "\"\"", "[]"};
    private static final String[] NOT_ENTRIES = {"5", "\"x\"", "null", "[]", "[{\"name\": \"a\"}]", "true"};

    /** Values before "##" are the likely ones; the rest (odd types, mostly) come one time in eight. */
    private static String pick(Random r, String[] values) {
        int good = java.util.Arrays.asList(values).indexOf("##");
        if (good < 0) {
            return values[r.nextInt(values.length)];
        }
        if (r.nextInt(8) != 0) {
            return values[r.nextInt(good)];
        }
        return values[good + 1 + r.nextInt(values.length - good - 1)];
    }

    private static void member(StringBuilder sb, String name, String value) {
        if (value != null) {
            sb.append(sb.charAt(sb.length() - 1) == '{' ? "" : ", ").append('"').append(name).append("\": ").append(value);
        }
    }

    private static String object(Random r, Object... members) {
        StringBuilder sb = new StringBuilder("{");
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < members.length; i += 2) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, r);
        for (int i : order) {
            member(sb, (String) members[i], pick(r, (String[]) members[i + 1]));
        }
        if (r.nextInt(4) == 0) {
            member(sb, "unknownExtra", pick(r, TEXT_LISTS));
        }
        return sb.append('}').toString();
    }

    private static String project(Random r) {
        return object(r, "id", TEXTS, "name", NAMES, "description", TEXTS);
    }

    private static String environment(Random r) {
        return object(r, "id", TEXTS, "name", NAMES, "description", TEXTS, "type", TEXTS, "status", TEXTS,
                "accessUrl", TEXTS, "deployed", BOOLS, "redeployRequired", BOOLS);
    }

    private static String key(Random r) {
        return object(r, "id", TEXTS, "name", NAMES, "description", TEXTS, "projectId", TEXTS, "keyType", TEXTS,
                "cryptoKeyInfoEnvironmentList", KEY_ENVS);
    }

    private static String jwk(Random r) {
        return object(r, "id", TEXTS, "name", NAMES, "description", TEXTS, "projectId", TEXTS, "sourceType",
                new String[] {null, "\"URL\"", "\"private_key\"", "\"HSM\"", "\"\"", "null", "{}"}, "sourceId", TEXTS,
                "sourceUrl", TEXTS, "type", TEXTS, "kid", TEXTS, "rsa", MATERIAL, "ec", MATERIAL, "oct", MATERIAL,
                "okp", MATERIAL);
    }

    private static String credential(Random r) {
        return object(r, "id", TEXTS, "username", NAMES, "email", TEXTS, "fullName", TEXTS, "description", TEXTS,
                "password", TEXTS, "roleNameList", TEXT_LISTS, "enabled", BOOLS, "ipList", TEXT_LISTS, "expireDate",
                new String[] {null, "null", "\"2024-12-31T23:59:59.000Z\"", "\"2024-12-31T23:59:59+02:00\"", "\"soon\"",
                        "\"\"", "5"}, "validationJwkName", SLOTS, "encryptionJwkName", SLOTS);
    }

    private static String envelope(Random r, Function<Random, String> entry, String nameField) {
        StringBuilder list = new StringBuilder("[");
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            list.append(i == 0 ? "" : ", ").append(r.nextInt(12) == 0 ? pick(r, NOT_ENTRIES) : entry.apply(r));
        }
        list.append(']');
        // Mostly a well-formed list, so the entries are what varies.
        String[] lists = r.nextInt(6) == 0 ? new String[] {null, "null", "\"oops\"", "{}", "5"} : new String[] {list.toString()};
        String body = object(r, "success", r.nextInt(5) == 0 ? new String[] {null, "false", "\"true\"", "{}", "1"}
                        : new String[] {"true"}, "status", r.nextInt(8) == 0 ? new String[] {"\"SUCCESS\"", "\"FAILED\"",
                        "null", "[]"} : new String[] {null}, "resultList", lists,
                "resultCount", new String[] {null, "3"});
        return r.nextInt(40) == 0 ? body.substring(0, r.nextInt(body.length())) : body; // sometimes broken off
    }

    // ------------------------------------------------------------------ the tree reading it replaced

    /** The client's list reading before the streaming reader, kept as the oracle (its DTOs and mapping). */
    static final class Oracle {
        private static final ObjectMapper JSON = Json.lenientMapper();

        record ListEnvelope(Boolean success, String status, JsonNode resultList, Integer resultCount) {
            boolean reportsFailure() {
                return Boolean.FALSE.equals(success) || (status != null && !"SUCCESS".equalsIgnoreCase(status));
            }
        }

        record ProjectDto(String id, String name, String description) { }

        record EnvironmentDto(String id, String name, String description, String type, String status,
                              String accessUrl, Boolean deployed, Boolean redeployRequired) { }

        record KeyEnvironmentDto(String environmentName, String publicKey, JsonNode privateKey) { }

        record KeyDto(String id, String name, String description, String projectId, String keyType,
                      List<KeyEnvironmentDto> cryptoKeyInfoEnvironmentList) { }

        record JwkDto(String id, String name, String description, String projectId, String sourceType,
                      String sourceId, String sourceUrl, String type, String kid,
                      Map<String, JsonNode> rsa, Map<String, JsonNode> ec, Map<String, JsonNode> oct,
                      Map<String, JsonNode> okp) { }

        record CredentialDto(String id, String email, String fullName, String description, String username,
                             List<String> roleNameList, Boolean enabled, List<String> ipList, String expireDate) { }

        private static final class Unreadable extends RuntimeException {
            private static final long serialVersionUID = 1L;
        }

        interface Mapper<D> {
            Object map(D dto, JsonNode raw);
        }

        static <D> String read(String body, String nameField, Class<D> type, Function<D, Object> mapper) {
            return read(body, nameField, type, (Mapper<D>) (dto, raw) -> mapper.apply(dto));
        }

        static String credentials(String body) {
            return read(body, "username", CredentialDto.class, (Mapper<CredentialDto>) Oracle::credential);
        }

        static <D> String read(String body, String nameField, Class<D> type, Mapper<D> mapper) {
            try {
                ListEnvelope env = JSON.readValue(body, ListEnvelope.class);
                if (env == null) {
                    return "unreadable";
                }
                if (env.reportsFailure()) {
                    return "reported failure";
                }
                JsonNode list = env.resultList();
                if (list == null || list.isNull()) {
                    return "rows []";
                }
                if (!list.isArray()) {
                    return "unreadable";
                }
                List<Object> out = new ArrayList<>();
                for (JsonNode item : list) {
                    if (item.isObject() && item.hasNonNull(nameField) && !item.get(nameField).asText().isBlank()) {
                        D dto;
                        try {
                            dto = JSON.treeToValue(item, type);
                        } catch (IOException | IllegalArgumentException e) {
                            return "unreadable";
                        }
                        out.add(mapper.map(dto, item));
                    }
                }
                return "rows " + List.copyOf(out);
            } catch (IOException e) {
                return "unreadable";
            } catch (RuntimeException e) {
                return "threw " + e.getClass().getSimpleName();
            }
        }

        static Project project(ProjectDto dto) {
            return new Project(dto.id(), dto.name(), dto.description());
        }

        static Environment environment(EnvironmentDto dto) {
            return new Environment(dto.name(), dto.description(), dto.type(), dto.status(), dto.accessUrl(),
                    dto.deployed(), dto.redeployRequired());
        }

        static CryptoKey key(KeyDto dto) {
            List<KeyEnvironment> envs = dto.cryptoKeyInfoEnvironmentList() == null ? List.of()
                    : dto.cryptoKeyInfoEnvironmentList().stream()
                    .filter(e -> e != null && e.environmentName() != null)
                    .map(e -> new KeyEnvironment(e.environmentName(), e.publicKey(), isPresent(e.privateKey())))
                    .toList();
            return new CryptoKey(dto.id(), dto.name(), dto.description(), dto.projectId(), dto.keyType(), envs);
        }

        private static final Map<String, Set<String>> PUBLIC_PARAMS = Map.of(
                "rsa", Set.of("n", "e"), "ec", Set.of("crv", "x", "y"), "okp", Set.of("crv", "x"), "oct", Set.of());

        static Jwk jwk(JwkDto dto) {
            Map<String, String> publicParams = new HashMap<>();
            Set<String> privateNames = new HashSet<>();
            boolean any = collect("rsa", dto.rsa(), publicParams, privateNames)
                    | collect("ec", dto.ec(), publicParams, privateNames)
                    | collect("oct", dto.oct(), publicParams, privateNames)
                    | collect("okp", dto.okp(), publicParams, privateNames);
            return new Jwk(dto.id(), dto.name(), dto.description(), dto.projectId(),
                    JwkSourceType.parse(dto.sourceType()), dto.sourceId(), dto.sourceUrl(), dto.type(), dto.kid(),
                    any ? new JwkMaterial(publicParams, privateNames) : null);
        }

        private static boolean collect(String kind, Map<String, JsonNode> members, Map<String, String> publicParams,
                                       Set<String> privateNames) {
            if (members == null || members.isEmpty()) {
                return false;
            }
            Set<String> publicNames = PUBLIC_PARAMS.get(kind);
            members.forEach((name, value) -> {
                if (!isPresent(value)) {
                    return;
                }
                if (publicNames.contains(name)) {
                    publicParams.put(name, value.asText());
                } else {
                    privateNames.add(name);
                }
            });
            return true;
        }

        static Credential credential(CredentialDto dto, JsonNode raw) {
            CredentialJwks jwks = null;
            if (raw.has("validationJwkName") || raw.has("encryptionJwkName")) {
                jwks = new CredentialJwks(text(raw.get("validationJwkName")), text(raw.get("encryptionJwkName")));
            }
            return new Credential(dto.id(), dto.username(), dto.fullName(), dto.email(), dto.description(),
                    !Boolean.FALSE.equals(dto.enabled()), WireMapper.instant(dto.expireDate()), dto.roleNameList(),
                    dto.ipList(), jwks);
        }

        private static boolean isPresent(JsonNode node) {
            return node != null && !node.isNull() && !(node.isTextual() && node.asText().isEmpty());
        }

        private static String text(JsonNode node) {
            return node == null || node.isNull() ? null : node.asText();
        }
    }
}
