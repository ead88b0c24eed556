package io.keyward.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ToolkitDefaultsTest {

    private static final String KEY = "prism.disableRegionCaching";
    private String saved;

    @BeforeEach
    void save() {
        saved = System.getProperty(KEY);
    }

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty(KEY);
        } else {
            System.setProperty(KEY, saved);
        }
    }

    @Test
    void regionCachingIsOffUnlessTheUserSaidOtherwise() {
        System.clearProperty(KEY);
        Launcher.toolkitDefaults();
        assertEquals("true", System.getProperty(KEY));

        System.setProperty(KEY, "false"); // java -Dprism.disableRegionCaching=false -jar keyward.jar
        Launcher.toolkitDefaults();
        assertEquals("false", System.getProperty(KEY));
    }
}
