package io.keyward.journal;

import java.util.Map;

/**
 * Enough to re-read the target later (after a restart) and tell whether the change happened.
 *
 * @param kind      "key", "jwk", "credential" or "jwt-key"
 * @param project   the project's name
 * @param projectId the project's id where the backend addresses projects by id, else its name
 * @param name      the target's name
 * @param id        the target's id
 * @param deletion  the change deletes the target ({@code after} is then empty)
 * @param creation  the change creates the target ({@code before} is then empty)
 * @param before    the fields the change is meant to alter, as text, before it, e.g. {"description": "old"}
 * @param after     the same fields as the change means to leave them, e.g. {"description": "new"}
 */
public record CheckTarget(String kind, String project, String projectId, String name, String id,
                          boolean deletion, boolean creation, Map<String, String> before, Map<String, String> after) {

    /** The maps are copied in their order; null becomes empty. */
    public CheckTarget {
        before = Copies.map(before);
        after = Copies.map(after);
    }
}
