package io.keyward.session;

import java.time.Instant;

/**
 * Where a list stands, so a view never passes off a guess as a fact: a list that failed to load keeps
 * its last good rows but says they are stale and when they were loaded; it is never shown as empty.
 *
 * @param loadedAt when the rows shown were last loaded successfully (null: never)
 * @param error    why the last load failed (only for {@link Status#FAILED})
 */
public record ListState(Status status, Instant loadedAt, String error) {

    public enum Status {
        /** Nothing to load (no project open, or the backend has no such list). */
        IDLE,
        LOADING,
        LOADED,
        FAILED
    }

    public static final ListState IDLE = new ListState(Status.IDLE, null, null);

    public ListState loading() {
        return new ListState(Status.LOADING, loadedAt, null);
    }

    public static ListState loaded(Instant at) {
        return new ListState(Status.LOADED, at, null);
    }

    public ListState failed(String why) {
        return new ListState(Status.FAILED, loadedAt, why);
    }

    public boolean isFailed() {
        return status == Status.FAILED;
    }

    public boolean isLoading() {
        return status == Status.LOADING;
    }

    /** True when the rows shown are known to be possibly out of date (the last load failed). */
    public boolean isStale() {
        return status == Status.FAILED;
    }

    /** The row count is a fact only after a successful load. */
    public boolean countKnown() {
        return status == Status.LOADED;
    }
}
