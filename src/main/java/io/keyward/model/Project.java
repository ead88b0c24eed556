package io.keyward.model;

import java.util.Objects;

/**
 * A project (a gateway's top-level scope). Names are case-sensitive and may need URL encoding;
 * {@code id} is null where the server does not report one. Which of the two addresses the project
 * on the wire is the adapter's choice.
 */
public record Project(String id, String name, String description) {
    public Project {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
    }

    /** A project known only by its name. */
    public static Project named(String name) {
        return new Project(null, name, "");
    }

    /** Same project: same id when both have one (survives a rename), else same name. */
    public boolean sameAs(Project other) {
        if (other == null) {
            return false;
        }
        return id != null && other.id != null ? id.equals(other.id) : name.equals(other.name);
    }
}
