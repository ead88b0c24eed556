package io.keyward.store;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** Checks that a secret reaches no message, cause or suppressed exception: the whole printed trace. */
final class Throwables {
    private Throwables() {
    }

    static void assertSecretAbsent(Throwable t, String secret) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        assertFalse(trace.toString().contains(secret), () -> "the secret leaked into:\n" + trace);
    }
}
