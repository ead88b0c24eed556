package io.keyward.journal;

/**
 * What {@link Journal#verify()} found.
 *
 * @param entries the entries that checked out: all of them when {@code ok}, else those before the first broken one
 * @param ok      every line parses, the seq numbers run 1, 2, 3… and every prev is the previous line's SHA-256
 * @param file    the file name (no folder) of the first broken entry; null when ok
 * @param line    its line in that file, from 1; 0 when ok
 * @param problem what is wrong with it; null when ok
 */
public record VerifyReport(int entries, boolean ok, String file, int line, String problem) {

    /**
     * "journal: N entries, chain ok", or "journal: entry E in FILE line K: PROBLEM (N entries read)" where E
     * = N + 1 is the broken entry's place in the journal, which is its seq in an intact journal.
     */
    public String summary() {
        if (ok) {
            return "journal: " + entries + " entries, chain ok";
        }
        return "journal: entry " + (entries + 1) + " in " + file + " line " + line + ": " + problem
                + " (" + entries + " entries read)";
    }
}
