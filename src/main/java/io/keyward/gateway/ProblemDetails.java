package io.keyward.gateway;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 9457 problem body, with the members Ampersand adds ({@code remedy}, {@code causes},
 * {@code requestId}, {@code retryable}, {@code retryAfter}) and the invalid inputs from its
 * {@code validationIssues} / {@code issues}. Every member may be null (or empty): servers send what
 * they send. Nothing here is a secret; quoted server text is scrubbed before it gets here.
 */
public record ProblemDetails(String type, String title, Integer status, String detail, String instance,
                             String remedy, List<String> causes, String requestId, Boolean retryable,
                             Instant retryAfter, List<Issue> issues) {

    /**
     * One invalid input: its field (or name), what is wrong, how to fix it, and where it was
     * ({@code body}, {@code header}, {@code path}, {@code query}; null when the server did not say).
     */
    public record Issue(String field, String detail, String remedy, String location) {
        public Issue(String field, String detail, String remedy) {
            this(field, detail, remedy, null);
        }
    }

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
     * what to do, which inputs and why, the causes, when to retry, and the id to quote to the
     * vendor's support. Empty when the problem says nothing beyond its detail.
     */
    public List<String> explanation() {
        List<String> lines = new ArrayList<>();
        if (present(remedy)) {
            lines.add("Remedy: " + remedy.trim());
        }
        for (Issue i : issues) {
            StringBuilder sb = new StringBuilder("Field ");
            sb.append(present(i.field()) ? i.field().trim() : "(unnamed)");
            if (present(i.location())) {
                sb.append(" (in ").append(i.location().trim()).append(')');
            }
            if (present(i.detail())) {
                sb.append(": ").append(i.detail().trim());
            }
            // The problem's own remedy is already the first line.
            if (present(i.remedy()) && !i.remedy().trim().equals(remedy == null ? null : remedy.trim())) {
                sb.append(" \u2014 ").append(i.remedy().trim());
            }
            lines.add(sb.toString());
        }
        if (!causes.isEmpty()) {
            lines.add("Causes: " + String.join("; ", causes));
        }
        if (Boolean.FALSE.equals(retryable)) {
            lines.add("Retrying will not help.");
        } else if (retryAfter != null) {
            // Shown even when "retryable" is absent: a retry time says it all.
            lines.add("Retry after " + retryAfter.truncatedTo(ChronoUnit.SECONDS) + ".");
        } else if (Boolean.TRUE.equals(retryable)) {
            lines.add("The request can be retried.");
        }
        if (present(requestId)) {
            lines.add("Request id: " + requestId.trim());
        } else if (present(instance)) {
            lines.add("Problem instance: " + instance.trim());
        }
        return List.copyOf(lines);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
