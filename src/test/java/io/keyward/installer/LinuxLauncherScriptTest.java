package io.keyward.installer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * installer/linux/Keyward.sh, the Linux bundle's bin/Keyward: it must start the bundled runtime with exactly
 * what jpackage's launcher would take from lib/app/Keyward.cfg, from wherever the image lies (spaces and
 * non-ASCII letters in its path, started through a symbolic link), and pass the arguments on unchanged.
 * The runtime's java here is a stand-in that writes the arguments it was given, one per line.
 */
class LinuxLauncherScriptTest {

    @TempDir
    Path temp;

    private Path image;

    @BeforeEach
    void anImage() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is needed to run the launcher script");
        image = temp.resolve("opt dir/Kéyward image");
        Path bin = Files.createDirectories(image.resolve("bin"));
        Files.copy(Path.of("installer/linux/Keyward.sh"), bin.resolve("Keyward"));
        executable(bin.resolve("Keyward"));
        Path java = Files.createDirectories(image.resolve("lib/runtime/bin")).resolve("java");
        Files.writeString(java, "#!/bin/bash\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n", StandardCharsets.UTF_8);
        executable(java);
        Files.createDirectories(image.resolve("lib/app"));
    }

    @Test
    void itStartsTheRuntimeWithTheCfgsClassPathOptionsAndMainClassAndPassesTheArgumentsOn() throws Exception {
        cfg("""
                [Application]
                app.classpath=$APPDIR/keyward.jar
                app.mainclass=io.keyward.app.Launcher
                app.classpath=$APPDIR/lib/jackson core.jar

                [JavaOptions]
                java-options=-Djpackage.app-version=0.1.0
                java-options=-XX:AOTCache=$APPDIR/keyward.aot
                java-options=-Dhome=$ROOTDIR -Dbin=$BINDIR
                """);
        // Started the way a desktop shortcut or a link in /usr/bin would: through a symbolic link elsewhere.
        Path link = Files.createDirectories(temp.resolve("usr/bin")).resolve("keyward");
        Files.createSymbolicLink(link, image.resolve("bin/Keyward"));

        Result r = run(link, "--data-dir", "/tmp/a dir/with spaces", "", "ü*");

        String appdir = image.resolve("lib/app").toString();
        assertEquals(List.of(
                "-Djpackage.app-version=0.1.0",
                "-XX:AOTCache=" + appdir + "/keyward.aot",
                "-Dhome=" + image + " -Dbin=" + image.resolve("bin"),
                "-Djpackage.app-path=" + image.resolve("bin/Keyward"),
                "-cp", appdir + "/keyward.jar:" + appdir + "/lib/jackson core.jar",
                "io.keyward.app.Launcher",
                "--data-dir", "/tmp/a dir/with spaces", "", "ü*"), r.lines(), r.toString());
        assertEquals(0, r.status());
    }

    @Test
    void aCfgWithoutItsLastNewlineStillGivesItsLastLine() throws Exception {
        cfg("[Application]\napp.mainclass=x.Main\napp.classpath=$APPDIR/a.jar");
        Result r = run(image.resolve("bin/Keyward"));
        assertEquals(List.of("-Djpackage.app-path=" + image.resolve("bin/Keyward"), "-cp",
                image.resolve("lib/app") + "/a.jar", "x.Main"), r.lines(), r.toString());
    }

    @Test
    void aMissingCfgIsSaidPlainlyAndNothingIsStarted() throws Exception {
        Result r = run(image.resolve("bin/Keyward"), "--help");
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.lines().size() == 1 && r.lines().get(0).startsWith("Keyward: cannot read ")
                && r.lines().get(0).endsWith("Keyward.cfg; the installation is incomplete"), r.toString());
    }

    @Test
    void aCfgWithoutAMainClassIsSaidPlainly() throws Exception {
        cfg("[Application]\napp.classpath=$APPDIR/a.jar\n");
        Result r = run(image.resolve("bin/Keyward"));
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.lines().get(0).endsWith("names no main class; the installation is incomplete"), r.toString());
    }

    private void cfg(String text) throws IOException {
        Files.writeString(image.resolve("lib/app/Keyward.cfg"), text, StandardCharsets.UTF_8);
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Result(int status, List<String> lines) {
    }

    private Result run(Path launcher, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines;
        try (var in = p.inputReader(StandardCharsets.UTF_8)) {
            lines = in.lines().toList();
        }
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the launcher ended");
        return new Result(p.exitValue(), lines);
    }
}
