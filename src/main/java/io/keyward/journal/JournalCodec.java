package io.keyward.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One journal line to and from JSON: {"type", "seq", "prev", then the record's fields in its order}.
 * Instants are ISO-8601 text ({@link Instant#toString()}): jackson-datatype-jsr310 is not on the class path.
 */
final class JournalCodec {

    /** The prev of the very first entry. */
    static final String NO_PREVIOUS = "0".repeat(64);

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    /** Compact output; strict input: nothing after the object, no key twice. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JournalCodec() {
    }

    /** A parsed line. */
    record Entry(long seq, String prev, JournalRecord record) {
    }

    /** Why a line is not a journal entry. */
    static final class BadLine extends Exception {
        private static final long serialVersionUID = 1L;

        BadLine(String message) {
            super(message);
        }
    }

    // ---------------------------------------------------------------- writing

    /** The line's UTF-8 bytes, without the terminating '\n'. */
    static byte[] encode(JournalRecord record, long seq, String prev) {
        ObjectNode line = JSON.createObjectNode();
        line.put("type", type(record));
        line.put("seq", seq);
        line.put("prev", prev);
        line.put("changeId", record.changeId());
        line.put("time", record.time() == null ? null : record.time().toString());
        if (record instanceof ChangeIntent i) {
            line.put("osUser", i.osUser());
            line.put("connection", i.connection());
            line.put("backend", i.backend());
            line.put("managerUrl", i.managerUrl());
            line.put("apiUser", i.apiUser());
            line.put("project", i.project());
            line.put("action", i.action());
            line.put("target", i.target());
            line.set("parameters", map(i.parameters()));
            line.set("impact", texts(i.impact()));
            line.set("check", check(i.check()));
        } else if (record instanceof ChangeOutcome o) {
            line.put("outcome", o.outcome());
            line.put("message", o.message());
            ArrayNode environments = line.putArray("environments");
            for (JournalEnvironment e : o.environments()) {
                if (e == null) {
                    environments.addNull();
                } else {
                    environments.addObject()
                            .put("environment", e.environment())
                            .put("success", e.success())
                            .put("message", e.message());
                }
            }
            line.set("serverMessages", texts(o.serverMessages()));
            line.put("requestId", o.requestId());
            line.put("durationMillis", o.durationMillis());
        } else if (record instanceof ChangeCheck c) {
            line.put("verdict", c.verdict());
            line.put("finding", c.finding());
        }
        try {
            return JSON.writeValueAsBytes(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a journal line could not be written as JSON", e);
        }
    }

    /** The same record with another time (records are immutable). */
    static JournalRecord withTime(JournalRecord record, Instant time) {
        if (record instanceof ChangeIntent i) {
            return new ChangeIntent(i.changeId(), time, i.osUser(), i.connection(), i.backend(), i.managerUrl(),
                    i.apiUser(), i.project(), i.action(), i.target(), i.parameters(), i.impact(), i.check());
        }
        if (record instanceof ChangeOutcome o) {
            return new ChangeOutcome(o.changeId(), time, o.outcome(), o.message(), o.environments(),
                    o.serverMessages(), o.requestId(), o.durationMillis());
        }
        ChangeCheck c = (ChangeCheck) record;
        return new ChangeCheck(c.changeId(), time, c.verdict(), c.finding());
    }

    private static String type(JournalRecord record) {
        if (record instanceof ChangeIntent) {
            return "intent";
        }
        if (record instanceof ChangeOutcome) {
            return "outcome";
        }
        return "check";
    }

    private static JsonNode check(CheckTarget t) {
        if (t == null) {
            return JSON.getNodeFactory().nullNode();
        }
        ObjectNode node = JSON.createObjectNode()
                .put("kind", t.kind())
                .put("project", t.project())
                .put("projectId", t.projectId())
                .put("name", t.name())
                .put("id", t.id())
                .put("deletion", t.deletion())
                .put("creation", t.creation());
        node.set("before", map(t.before()));
        node.set("after", map(t.after()));
        return node;
    }

    private static ObjectNode map(Map<String, String> map) {
        ObjectNode node = JSON.createObjectNode();
        for (Map.Entry<String, String> e : map.entrySet()) {
            if (e.getKey() == null) {
                throw new IllegalArgumentException("journal: a map in a record has a null key");
            }
            node.put(e.getKey(), e.getValue());
        }
        return node;
    }

    private static ArrayNode texts(List<String> texts) {
        ArrayNode node = JSON.createArrayNode();
        texts.forEach(node::add);
        return node;
    }

    // ---------------------------------------------------------------- reading

    /** A line (without its '\n') as an entry. */
    static Entry decode(byte[] line) throws BadLine {
        JsonNode root;
        try {
            root = JSON.readTree(line);
        } catch (IOException e) {
            throw new BadLine("not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new BadLine("not a JSON object");
        }
        JsonNode seq = root.get("seq");
        if (seq == null || !seq.isIntegralNumber() || !seq.canConvertToLong() || seq.asLong() < 1) {
            throw new BadLine("no seq number");
        }
        String prev = text(root, "prev");
        if (prev == null || !SHA256_HEX.matcher(prev).matches()) {
            throw new BadLine("no prev hash");
        }
        String changeId = text(root, "changeId");
        if (changeId == null) {
            throw new BadLine("no changeId");
        }
        Instant time = instant(root, "time");
        String type = text(root, "type");
        JournalRecord record;
        if ("intent".equals(type)) {
            record = new ChangeIntent(changeId, time, text(root, "osUser"), text(root, "connection"),
                    text(root, "backend"), text(root, "managerUrl"), text(root, "apiUser"), text(root, "project"),
                    text(root, "action"), text(root, "target"), map(root, "parameters"), texts(root, "impact"),
                    checkTarget(root.get("check")));
        } else if ("outcome".equals(type)) {
            record = new ChangeOutcome(changeId, time, text(root, "outcome"), text(root, "message"),
                    environments(root), texts(root, "serverMessages"), text(root, "requestId"),
                    number(root, "durationMillis"));
        } else if ("check".equals(type)) {
            record = new ChangeCheck(changeId, time, text(root, "verdict"), text(root, "finding"));
        } else {
            throw new BadLine(type == null ? "no type" : "unknown type");
        }
        return new Entry(seq.asLong(), prev, record);
    }

    private static CheckTarget checkTarget(JsonNode node) throws BadLine {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new BadLine("check is not an object");
        }
        return new CheckTarget(text(node, "kind"), text(node, "project"), text(node, "projectId"),
                text(node, "name"), text(node, "id"), bool(node, "deletion"), bool(node, "creation"),
                map(node, "before"), map(node, "after"));
    }

    private static List<JournalEnvironment> environments(JsonNode root) throws BadLine {
        JsonNode array = root.get("environments");
        if (array == null || array.isNull()) {
            return null;
        }
        if (!array.isArray()) {
            throw new BadLine("environments is not an array");
        }
        List<JournalEnvironment> list = new ArrayList<>();
        for (JsonNode e : array) {
            if (e.isNull()) {
                list.add(null);
            } else if (e.isObject()) {
                list.add(new JournalEnvironment(text(e, "environment"), bool(e, "success"), text(e, "message")));
            } else {
                throw new BadLine("an environment is not an object");
            }
        }
        return list;
    }

    /** Missing or null: null; text: the text; anything else is not what the journal writes. */
    private static String text(JsonNode node, String field) throws BadLine {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new BadLine(field + " is not text");
        }
        return v.textValue();
    }

    private static Instant instant(JsonNode node, String field) throws BadLine {
        String text = text(node, field);
        if (text == null) {
            throw new BadLine("no " + field);
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadLine(field + " is not an ISO-8601 instant");
        }
    }

    private static boolean bool(JsonNode node, String field) throws BadLine {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new BadLine(field + " is not true or false");
        }
        return v.booleanValue();
    }

    private static long number(JsonNode node, String field) throws BadLine {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return 0;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new BadLine(field + " is not a whole number");
        }
        return v.longValue();
    }

    private static Map<String, String> map(JsonNode node, String field) throws BadLine {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw new BadLine(field + " is not an object");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            JsonNode value = e.getValue();
            if (value.isNull()) {
                map.put(e.getKey(), null);
            } else if (value.isTextual()) {
                map.put(e.getKey(), value.textValue());
            } else {
                throw new BadLine(field + "." + e.getKey() + " is not text");
            }
        }
        return map;
    }

    private static List<String> texts(JsonNode node, String field) throws BadLine {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw new BadLine(field + " is not an array");
        }
        List<String> list = new ArrayList<>();
        for (JsonNode e : v) {
            if (e.isNull()) {
                list.add(null);
            } else if (e.isTextual()) {
                list.add(e.textValue());
            } else {
                throw new BadLine(field + " holds something other than text");
            }
        }
        return list;
    }

    // ---------------------------------------------------------------- hashing

    /** Lower-case hex SHA-256 of {@code bytes[from, to)}. */
    static String sha256(byte[] bytes, int from, int to) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes, from, to - from);
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    static String sha256(byte[] bytes) {
        return sha256(bytes, 0, bytes.length);
    }

    /** PEM private key material: "-----BEGIN" and "PRIVATE KEY" anywhere in the line. */
    static boolean holdsPrivateKey(byte[] line) {
        String text = new String(line, StandardCharsets.UTF_8);
        return text.contains("-----BEGIN") && text.contains("PRIVATE KEY");
    }
}
