package io.keyward.gateway.apinizer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keyward.model.Credential;
import io.keyward.model.CredentialJwks;
import io.keyward.model.CryptoKey;
import io.keyward.model.Environment;
import io.keyward.model.Jwk;
import io.keyward.model.JwkMaterial;
import io.keyward.model.JwkSourceType;
import io.keyward.model.KeyEnvironment;
import io.keyward.model.Project;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the management API's list envelopes ({@code {"success": true, "resultList": [...]}}) with a
 * streaming parser, straight into model records: no tree of the whole answer, no wire objects per row,
 * and nothing kept of what the console does not show (a key's private key is seen as "present" and
 * never becomes a string). A project's 50,000 credentials cost their records and little else.
 *
 * <p>It reads what the tree-and-DTO reading it replaced read, field for field:
 * <ul>
 *   <li>unknown members are skipped, missing ones are null; a text field takes any scalar as its text
 *       (a number, {@code true}); a list of texts takes a single scalar as a list of one;</li>
 *   <li>an entry that is not an object, or whose name (a credential's username) is missing, null,
 *       blank or not a scalar, is skipped: it cannot be shown or addressed;</li>
 *   <li>a member of the wrong shape (an object where a text belongs, a number where a list of
 *       objects belongs), a {@code resultList} that is not a list, a body that is not a JSON object
 *       or breaks off: {@link Unreadable} (the answer is a protocol failure);</li>
 *   <li>an envelope that says it failed ({@code success: false}, or a {@code status} other than
 *       SUCCESS) is reported as such even when its entries are malformed.</li>
 * </ul>
 * Two differences, deliberate: a null inside a list of texts (a role, an IP) is dropped instead of
 * failing the whole list with a NullPointerException; and {@code resultCount}, which nothing uses, is
 * not checked.
 */
final class ListReader {

    /** The answer does not have the published shape. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String why) {
            super(why, null, false, false);
        }
    }

    /**
     * An envelope's rows, or that it reported a failure.
     *
     * @param rest the envelope's other members (what a reported failure says), without the list
     */
    record Envelope<T>(boolean reportsFailure, List<T> rows, JsonNode rest) { }

    /** Reads one entry, positioned on its START_OBJECT; returns null to skip it. */
    private interface Entry<T> {
        T read(JsonParser p, ListReader r) throws IOException;
    }

    /**
     * The values that repeat across rows (a project id, a key type, an environment or role name, a
     * description), one string each: 50,000 credentials of one project share one project id.
     */
    private final Map<String, String> shared = new HashMap<>();
    private final Map<List<String>, List<String>> sharedLists = new HashMap<>();
    /** The slots of a credential whose server reports both empty: one instance for them all. */
    private static final CredentialJwks NO_JWKS = new CredentialJwks(null, null);
    /** A member of the wrong shape met in the current entry (reported once the entry's name is known). */
    private String problem;

    private ListReader() {
    }

    /** Which list an answer holds: how its entries are read. */
    enum Kind {
        PROJECTS(ListReader::project),
        ENVIRONMENTS(ListReader::environment),
        KEYS(ListReader::key),
        JWKS(ListReader::jwk),
        CREDENTIALS(ListReader::credential);

        private final Entry<?> entry;

        Kind(Entry<?> entry) {
            this.entry = entry;
        }
    }

    /** Reads a whole body held as text. */
    @SuppressWarnings("unchecked")
    static <T> Envelope<T> read(Kind kind, JsonFactory f, String body) throws Unreadable {
        try (JsonParser p = f.createParser(body)) {
            return new ListReader().envelope(p, (Entry<T>) kind.entry);
        } catch (Unreadable e) {
            throw e;
        } catch (IOException e) {
            throw new Unreadable("not readable JSON");
        }
    }

    /**
     * Reads a body as it streams in.
     *
     * @throws IOException only when the stream failed (it broke off, or passed the size limit)
     */
    @SuppressWarnings("unchecked")
    static <T> Envelope<T> read(Kind kind, JsonFactory f, InputStream body, Charset charset)
            throws Unreadable, IOException {
        try (JsonParser p = StandardCharsets.UTF_8.equals(charset) ? f.createParser(body)
                : f.createParser(new InputStreamReader(body, charset))) {
            p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE); // the body is its caller's to close
            return new ListReader().envelope(p, (Entry<T>) kind.entry);
        } catch (JsonProcessingException | CharConversionException e) {
            throw new Unreadable("not readable JSON");
        }
    }

    static Envelope<Project> projects(JsonFactory f, String body) throws Unreadable {
        return read(Kind.PROJECTS, f, body);
    }

    static Envelope<Environment> environments(JsonFactory f, String body) throws Unreadable {
        return read(Kind.ENVIRONMENTS, f, body);
    }

    static Envelope<CryptoKey> keys(JsonFactory f, String body) throws Unreadable {
        return read(Kind.KEYS, f, body);
    }

    static Envelope<Jwk> jwks(JsonFactory f, String body) throws Unreadable {
        return read(Kind.JWKS, f, body);
    }

    static Envelope<Credential> credentials(JsonFactory f, String body) throws Unreadable {
        return read(Kind.CREDENTIALS, f, body);
    }

    // ------------------------------------------------------------------ the envelope

    private <T> Envelope<T> envelope(JsonParser p, Entry<T> entry) throws Unreadable, IOException {
        Boolean success = null;
        String status = null;
        List<T> rows = new ArrayList<>();
        ObjectNode rest = JsonNodeFactory.instance.objectNode();
        // As the envelope-then-entries reading had it: the envelope's own members must be readable; then a
        // reported failure wins; only then do the list's shape and its entries count.
        String envelopeProblem = null;
        String listProblem = null;
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new Unreadable("not a JSON object");
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            problem = null;
            if ("resultList".equals(field)) {
                rows.clear();
                listProblem = null;
                if (t == JsonToken.START_ARRAY) {
                    listProblem = entries(p, entry, rows);
                } else if (t != JsonToken.VALUE_NULL) {
                    listProblem = "resultList is not a list";
                    p.skipChildren();
                }
                continue;
            }
            // The envelope's other members are few and small: kept whole, for what a failure says.
            JsonNode value = p.readValueAsTree();
            rest.set(field, value);
            if (field.equals("success") || field.equals("status")) {
                try (JsonParser v = value.traverse(p.getCodec())) {
                    JsonToken vt = v.nextToken();
                    if (field.equals("success")) {
                        success = bool(v, vt);
                    } else {
                        status = text(v, vt);
                    }
                }
            }
            if (problem != null && envelopeProblem == null) {
                envelopeProblem = problem;
            }
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
            throw new Unreadable("not a JSON object");
        }
        if (envelopeProblem != null) {
            throw new Unreadable(envelopeProblem);
        }
        if (Boolean.FALSE.equals(success) || (status != null && !"SUCCESS".equalsIgnoreCase(status))) {
            return new Envelope<>(true, List.of(), rest);
        }
        if (listProblem != null) {
            throw new Unreadable(listProblem);
        }
        return new Envelope<>(false, List.copyOf(rows), rest);
    }

    /** The list's entries, positioned on its START_ARRAY. @return the first problem met, or null */
    private <T> String entries(JsonParser p, Entry<T> entry, List<T> rows) throws IOException {
        String first = null;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT || first != null) {
                p.skipChildren(); // not an entry, or no use reading on
                continue;
            }
            problem = null;
            T row = entry.read(p, this);
            if (row != null && problem != null) {
                first = problem; // an entry without a usable name is skipped, whatever else is wrong with it
            } else if (row != null) {
                rows.add(row);
            }
        }
        problem = null;
        return first;
    }

    // ------------------------------------------------------------------ the entries

    private static Project project(JsonParser p, ListReader r) throws IOException {
        String id = null;
        String name = null;
        String description = null;
        boolean named = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "id" -> id = r.text(p, t);
                case "name" -> {
                    named = isName(p, t);
                    name = r.text(p, t);
                }
                case "description" -> description = r.text(p, t);
                default -> p.skipChildren();
            }
        }
        return named ? new Project(id, name, description) : null;
    }

    private static Environment environment(JsonParser p, ListReader r) throws IOException {
        String name = null;
        String description = null;
        String type = null;
        String status = null;
        String accessUrl = null;
        Boolean deployed = null;
        Boolean redeployRequired = null;
        boolean named = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "name" -> {
                    named = isName(p, t);
                    name = r.text(p, t);
                }
                case "id" -> r.text(p, t); // read for its shape only, as before
                case "description" -> description = r.text(p, t);
                case "type" -> type = r.shared(r.text(p, t));
                case "status" -> status = r.shared(r.text(p, t));
                case "accessUrl" -> accessUrl = r.text(p, t);
                case "deployed" -> deployed = r.bool(p, t);
                case "redeployRequired" -> redeployRequired = r.bool(p, t);
                default -> p.skipChildren();
            }
        }
        return named ? new Environment(name, description, type, status, accessUrl, deployed, redeployRequired) : null;
    }

    private static CryptoKey key(JsonParser p, ListReader r) throws IOException {
        String id = null;
        String name = null;
        String description = null;
        String projectId = null;
        String keyType = null;
        List<KeyEnvironment> environments = null;
        boolean named = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "id" -> id = r.text(p, t);
                case "name" -> {
                    named = isName(p, t);
                    name = r.text(p, t);
                }
                case "description" -> description = r.shared(r.text(p, t));
                case "projectId" -> projectId = r.shared(r.text(p, t));
                case "keyType" -> keyType = r.shared(r.text(p, t));
                case "cryptoKeyInfoEnvironmentList" -> environments = r.keyEnvironments(p, t);
                default -> p.skipChildren();
            }
        }
        return named ? new CryptoKey(id, name, description, projectId, keyType, environments) : null;
    }

    /** A list of objects, or one object standing for a list of one; entries without an environment name are dropped. */
    private List<KeyEnvironment> keyEnvironments(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        List<KeyEnvironment> out = new ArrayList<>(2);
        if (t == JsonToken.START_OBJECT) {
            addKeyEnvironment(p, out);
            return out;
        }
        if (t != JsonToken.START_ARRAY) {
            problem("a key's environments are not a list");
            p.skipChildren();
            return null;
        }
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.START_OBJECT) {
                addKeyEnvironment(p, out);
            } else if (t != JsonToken.VALUE_NULL) {
                problem("a key's environment is not an object");
                p.skipChildren();
            }
        }
        return out;
    }

    private void addKeyEnvironment(JsonParser p, List<KeyEnvironment> out) throws IOException {
        String environmentName = null;
        String publicKey = null;
        boolean privateKey = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "environmentName" -> environmentName = shared(text(p, t));
                case "publicKey" -> publicKey = text(p, t);
                case "privateKey" -> privateKey = isPresent(p, t); // never read as text
                default -> p.skipChildren();
            }
        }
        if (environmentName != null) {
            out.add(new KeyEnvironment(environmentName, publicKey, privateKey));
        }
    }

    private static Jwk jwk(JsonParser p, ListReader r) throws IOException {
        String id = null;
        String name = null;
        String description = null;
        String projectId = null;
        String sourceType = null;
        String sourceId = null;
        String sourceUrl = null;
        String type = null;
        String kid = null;
        r.kinds.clear();
        boolean named = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "id" -> id = r.text(p, t);
                case "name" -> {
                    named = isName(p, t);
                    name = r.text(p, t);
                }
                case "description" -> description = r.shared(r.text(p, t));
                case "projectId" -> projectId = r.shared(r.text(p, t));
                case "sourceType" -> sourceType = r.text(p, t);
                case "sourceId" -> sourceId = r.text(p, t);
                case "sourceUrl" -> sourceUrl = r.text(p, t);
                case "type" -> type = r.shared(r.text(p, t));
                case "kid" -> kid = r.text(p, t);
                // The list endpoint sends none of these: its JWKs have no material.
                case "rsa", "ec", "oct", "okp" -> r.material(p, t, field);
                default -> p.skipChildren();
            }
        }
        if (!named) {
            return null;
        }
        return new Jwk(id, name, description, projectId, JwkSourceType.parse(sourceType), sourceId, sourceUrl, type,
                kid, r.material());
    }

    /** JWK parameters that are public per RFC 7518/8037; every other member is treated as secret. */
    private static final Map<String, Set<String>> PUBLIC_PARAMS = Map.of(
            "rsa", Set.of("n", "e"),
            "ec", Set.of("crv", "x", "y"),
            "okp", Set.of("crv", "x"),
            "oct", Set.of());
    /** The order the kinds' parameters are merged in (a later kind's public value wins). */
    private static final List<String> KINDS = List.of("rsa", "ec", "oct", "okp");

    /** One kind's parameters as sent (the last of a repeated name wins); null: present, but not text. */
    private final Map<String, Map<String, Object>> kinds = new HashMap<>();
    private static final Object ABSENT = new Object();

    /** Reads one kind's member (rsa, ec, oct, okp) into {@link #kinds}. */
    private void material(JsonParser p, JsonToken t, String kind) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            kinds.remove(kind);
            return;
        }
        if (t != JsonToken.START_OBJECT) {
            problem("a JWK's " + kind + " member is not an object");
            p.skipChildren();
            return;
        }
        Map<String, Object> members = new HashMap<>();
        Set<String> publicNames = PUBLIC_PARAMS.get(kind);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            // A private value is never read as text: only that it is there.
            boolean present = isPresent(p, v);
            members.put(name, !present ? ABSENT
                    : publicNames.contains(name) && v.isScalarValue() ? scalar(p, v) : "");
        }
        kinds.put(kind, members);
    }

    /** The JWK's material from the kinds read, or null when none held a parameter (as the list sends). */
    private JwkMaterial material() {
        Map<String, String> publicParams = new HashMap<>();
        Set<String> privateNames = new HashSet<>();
        boolean any = false;
        for (String kind : KINDS) {
            Map<String, Object> members = kinds.get(kind);
            if (members == null || members.isEmpty()) {
                continue;
            }
            any = true;
            Set<String> publicNames = PUBLIC_PARAMS.get(kind);
            members.forEach((name, value) -> {
                if (value == ABSENT) {
                    return;
                }
                if (publicNames.contains(name)) {
                    publicParams.put(name, (String) value);
                } else {
                    privateNames.add(name);
                }
            });
        }
        return any ? new JwkMaterial(publicParams, privateNames) : null;
    }

    private static Credential credential(JsonParser p, ListReader r) throws IOException {
        String id = null;
        String email = null;
        String fullName = null;
        String description = null;
        String username = null;
        List<String> roles = null;
        Boolean enabled = null;
        List<String> ipList = null;
        String expireDate = null;
        boolean slots = false;
        String validation = null;
        String encryption = null;
        boolean named = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "id" -> id = r.text(p, t);
                case "username" -> {
                    named = isName(p, t);
                    username = r.text(p, t);
                }
                case "email" -> email = r.text(p, t);
                case "fullName" -> fullName = r.text(p, t);
                case "description" -> description = r.shared(r.text(p, t));
                case "roleNameList" -> roles = r.texts(p, t);
                case "enabled" -> enabled = r.bool(p, t);
                case "ipList" -> ipList = r.texts(p, t);
                case "expireDate" -> expireDate = r.text(p, t);
                // The published API does not report slot contents; only a server that sends the fields
                // (even as null) tells what the slots hold. Absent fields mean "unknown", not "empty".
                case "validationJwkName" -> {
                    slots = true;
                    validation = slotName(p, t);
                }
                case "encryptionJwkName" -> {
                    slots = true;
                    encryption = slotName(p, t);
                }
                default -> p.skipChildren();
            }
        }
        if (!named) {
            return null;
        }
        return new Credential(id, username, fullName, email, description, !Boolean.FALSE.equals(enabled),
                WireMapper.instant(expireDate), roles, ipList, !slots ? null
                : validation == null && encryption == null ? NO_JWKS : new CredentialJwks(validation, encryption));
    }

    /** As the tree's {@code asText()} read it: a scalar's text, "" for a container, null for null. */
    private static String slotName(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t.isScalarValue()) {
            return scalar(p, t);
        }
        p.skipChildren();
        return "";
    }

    // ------------------------------------------------------------------ values

    /** A usable name: a scalar whose text is not blank. */
    private static boolean isName(JsonParser p, JsonToken t) throws IOException {
        return t.isScalarValue() && t != JsonToken.VALUE_NULL && !p.getText().isBlank();
    }

    /** Present: not null, not the empty string (any other value, a container too). */
    private static boolean isPresent(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return false;
        }
        if (t == JsonToken.VALUE_STRING) {
            return p.getTextLength() > 0;
        }
        p.skipChildren();
        return true;
    }

    /**
     * A scalar's text as a JSON tree gives it: a number as its value ({@code -0} is "0", {@code 1e3} is
     * "1000.0"), not as it was spelled.
     */
    private static String scalar(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_NUMBER_INT -> p.getNumberValue().toString();
            case VALUE_NUMBER_FLOAT -> String.valueOf(p.getDoubleValue());
            default -> p.getText();
        };
    }

    /** A scalar's text (null for null); a container is a problem, skipped. */
    private String text(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t.isScalarValue()) {
            return scalar(p, t);
        }
        problem("a text member holds " + (t == JsonToken.START_ARRAY ? "a list" : "an object"));
        p.skipChildren();
        return null;
    }

    /** A list of texts; a single scalar is a list of one; nulls in the list are dropped. */
    private List<String> texts(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t.isScalarValue()) {
            return List.of(shared(scalar(p, t)));
        }
        if (t != JsonToken.START_ARRAY) {
            problem("a list of texts is an object");
            p.skipChildren();
            return null;
        }
        List<String> out = null;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            String s = text(p, t);
            if (s != null) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(shared(s));
            }
        }
        return out == null ? List.of() : sharedList(List.copyOf(out));
    }

    /** One list for equal short lists that repeat (50,000 credentials with the same role share one). */
    private List<String> sharedList(List<String> list) {
        if (list.size() > 4) {
            return list;
        }
        if (sharedLists.size() >= 1024) {
            List<String> known = sharedLists.get(list);
            return known != null ? known : list;
        }
        List<String> known = sharedLists.putIfAbsent(list, list);
        return known != null ? known : list;
    }

    /**
     * true/false; "true"/"false" in any case; a number (0 is false); null and "" are null. Anything
     * else is a problem.
     */
    private Boolean bool(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            case VALUE_NUMBER_INT:
                return p.getLongValue() != 0;
            case VALUE_STRING: {
                String s = p.getText().trim();
                if (s.isEmpty() || s.equals("null")) {
                    return null;
                }
                if (s.equalsIgnoreCase("true")) {
                    return Boolean.TRUE;
                }
                if (s.equalsIgnoreCase("false")) {
                    return Boolean.FALSE;
                }
                problem("a yes/no member is neither");
                return null;
            }
            default:
                problem("a yes/no member is neither");
                p.skipChildren();
                return null;
        }
    }

    /** One string for equal values that repeat; long or unique ones are better left alone, so they are. */
    private String shared(String s) {
        if (s == null || s.length() > 64) {
            return s;
        }
        if (shared.size() >= 4096) {
            String known = shared.get(s);
            return known != null ? known : s;
        }
        String known = shared.putIfAbsent(s, s);
        return known != null ? known : s;
    }

    private void problem(String why) {
        if (problem == null) {
            problem = why;
        }
    }
}
