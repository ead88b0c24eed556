package io.keyward.session;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One change in the results panel: where it went (connection), what it did, and its outcome, with
 * one row per environment the server reported (or one row for the project where the backend has no
 * environments), plus what a failing server explained (remedy, fields, request id).
 */
public record ResultEntry(Instant time, String connection, String action, String target, Outcome outcome,
                          String message, List<EnvironmentRow> environments, List<String> details,
                          String requestId) {

    public enum Outcome {
        SUCCEEDED("Succeeded"),
        COMPLETED_WITH_DEPLOYMENT_FAILURES("Completed with deployment failures"),
        FAILED("Failed");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One environment's (or the project's) part of the outcome. */
    public record EnvironmentRow(String environment, boolean success, String message) { }

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    public ResultEntry {
        connection = connection == null ? "" : connection;
        environments = environments == null ? List.of() : List.copyOf(environments);
        details = details == null ? List.of() : List.copyOf(details);
        message = message == null ? "" : message;
    }

    public String timeText(ZoneId zone) {
        return TIME.format(time.atZone(zone));
    }

    /** Plain text for the clipboard: everything an admin would paste into a ticket. */
    public String asText(ZoneId zone) {
        StringBuilder sb = new StringBuilder();
        sb.append(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.atZone(zone).withNano(0)))
                .append("  ").append(action).append("  ").append(target).append("  ").append(outcome.label());
        if (!connection.isBlank()) {
            sb.append("\n  Connection: ").append(connection);
        }
        if (!message.isBlank()) {
            sb.append("\n  ").append(message);
        }
        for (EnvironmentRow row : environments) {
            sb.append("\n  ").append(row.environment()).append(": ").append(row.success() ? "OK" : "FAILED");
            if (!row.message().isBlank()) {
                sb.append(" – ").append(row.message());
            }
        }
        for (String d : details) {
            sb.append("\n  ").append(d);
        }
        return sb.toString();
    }
}
