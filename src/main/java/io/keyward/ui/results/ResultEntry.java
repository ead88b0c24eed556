package io.keyward.ui.results;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** One mutation in the results panel, with one row per environment when the server reported them. */
public record ResultEntry(Instant time, String action, String target, Outcome outcome, String message,
                          List<EnvironmentRow> environments) {

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

    public record EnvironmentRow(String environment, boolean success, String message) { }

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    public ResultEntry {
        environments = environments == null ? List.of() : List.copyOf(environments);
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
        if (!message.isBlank()) {
            sb.append("\n  ").append(message);
        }
        for (EnvironmentRow row : environments) {
            sb.append("\n  ").append(row.environment()).append(": ").append(row.success() ? "OK" : "FAILED");
            if (!row.message().isBlank()) {
                sb.append(" – ").append(row.message());
            }
        }
        return sb.toString();
    }
}
