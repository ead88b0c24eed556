package io.keyward.store;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/** Where Keyward keeps its files. */
public final class DataDir {

    private DataDir() {
    }

    /**
     * The data directory: {@code override} (from {@code --data-dir}) wins; else on Windows ({@code osName}
     * starts with "Windows") {@code %APPDATA%\Keyward}, falling back to {@code home\AppData\Roaming\Keyward};
     * on macOS ({@code osName} starts with "Mac") {@code ~/Library/Application Support/Keyward}; on Linux and
     * other Unix {@code $XDG_CONFIG_HOME/keyward}, or {@code ~/.config/keyward} when XDG_CONFIG_HOME is unset,
     * blank or relative (the XDG base-directory spec says a relative value is to be ignored).
     * Pure: touches no file system, so every branch can be tested on any machine.
     */
    public static Path resolve(Path override, Map<String, String> env, String osName, Path home) {
        if (override != null) {
            return override;
        }
        Objects.requireNonNull(home, "home");
        Map<String, String> vars = env == null ? Map.of() : env;
        String os = osName == null ? "" : osName;
        if (os.startsWith("Windows")) {
            Path appData = path(vars.get("APPDATA"));
            // Not checked for isAbsolute(): whether "C:\..." is absolute depends on the file system the
            // caller runs on, and Windows itself always sets APPDATA to an absolute path.
            return (appData != null ? appData : home.resolve("AppData").resolve("Roaming")).resolve("Keyward");
        }
        if (os.startsWith("Mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Keyward");
        }
        Path xdg = path(vars.get("XDG_CONFIG_HOME"));
        return (xdg != null && xdg.isAbsolute() ? xdg : home.resolve(".config")).resolve("keyward");
    }

    /** {@link #resolve} with this process's environment, operating system and home directory. */
    public static Path resolveDefault(Path override) {
        return resolve(override, System.getenv(), System.getProperty("os.name"),
                Path.of(System.getProperty("user.home")));
    }

    /** The variable as a path; null when unset, blank or not a path at all. */
    private static Path path(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
