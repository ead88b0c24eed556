package io.keyward.session;

/**
 * Reads what the server now has for the target of a change whose answer was lost, and says whether
 * the change happened. Blocking (network): runs off the FX thread. Written next to the change it
 * checks, because only the feature knows what "happened" looks like for it.
 */
@FunctionalInterface
public interface OutcomeCheck {

    Finding check() throws Exception;

    /** What a check found. */
    enum Verdict {
        HAPPENED("it happened"),
        DID_NOT_HAPPEN("it did not happen"),
        CHANGED_OTHERWISE("the target changed, but not as asked"),
        CANNOT_TELL("the server's answer does not tell");

        private final String words;

        Verdict(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** @param sentence what was seen, e.g. "Key “k” is gone." */
    record Finding(Verdict verdict, String sentence) { }

    /** For a change nobody will check (the screenshots' demo changes): says to look for oneself. */
    static OutcomeCheck unchecked() {
        return () -> new Finding(Verdict.CANNOT_TELL, "Keyward did not check this change; refresh to see the server's state.");
    }

    /** For the feature's convenience: "gone" means a deletion happened, "still there" that it did not. */
    static Finding deletion(boolean stillThere, String what) {
        return stillThere ? new Finding(Verdict.DID_NOT_HAPPEN, what + " is still there.")
                : new Finding(Verdict.HAPPENED, what + " is gone.");
    }
}
