package io.keyward.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Request bodies and query flags under /v1, refused as 400 problems that name the field. */
final class AmpersandInput {
    private AmpersandInput() {
    }

    /** @throws ProblemException 400 unless the body is one JSON object */
    static JsonNode jsonObject(byte[] body) {
        JsonNode root;
        try {
            root = body.length == 0 ? null : Json.MAPPER.readTree(body);
        } catch (IOException e) {
            // Jackson's message quotes the input; the body may hold a key, so it is not passed on.
            throw bodyProblem("request body is not valid JSON");
        }
        if (root == null || root.isMissingNode()) {
            throw bodyProblem("request body is empty");
        }
        if (!root.isObject()) {
            throw bodyProblem("request body must be a JSON object");
        }
        return root;
    }

    /**
     * A boolean query parameter such as {@code ?active=true}: absent means the default, "true" and
     * "false" are the only values (the OpenAPI type is boolean, and a typo should not read as false).
     */
    static boolean flag(ApiRequest request, String name, boolean defaultValue) {
        Optional<String> value = request.queryParameter(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        return switch (value.get()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.badRequest("invalid query parameter " + name, List.of(
                    ValidationIssue.echoing(name, name + " must be true or false", "use " + name + "=true or "
                            + name + "=false, or leave it out", value.get())));
        };
    }

    private static ProblemException bodyProblem(String detail) {
        return ProblemException.badRequest(detail, List.of(ValidationIssue.of("body", detail,
                "send a JSON object with Content-Type: application/json")));
    }
}
