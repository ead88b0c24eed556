package io.keyward.store;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DataDirTest {

    private static final Path HOME = Path.of("/home/ayşe");

    @Test
    void linuxUsesAnAbsoluteXdgConfigHome() {
        assertEquals(Path.of("/srv/conf/keyward"),
                DataDir.resolve(null, Map.of("XDG_CONFIG_HOME", "/srv/conf"), "Linux", HOME));
    }

    @Test
    void linuxFallsBackToDotConfigWhenXdgIsUnsetBlankOrRelative() {
        Path expected = Path.of("/home/ayşe/.config/keyward");
        assertEquals(expected, DataDir.resolve(null, Map.of(), "Linux", HOME));
        assertEquals(expected, DataDir.resolve(null, Map.of("XDG_CONFIG_HOME", "  "), "Linux", HOME));
        assertEquals(expected, DataDir.resolve(null, Map.of("XDG_CONFIG_HOME", "conf"), "Linux", HOME));
        assertEquals(expected, DataDir.resolve(null, Map.of("XDG_CONFIG_HOME", "./conf"), "Linux", HOME));
        assertEquals(expected, DataDir.resolve(null, null, "Linux", HOME));
    }

    @Test
    void otherUnixAndAnUnknownSystemFollowXdgToo() {
        Map<String, String> env = Map.of("XDG_CONFIG_HOME", "/x");
        assertEquals(Path.of("/x/keyward"), DataDir.resolve(null, env, "FreeBSD", HOME));
        assertEquals(Path.of("/x/keyward"), DataDir.resolve(null, env, null, HOME));
        assertEquals(Path.of("/home/ayşe/.config/keyward"), DataDir.resolve(null, Map.of(), "SunOS", HOME));
    }

    @Test
    void windowsUsesAppData() {
        String appData = "C:\\Users\\ayse\\AppData\\Roaming";
        Map<String, String> env = Map.of("APPDATA", appData, "XDG_CONFIG_HOME", "/ignored");
        assertEquals(Path.of(appData).resolve("Keyward"), DataDir.resolve(null, env, "Windows 11", HOME));
    }

    @Test
    void windowsWithoutAppDataFallsBackToTheRoamingFolderUnderHome() {
        Path expected = HOME.resolve("AppData").resolve("Roaming").resolve("Keyward");
        assertEquals(expected, DataDir.resolve(null, Map.of(), "Windows 10", HOME));
        assertEquals(expected, DataDir.resolve(null, Map.of("APPDATA", ""), "Windows Server 2022", HOME));
    }

    @Test
    void macUsesApplicationSupportAndIgnoresXdg() {
        assertEquals(Path.of("/home/ayşe/Library/Application Support/Keyward"),
                DataDir.resolve(null, Map.of("XDG_CONFIG_HOME", "/x"), "Mac OS X", HOME));
    }

    @Test
    void theOverrideWinsOnEverySystem() {
        Path override = Path.of("/tmp/kw data");
        Map<String, String> env = new HashMap<>();
        env.put("XDG_CONFIG_HOME", "/x");
        env.put("APPDATA", "C:\\Roaming");
        for (String os : new String[] {"Linux", "Windows 11", "Mac OS X", null}) {
            assertEquals(override, DataDir.resolve(override, env, os, HOME), String.valueOf(os));
        }
        assertEquals(override, DataDir.resolveDefault(override));
    }

    @Test
    void theDefaultIsTheResolutionForThisProcess() {
        assertEquals(DataDir.resolve(null, System.getenv(), System.getProperty("os.name"),
                Path.of(System.getProperty("user.home"))), DataDir.resolveDefault(null));
    }
}
