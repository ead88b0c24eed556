package io.keyward.gateway;

import java.time.Duration;

/**
 * Told what a client does while a call is under way, so the console can say so ("retrying 2 of 3…").
 * Called on the calling (background) thread; implementations hand over to the UI themselves.
 */
public interface CallObserver {

    /**
     * A read failed in a way worth retrying and is tried again after {@code wait}.
     *
     * @param action  what is being done, e.g. {@code Loading keys of project “payments”}
     * @param attempt the attempt about to be made (2 for the first retry)
     * @param of      the most attempts that will be made
     * @param reason  why, in a few words (e.g. "HTTP 502", "the connection was closed without an answer")
     */
    void retrying(String action, int attempt, int of, Duration wait, String reason);

    CallObserver NONE = (action, attempt, of, wait, reason) -> { };
}
