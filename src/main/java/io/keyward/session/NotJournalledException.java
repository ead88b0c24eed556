package io.keyward.session;

/**
 * A change was not sent because the journal could not record it first: every change is written to
 * disk before it goes to the server, so none is ever made without a trace.
 */
public final class NotJournalledException extends Exception {

    public NotJournalledException(Throwable cause) {
        super("Nothing was sent: Keyward could not write the change to its journal first (" + reason(cause)
                + "). Every change is journalled before it is sent; free disk space or fix the data directory's "
                + "permissions, then try again.", cause);
    }

    private static String reason(Throwable cause) {
        String m = cause.getMessage();
        return cause.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }
}
