package io.keyward.store;

import java.util.Objects;

/** The one rule every store applies to a profile name, so the stores behave alike. */
final class ProfileNames {
    private ProfileNames() {
    }

    static String require(String profileName) {
        Objects.requireNonNull(profileName, "profileName");
        if (profileName.isBlank()) {
            throw new IllegalArgumentException("a profile name is needed to keep its secret");
        }
        return profileName;
    }
}
