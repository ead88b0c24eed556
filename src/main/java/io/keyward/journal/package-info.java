/**
 * The audit journal: an append-only, hash-chained record of what Keyward changed through a management API.
 *
 * <p>Before a change is sent, its {@link io.keyward.journal.ChangeIntent} is appended and forced to disk; its
 * {@link io.keyward.journal.ChangeOutcome} follows when the answer (or its absence) is known, and a later
 * {@link io.keyward.journal.ChangeCheck} records what re-reading the target found for an unknown or interrupted
 * change. {@link io.keyward.journal.Journal#verify()} tells whether the files are still as written.
 *
 * <p>Pure Java plus Jackson for the JSON lines (the journal's file format, as the adapters' wire formats): no
 * JavaFX, no OkHttp, nothing from the session or UI layers. The journal never holds secrets: it writes only
 * what it is given and refuses records holding PEM private key material.
 */
package io.keyward.journal;
