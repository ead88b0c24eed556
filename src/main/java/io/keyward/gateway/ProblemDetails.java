package io.keyward.gateway;

import java.time.Instant;
import java.util.List;

/**
 * An RFC 9457 problem body, with the members Ampersand adds ({@code remedy}, {@code causes},
 * {@code requestId}, {@code retryable}, {@code retryAfter}) and the field names from its
 * {@code validationIssues} / {@code issues}. Every member may be null (or empty): servers send what
 * they send. Nothing here is a secret; quoted server text is scrubbed before it gets here.
 */
public record ProblemDetails(String type, String title, Integer status, String detail, String instance,
                             String remedy, List<String> causes, String requestId, Boolean retryable,
                             Instant retryAfter, List<Issue> issues) {

    /** One invalid input: its field (or name), what is wrong, and how to fix it. */
    public record Issue(String field, String detail, String remedy) { }

    public ProblemDetails {
        causes = causes == null ? List.of() : List.copyOf(causes);
        issues = issues == null ? List.of() : List.copyOf(issues);
    }

    /** The names of the fields the server found fault with, in its order. */
    public List<String> fieldNames() {
        return issues.stream().map(Issue::field).filter(f -> f != null && !f.isBlank()).distinct().toList();
    }

    /**
     * Lines worth showing under a failure, beyond the sentence that already quotes the detail:
     * what to do, why, which fields, and the id to quote to the vendor's support.
     */
    public List<String> explanation() {
        List<String> lines = new java.util.ArrayList<>();
        if (remedy != null && !remedy.isBlank()) {
            lines.add("Remedy: " + remedy.trim());
        }
        for (Issue i : issues) {
            StringBuilder sb = new StringBuilder("Field ");
            sb.append(i.field() == null || i.field().isBlank() ? "(unnamed)" : i.field());
            if (i.detail() != null && !i.detail().isBlank()) {
                sb.append(": ").append(i.detail().trim());
            }
            if (i.remedy() != null && !i.remedy().isBlank() && !i.remedy().equals(remedy)) {
                sb.append(" (").append(i.remedy().trim()).append(')');
            }
            lines.add(sb.toString());
        }
        if (!causes.isEmpty()) {
            lines.add("Causes: " + String.join("; ", causes));
        }
        if (retryable != null) {
            lines.add(retryable ? "Retryable: yes" + (retryAfter == null ? "" : ", after " + retryAfter)
                    : "Retryable: no");
        }
        if (requestId != null && !requestId.isBlank()) {
            lines.add("Request id: " + requestId);
        }
        return List.copyOf(lines);
    }
}
