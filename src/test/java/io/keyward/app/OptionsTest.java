package io.keyward.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionsTest {

    @Test
    void noOptionsOpensTheConsole() {
        Options o = Options.parse(new String[0]);
        assertFalse(o.exitAfterStartup());
        assertNull(o.screenshotsDir());
        assertFalse(o.help());
    }

    @Test
    void startupAndScreenshotOptionsAreRead() {
        Options o = Options.parse(new String[]{"--exit-after-startup", "--screenshots", "out dir"});
        assertTrue(o.exitAfterStartup());
        assertEquals(Path.of("out dir"), o.screenshotsDir());
    }

    @Test
    void dataDirectoryAndJournalCheckAreRead() {
        Options o = Options.parse(new String[]{"--data-dir", "/tmp/kw data", "--verify-journal"});
        assertEquals(Path.of("/tmp/kw data"), o.dataDir());
        assertTrue(o.verifyJournal());
        assertEquals("--data-dir needs a directory",
                assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[]{"--data-dir"})).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[]{"--data-dir", "--verify-journal"}));
    }

    @Test
    void badOptionsAreRejectedWithTheirName() {
        assertEquals("unknown option: --frobnicate",
                assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[]{"--frobnicate"})).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[]{"--screenshots"}));
    }

    @Test
    void usageNamesEveryOption() {
        for (String opt : new String[]{"--exit-after-startup", "--screenshots", "--sandbox-only", "--help", "--data-dir",
                "--verify-journal"}) {
            assertTrue(Options.USAGE.contains(opt), opt);
        }
    }
}
