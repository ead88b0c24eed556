package io.keyward.session;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * One change in the results panel: where it went (connection, server and user), what it did, and
 * its outcome, with one row per environment the server reported (or one row for the project where
 * the backend has no environments), plus what a failing server explained (remedy, fields, request id)
 * and, for a change whose answer was lost, what the checks found since.
 *
 * @param id      identifies the entry across its updates (a check adds findings to the same change)
 * @param checked  for an unknown outcome, what the latest check found (e.g. "it happened"); empty until checked
 * @param changeId the change's id in the journal (null when it was not journalled)
 * @param project  the project the change was made in ("" when none)
 * @param bulkId   the bulk run the change was one item of (null when it was a change of its own): the results
 *                 panel groups a run's items under one row, and the journal keeps the id with each item
 */
public record ResultEntry(long id, Instant time, String connection, String user, String action, String target,
                          Outcome outcome, String message, List<EnvironmentRow> environments, List<String> details,
                          String requestId, String checked, String changeId, String project, String bulkId) {

    public enum Outcome {
        SUCCEEDED("Succeeded"),
        COMPLETED_WITH_DEPLOYMENT_FAILURES("Completed with deployment failures"),
        FAILED("Failed"),
        /** The request went out and no answer came: it may have happened. Never shown as "Failed". */
        UNKNOWN("Unknown \u2014 check"),
        /** Keyward stopped (was killed, crashed) after sending the change and before its answer came. */
        INTERRUPTED("Unknown \u2014 interrupted"),
        /**
         * An item of a bulk run that was never sent (the run was cancelled or stopped first, or the item was
         * gone before the run began): nothing happened to it.
         */
        NOT_SENT("Not sent");

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

    /** A change of its own, not part of a bulk run. */
    public ResultEntry(long id, Instant time, String connection, String user, String action, String target,
                       Outcome outcome, String message, List<EnvironmentRow> environments, List<String> details,
                       String requestId, String checked, String changeId, String project) {
        this(id, time, connection, user, action, target, outcome, message, environments, details, requestId, checked,
                changeId, project, null);
    }

    public ResultEntry {
        bulkId = bulkId == null || bulkId.isBlank() ? null : bulkId;
        connection = connection == null ? "" : connection;
        user = user == null ? "" : user;
        environments = environments == null ? List.of() : List.copyOf(environments);
        details = details == null ? List.of() : List.copyOf(details);
        message = message == null ? "" : message;
        checked = checked == null ? "" : checked;
        project = project == null ? "" : project;
    }

    /** Whether nobody knows if the change happened (its answer was lost, or Keyward stopped first). */
    public boolean isUnknown() {
        return outcome == Outcome.UNKNOWN || outcome == Outcome.INTERRUPTED;
    }

    /**
     * The outcome as the results panel shows it: an unknown outcome stays unknown (the server never
     * answered), but once checked it says what Keyward found, e.g. "Unknown — checked: it happened".
     */
    public String outcomeText() {
        if (!isUnknown() || checked.isEmpty()) {
            return outcome.label();
        }
        return (outcome == Outcome.INTERRUPTED ? "Unknown \u2014 interrupted, checked: " : "Unknown \u2014 checked: ") + checked;
    }

    /** The same entry with what a check found: its line, and its verdict (null: the check found nothing). */
    public ResultEntry withCheck(String line, String verdict) {
        List<String> more = new ArrayList<>(details);
        more.add(line);
        return new ResultEntry(id, time, connection, user, action, target, outcome, message, environments, more,
                requestId, verdict == null ? checked : verdict, changeId, project, bulkId);
    }

    public String timeText(ZoneId zone) {
        return TIME.format(time.atZone(zone));
    }

    /** Plain text for the clipboard: everything an admin would paste into a ticket. */
    public String asText(ZoneId zone) {
        StringBuilder sb = new StringBuilder();
        sb.append(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.atZone(zone).withNano(0)))
                .append("  ").append(action).append("  ").append(target).append("  ").append(outcomeText());
        if (!connection.isBlank()) {
            sb.append("\n  Connection: ").append(connection).append(user.isBlank() ? "" : ", as " + user);
        }
        if (!message.isBlank()) {
            sb.append("\n  ").append(message);
        }
        for (EnvironmentRow row : environments) {
            sb.append("\n  ").append(row.environment()).append(": ").append(row.success() ? "OK" : "FAILED");
            if (!row.message().isBlank()) {
                sb.append(" \u2013 ").append(row.message());
            }
        }
        for (String d : details) {
            sb.append("\n  ").append(d);
        }
        if (bulkId != null) {
            sb.append("\n  Part of bulk run ").append(bulkId);
        }
        return sb.toString();
    }
}
