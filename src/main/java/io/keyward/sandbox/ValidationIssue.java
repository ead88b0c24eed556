package io.keyward.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * One entry of an Ampersand problem's {@code validationIssues}.
 *
 * @param value the offending input as sent, or null to leave it out: a public-key field may hold a
 *              private key pasted by mistake, and a problem must never carry that back
 */
record ValidationIssue(String field, String detail, String remedy, JsonNode value) {
    static ValidationIssue of(String field, String detail, String remedy) {
        return new ValidationIssue(field, detail, remedy, null);
    }

    static ValidationIssue echoing(String field, String detail, String remedy, String value) {
        return new ValidationIssue(field, detail, remedy, value == null ? null : TextNode.valueOf(value));
    }

    ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("field", field);
        if (value != null) {
            node.set("value", value);
        }
        node.put("detail", detail);
        if (remedy != null) {
            node.put("remedy", remedy);
        }
        return node;
    }
}
