package io.keyward.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the launcher prepares while the JavaFX toolkit starts, and what the application takes of it: the
 * context on the data directory it was given, with the window state read; a second start (nothing begun)
 * prepares its own; a --screenshots run reads no window state. Needs no toolkit: that is the point.
 */
class PrestartTest {

    @TempDir
    Path data;

    @Test
    void whatWasBegunIsTakenOnceWithTheWindowStateReadFromTheGivenDataDirectory() throws Exception {
        Files.writeString(data.resolve("state.json"), "{not json", StandardCharsets.UTF_8);
        Options options = Options.parse(new String[]{"--data-dir", data.toString()});

        Prestart.begin(options);
        Prestart.Prepared first = Prestart.take(options);
        try {
            assertEquals(data, first.context().dataDir());
            assertNotNull(first.state(), "the window state was read");
            assertNotNull(first.state().notice(), "and the unreadable file said so");
            assertFalse(first.demoOnly());
            assertNull(first.stage().get(), "no window yet");
        } finally {
            first.context().close();
        }

        Prestart.Prepared second = Prestart.take(options);
        try {
            assertNotSame(first.context(), second.context(), "nothing begun: prepared anew");
            assertEquals(data, second.context().dataDir());
        } finally {
            second.context().close();
        }
    }

    @Test
    void aScreenshotsRunReadsNoWindowStateAndKeepsItsSecretsInMemory() throws Exception {
        Options options = Options.parse(new String[]{"--screenshots", data.resolve("shots").toString()});
        Prestart.begin(options);
        Prestart.Prepared prepared = Prestart.take(options);
        try {
            assertTrue(prepared.demoOnly());
            assertNull(prepared.state());
            assertFalse(prepared.context().dataDir().startsWith(data), "a temporary data directory");
            assertTrue(prepared.context().main().secretStore() instanceof io.keyward.store.MemorySecretStore);
        } finally {
            prepared.context().close();
        }
    }
}
