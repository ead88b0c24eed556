package io.keyward.session;

/** Where failures from loads and mutations go to be shown (and where a 401 offers to reconnect). */
public interface FailureHandler {
    void failed(Throwable failure);

    /** A plain sentence worth telling the user that is not a failed call (e.g. "no longer exists"). */
    default void notice(String sentence) {
    }
}
