package io.keyward.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and checks the bodies of POST and PATCH /jwt-keys. Everything here runs before the store is
 * touched, so a refused request changes nothing.
 *
 * <p>The published spec disagrees with itself, and a client may have been written from either part:
 * the request schema says {@code label} and {@code algorithm: RS256}, the examples say {@code name} and
 * {@code RSA}; the PATCH schema's mask enum says {@code label}, its examples and descriptions say
 * {@code name}. The sandbox accepts both readings everywhere ({@code label} wins when both are sent)
 * and answers with the response schema's terms only: {@code label} and {@code algorithm: "RSA"}.
 */
final class JwtKeyRequests {
    static final int MAX_LABEL_LENGTH = 255;
    static final String MASK_REMEDY = "Allowed masks: 'active' and 'label'";
    private static final Set<String> ALGORITHMS = Set.of("RS256", "RSA");

    private enum Mask { ACTIVE, LABEL }

    private JwtKeyRequests() {
    }

    static NewJwtKey parseCreate(byte[] body) {
        JsonNode root = AmpersandInput.jsonObject(body);
        Issues issues = new Issues();
        String labelField = root.has("label") ? "label" : root.has("name") ? "name" : "label";
        String label = checkLabel(labelField, root.get(labelField), issues);

        JsonNode algorithm = root.get("algorithm");
        if (algorithm == null || algorithm.isNull()) {
            issues.add("missing algorithm", ValidationIssue.of("algorithm", "algorithm is required",
                    "use 'RS256' as the algorithm"));
        } else if (!algorithm.isTextual() || !ALGORITHMS.contains(algorithm.textValue())) {
            issues.add("unsupported algorithm", new ValidationIssue("algorithm", "only RSA algorithm is supported",
                    "use 'RS256' (or 'RSA') as the algorithm", algorithm));
        }

        JsonNode pemNode = root.get("publicKeyPem");
        String pem = null;
        if (pemNode == null || pemNode.isNull() || (pemNode.isTextual() && pemNode.textValue().isBlank())) {
            issues.add("missing public key", ValidationIssue.of(RsaPublicKeyPem.FIELD, "publicKeyPem is required",
                    "provide an RSA public key in PEM format"));
        } else if (!pemNode.isTextual()) {
            issues.add(RsaPublicKeyPem.HEADLINE, ValidationIssue.of(RsaPublicKeyPem.FIELD,
                    "publicKeyPem must be a string", "provide an RSA public key in PEM format"));
        } else {
            Optional<ValidationIssue> problem = RsaPublicKeyPem.check(pemNode.textValue());
            problem.ifPresent(issue -> issues.add(RsaPublicKeyPem.HEADLINE, issue));
            pem = pemNode.textValue();
        }
        issues.throwIfAny();
        return new NewJwtKey(label, pem);
    }

    /**
     * Mask problems are 400 (the published "Invalid update mask"); a masked field without a usable value
     * in jwtKey is 422 (the published "value not found for mask"); a blank or too long label is 400.
     */
    static JwtKeyPatch parsePatch(byte[] body) {
        JsonNode root = AmpersandInput.jsonObject(body);
        Set<Mask> masks = masks(root.get("updateMask"));
        JsonNode jwtKey = root.get("jwtKey");
        if (jwtKey == null || !jwtKey.isObject()) {
            throw valueNotFound(List.of(ValidationIssue.of("jwtKey", "required field missing for specified mask",
                    "send a jwtKey object with a value for every field in updateMask")));
        }
        List<ValidationIssue> missing = new ArrayList<>();
        Boolean active = null;
        if (masks.contains(Mask.ACTIVE)) {
            JsonNode value = jwtKey.get("active");
            if (value != null && value.isBoolean()) {
                active = value.booleanValue();
            } else {
                missing.add(new ValidationIssue("jwtKey.active", value == null
                        ? "required field missing for specified mask" : "active must be true or false",
                        "send jwtKey.active as true or false", value));
            }
        }
        String label = null;
        JsonNode labelValue = null;
        String labelField = jwtKey.has("label") ? "jwtKey.label" : jwtKey.has("name") ? "jwtKey.name" : "jwtKey.label";
        if (masks.contains(Mask.LABEL)) {
            labelValue = jwtKey.has("label") ? jwtKey.get("label") : jwtKey.get("name");
            if (labelValue == null || !labelValue.isTextual()) {
                missing.add(new ValidationIssue(labelField, labelValue == null
                        ? "required field missing for specified mask" : "label must be a string",
                        "send jwtKey.label as a string", labelValue));
            }
        }
        if (!missing.isEmpty()) {
            throw valueNotFound(missing);
        }
        if (labelValue != null) {
            Issues issues = new Issues();
            label = checkLabel(labelField, labelValue, issues);
            issues.throwIfAny();
        }
        return new JwtKeyPatch(active, label);
    }

    private static Set<Mask> masks(JsonNode updateMask) {
        if (updateMask == null || !updateMask.isArray() || updateMask.isEmpty()) {
            throw invalidMask(updateMask == null || updateMask.isNull() ? "updateMask is missing"
                    : updateMask.isArray() ? "updateMask is empty" : "updateMask must be an array of field names",
                    updateMask);
        }
        Set<Mask> masks = EnumSet.noneOf(Mask.class);
        for (JsonNode entry : updateMask) {
            String text = entry.isTextual() ? entry.textValue() : null;
            if ("active".equals(text)) {
                masks.add(Mask.ACTIVE);
            } else if ("label".equals(text) || "name".equals(text)) {
                masks.add(Mask.LABEL);
            } else {
                throw invalidMask("unknown mask " + (text == null ? entry.toString() : "'" + text + "'"), entry);
            }
        }
        return masks;
    }

    private static ProblemException invalidMask(String cause, JsonNode value) {
        return ProblemException.of(400, "Invalid update mask", MASK_REMEDY)
                .withCauses(List.of(cause))
                .withIssues(List.of(new ValidationIssue("updateMask", cause, MASK_REMEDY, value)));
    }

    private static ProblemException valueNotFound(List<ValidationIssue> issues) {
        return ProblemException.of(422, "value not found for mask", null).withIssues(issues);
    }

    /** @return the label, or null after recording why it cannot be used */
    private static String checkLabel(String field, JsonNode value, Issues issues) {
        String remedy = "send a label of 1 to " + MAX_LABEL_LENGTH + " characters";
        if (value == null || value.isNull()) {
            issues.add("invalid label", ValidationIssue.of(field, "label is required", remedy));
            return null;
        }
        if (!value.isTextual()) {
            issues.add("invalid label", new ValidationIssue(field, "label must be a string", remedy, value));
            return null;
        }
        String label = value.textValue();
        if (label.isBlank()) {
            issues.add("invalid label", ValidationIssue.echoing(field, "label must not be blank", remedy, label));
            return null;
        }
        // JSON Schema's maxLength counts characters (code points), not UTF-16 units.
        int length = label.codePointCount(0, label.length());
        if (length > MAX_LABEL_LENGTH) {
            issues.add("invalid label", ValidationIssue.of(field, "label is " + length + " characters long; at most "
                    + MAX_LABEL_LENGTH + " are allowed", remedy));
            return null;
        }
        return label;
    }

    /** Collects every issue of one body, so a client learns all of them at once. */
    private static final class Issues {
        private final List<String> headlines = new ArrayList<>();
        private final List<ValidationIssue> issues = new ArrayList<>();

        void add(String headline, ValidationIssue issue) {
            headlines.add(headline);
            issues.add(issue);
        }

        void throwIfAny() {
            if (!issues.isEmpty()) {
                String detail = issues.size() == 1 ? headlines.get(0) : "invalid request: " + issues.size()
                        + " fields failed validation";
                throw ProblemException.badRequest(detail, issues);
            }
        }
    }
}
