package io.keyward.session;

/**
 * Where failures from loads and mutations go to be shown (and where a 401 offers to reconnect). A
 * failure names the operation it belongs to, so its banner can clear when that operation succeeds.
 */
public interface FailureHandler {

    /** @param source the kind of operation that failed, e.g. {@link Workspace#LOAD} */
    void failed(Throwable failure, String source);

    /** A failure with no operation to clear it later (it stays until dismissed or replaced). */
    default void failed(Throwable failure) {
        failed(failure, "");
    }

    /** The operation of that kind succeeded: a banner it raised earlier is no longer true. */
    default void succeeded(String source) {
    }

    /** A plain sentence worth telling the user that is not a failed call (e.g. "no longer exists"). */
    default void notice(String sentence) {
    }
}
