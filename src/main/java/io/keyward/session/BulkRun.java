package io.keyward.session;

import java.time.Instant;

/**
 * A bulk run as the results panel shows its group row: what it did ("Delete 12 JWKs"), where, how many
 * items it had, and how it ended. Its items are the {@link ResultEntry}s carrying its id.
 *
 * @param total how many items were selected (sent or not)
 * @param note  why the run stopped early (cancelled, HTTP 403, another connection), "" when it did not
 */
public record BulkRun(String id, Instant time, String action, String connection, String user, String project,
                      int total, State state, String note) {

    public enum State {
        RUNNING("Running"),
        /** Every item was sent (or named as gone before the run began). */
        FINISHED("Finished"),
        /** The user cancelled: calls in flight finished, the rest were not sent. */
        CANCELLED("Cancelled"),
        /** Keyward stopped sending: the server refused a change (403/401), the connection changed, the journal failed. */
        STOPPED("Stopped"),
        /** Keyward itself stopped (killed, crashed) during the run: what the journal holds is all there is. */
        INTERRUPTED("Interrupted");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public BulkRun {
        connection = connection == null ? "" : connection;
        user = user == null ? "" : user;
        project = project == null ? "" : project;
        note = note == null ? "" : note;
    }

    public BulkRun ended(State how, String why) {
        return new BulkRun(id, time, action, connection, user, project, total, how, why);
    }
}
