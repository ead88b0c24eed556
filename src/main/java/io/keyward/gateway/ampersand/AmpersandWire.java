package io.keyward.gateway.ampersand;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyward.model.JwtKey;
import io.keyward.model.Project;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Ampersand's JSON shapes to model records. Read from the tree, not bound to DTOs, because the
 * published examples disagree with the schemas ({@code label} vs {@code name}) and "absent" must
 * stay distinguishable from "false". Unknown members are ignored; a member of the wrong type means
 * the answer is not what the API promises and is a {@link BadBody}.
 */
final class AmpersandWire {

    private AmpersandWire() {
    }

    static JsonNode tree(ObjectMapper json, String body) {
        if (body == null || body.isBlank()) {
            throw new BadBody();
        }
        try {
            JsonNode node = json.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new BadBody();
            }
            return node;
        } catch (IOException e) {
            throw new BadBody();
        }
    }

    /** {@code GET /projects}: entries without a name cannot be shown and are skipped. */
    static List<Project> projects(JsonNode root) {
        List<Project> out = new ArrayList<>();
        for (JsonNode item : items(root)) {
            String name = string(item, "name");
            if (name != null && !name.isBlank()) {
                out.add(new Project(id(item, "id"), name, string(item, "appName")));
            }
        }
        return List.copyOf(out);
    }

    /** {@code GET .../jwt-keys}: entries without an id cannot be addressed and are skipped. */
    static List<JwtKey> jwtKeys(JsonNode root) {
        List<JwtKey> out = new ArrayList<>();
        for (JsonNode item : items(root)) {
            JwtKey key = jwtKeyOrNull(item);
            if (key != null) {
                out.add(key);
            }
        }
        return List.copyOf(out);
    }

    /** One key ({@code GET} or {@code PATCH} answer); without an id it is not a key. */
    static JwtKey jwtKey(JsonNode root) {
        if (!root.isObject()) {
            throw new BadBody();
        }
        JwtKey key = jwtKeyOrNull(root);
        if (key == null) {
            throw new BadBody();
        }
        return key;
    }

    /** {@code kid} of a create answer; null when the object has none. */
    static String kid(JsonNode root) {
        if (!root.isObject()) {
            throw new BadBody();
        }
        String kid = id(root, "kid");
        return kid == null || kid.isBlank() ? null : kid;
    }

    private static JwtKey jwtKeyOrNull(JsonNode item) {
        String id = id(item, "id");
        if (id == null || id.isBlank()) {
            return null;
        }
        // The schema says "label"; the PATCH examples and a remedy text say "name".
        String label = string(item, "label");
        if (label == null) {
            label = string(item, "name");
        }
        return new JwtKey(id, id(item, "projectId"), label, string(item, "algorithm"), string(item, "publicKeyPem"),
                bool(item, "active"), instant(item, "createTime"), instant(item, "updateTime"));
    }

    /** Array elements that are objects; null elements are skipped, anything else is a wrong shape. */
    private static List<JsonNode> items(JsonNode root) {
        if (!root.isArray()) {
            throw new BadBody();
        }
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode item : root) {
            if (item.isNull()) {
                continue;
            }
            if (!item.isObject()) {
                throw new BadBody();
            }
            out.add(item);
        }
        return out;
    }

    private static String string(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new BadBody();
        }
        return v.asText();
    }

    /** Ids are strings (UUIDs); a number is taken as its text, anything else is a wrong shape. */
    private static String id(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual() || v.isIntegralNumber()) {
            return v.asText();
        }
        throw new BadBody();
    }

    /** Missing or null is unknown (null), never false. */
    private static Boolean bool(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw new BadBody();
        }
        return v.booleanValue();
    }

    /** An unreadable time is shown as unknown rather than failing the whole list. */
    private static Instant instant(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v.asText().trim()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A 2xx body that does not have the promised shape; reported as a protocol failure. */
    static final class BadBody extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadBody() {
            super(null, null, false, false);
        }
    }
}
