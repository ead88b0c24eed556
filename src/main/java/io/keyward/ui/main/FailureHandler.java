package io.keyward.ui.main;

/** Where failures from loads and mutations go to be shown (and where a 401 offers to reconnect). */
public interface FailureHandler {
    void failed(Exception e);
}
