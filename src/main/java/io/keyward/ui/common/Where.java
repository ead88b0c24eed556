package io.keyward.ui.common;

import io.keyward.model.Project;
import io.keyward.session.Connection;
import io.keyward.session.Snapshot;

/**
 * The connection and project a confirmation acts on, for its header: an admin with a lab and a
 * production manager open must never have to guess which one a delete goes to.
 */
public record Where(String connection, String project) {

    public static Where of(Snapshot snapshot) {
        return of(snapshot.connection(), snapshot.project());
    }

    public static Where of(Connection connection, Project project) {
        return new Where(connection.describe(), project.name());
    }

    /** "Demo sandbox (Apinizer, http://127.0.0.1:1234) · payments" */
    public String line() {
        return connection + " \u00B7 " + project;
    }

    /** "On Demo sandbox (…), project “payments”." */
    public String sentence() {
        return "On " + connection + ", project \u201C" + project + "\u201D.";
    }
}
