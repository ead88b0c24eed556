package io.keyward.model;

import java.util.Objects;

/** A project on the management server. Names are case-sensitive and may need URL encoding. */
public record Project(String name, String description) {
    public Project {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
    }
}
