package io.keyward.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyward.gateway.ProblemDetails;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an RFC 9457 problem body into {@link ProblemDetails}: the standard members, Ampersand's
 * additions ({@code remedy}, {@code causes}, {@code requestId}, {@code retryable}, {@code retryAfter})
 * and the invalid inputs from {@code validationIssues} ({@code field}) and {@code issues}
 * ({@code name}, {@code in}). Every piece of text is scrubbed (also of the values the body holds under
 * a secret's name, see {@link Redactor#withValuesIn}), put on one line and capped. A member
 * of an unexpected type is ignored rather than failing: this runs on error paths, where the server is
 * already misbehaving.
 */
public final class ProblemParser {

    private ProblemParser() {
    }

    /**
     * A problem if the content type says so, or the object has a {@code title} or {@code detail}, or a
     * {@code type} without an OAuth-style {@code error} member.
     */
    public static boolean isProblem(JsonNode node, String contentType) {
        if (node == null || !node.isObject()) {
            return false;
        }
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("application/problem+json")) {
            return true;
        }
        return node.hasNonNull("title") || node.hasNonNull("detail") || node.hasNonNull("type") && !node.has("error");
    }

    /** @return the problem, or null when the body is not one ({@link #isProblem}) */
    public static ProblemDetails parse(JsonNode node, String contentType, Redactor connection) {
        if (!isProblem(node, contentType)) {
            return null;
        }
        // A problem that echoes the request holds its secrets under their names; a detail repeating them is masked too.
        Redactor redactor = connection.withValuesIn(node);
        List<ProblemDetails.Issue> issues = new ArrayList<>();
        each(node.get("validationIssues"), i -> issues.add(issue(i, "field", "name", redactor)));
        each(node.get("issues"), i -> issues.add(issue(i, "name", "field", redactor)));
        return new ProblemDetails(
                text(node, "type", redactor),
                text(node, "title", redactor),
                status(node.get("status")),
                text(node, "detail", redactor),
                text(node, "instance", redactor),
                text(node, "remedy", redactor),
                causes(node.get("causes"), redactor),
                text(node, "requestId", redactor),
                bool(node.get("retryable")),
                RetryAfter.rfc3339(Json.text(node, "retryAfter")),
                issues);
    }

    private static ProblemDetails.Issue issue(JsonNode i, String nameField, String otherNameField, Redactor r) {
        return new ProblemDetails.Issue(
                Json.firstNonBlank(text(i, nameField, r), text(i, otherNameField, r)),
                Json.firstNonBlank(text(i, "detail", r), text(i, "title", r)),
                text(i, "remedy", r),
                text(i, "in", r));
    }

    private static void each(JsonNode list, java.util.function.Consumer<JsonNode> action) {
        if (list != null && list.isArray()) {
            list.forEach(item -> {
                if (item.isObject()) {
                    action.accept(item);
                }
            });
        }
    }

    private static List<String> causes(JsonNode node, Redactor r) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(c -> {
                String t = c.isValueNode() && !c.isNull() ? Snippets.text(c.asText(), r) : null;
                if (t != null) {
                    out.add(t);
                }
            });
        } else if (node.isValueNode()) {
            String t = Snippets.text(node.asText(), r);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    private static Integer status(JsonNode v) {
        if (v == null) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return v.intValue();
        }
        if (v.isTextual() && v.asText().trim().matches("\\d{3}")) {
            return Integer.valueOf(v.asText().trim());
        }
        return null;
    }

    private static Boolean bool(JsonNode v) {
        if (v == null) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual() && (v.asText().equalsIgnoreCase("true") || v.asText().equalsIgnoreCase("false"))) {
            return Boolean.valueOf(v.asText());
        }
        return null;
    }

    private static String text(JsonNode node, String field, Redactor r) {
        return Snippets.text(Json.text(node, field), r);
    }
}
