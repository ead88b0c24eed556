package io.keyward.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchHarnessTest {

    @Test
    void onAnOlderJdkOnlyOptionsItAcceptsArePassedOn() {
        List<String> options = List.of("-Dprism.order=sw", "-Xmx512m", "-XX:MaxGCPauseMillis=50",
                "-XX:AOTCache=/x/keyward.aot", "--enable-native-access=javafx.graphics,ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTReplayTraining",
                "-XX:+AOTClassLinking", "-XX:CompileThresholdScaling=5");
        assertEquals(List.of("-Dprism.order=sw", "-Xmx512m", "-XX:MaxGCPauseMillis=50", "-XX:+UnlockDiagnosticVMOptions",
                        "-XX:CompileThresholdScaling=5"),
                options.stream().filter(BenchHarness::isPortableOption).toList());
    }

    @Test
    void medianOfAnOddCountIsTheMiddleValue() {
        assertEquals(3.0, Stats.median(List.of(9, 1, 3)));
        assertEquals(7.0, Stats.median(List.of(7)));
        assertEquals(1295.0, Stats.median(List.of(1300.0, 1290.0, 5000.0, 1200.0, 1280.0, 1310.0, 1295.0)));
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        assertEquals(2.5, Stats.median(List.of(4, 1, 3, 2)));
        assertEquals(1.5, Stats.median(List.of(2.0, 1.0)));
    }

    @Test
    void medianOfNothingIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Stats.median(List.of()));
    }

    @Test
    void figuresArePrintedWithTheirUnitsPrecision() {
        assertEquals("1.23", Unit.RATIO.format(1.234));
        assertEquals("1.00", Unit.RATIO.format(1));
        assertEquals("0.50", Unit.RATIO.format(0.499));
        assertEquals("5.46", Unit.MS.format(5.463));
        assertEquals("16.0", Unit.MS.format(15.96));
        assertEquals("1830", Unit.MS.format(1830.4));
        assertEquals("281", Unit.MB.format(280.7));
        assertEquals("1830 ms", Unit.MS.withUnit(1830));
        assertEquals("1.42", Unit.RATIO.withUnit(1.4189));
    }

    @Test
    void theAppImagesJavaOptionsComeFromItsCfgWithItsDirectoriesPutIn() {
        String cfg = """
                [Application]
                app.classpath=$APPDIR/keyward.jar
                java-options=-Dnot=this-section

                [JavaOptions]
                java-options=-Djpackage.app-version=0.1.0
                java-options=-Xshare:auto
                java-options=-XX:SharedArchiveFile=$APPDIR/keyward.jsa
                java-options=
                java-options=-Dbin=$BINDIR -Droot=$ROOTDIR

                [ArgOptions]
                arguments=--x
                """;
        Path root = Path.of("/opt/Keyward");
        assertEquals(List.of("-Djpackage.app-version=0.1.0", "-Xshare:auto",
                "-XX:SharedArchiveFile=/opt/Keyward/lib/app/keyward.jsa", "-Dbin=/opt/Keyward/bin -Droot=/opt/Keyward"),
                BundleConfig.javaOptions(cfg, root));
        assertEquals(List.of(), BundleConfig.javaOptions("[Application]\n", root));
    }

    @Test
    void settingsHaveDefaultsAndRefuseNonsense(@TempDir Path dir) {
        BenchHarness.Settings s = BenchHarness.Settings.parse(new String[] {"--root", dir.toString()});
        assertEquals(7, s.startupRuns());
        assertEquals(10_000, s.scale());
        assertEquals(dir.resolve("bench").resolve("RESULTS.md"), s.out());
        assertEquals(List.of("startup", "call", "load", "bulk"), List.copyOf(s.only()));
        s = BenchHarness.Settings.parse(new String[] {"--only", "call,startup", "--startup-runs", "9", "--note", "n"});
        assertEquals(List.of("call", "startup"), List.copyOf(s.only()));
        assertEquals(9, s.startupRuns());
        assertEquals(List.of("n"), s.notes());
        assertThrows(IllegalArgumentException.class, () -> BenchHarness.Settings.parse(new String[] {"--only", "speed"}));
        assertThrows(IllegalArgumentException.class,
                () -> BenchHarness.Settings.parse(new String[] {"--startup-runs", "0"}));
        assertThrows(IllegalArgumentException.class,
                () -> BenchHarness.Settings.parse(new String[] {"--startup-runs", "seven"}));
        assertThrows(IllegalArgumentException.class, () -> BenchHarness.Settings.parse(new String[] {"--runs"}));
    }

    @Test
    void aProbeIsFoundInADirectoryOrAJarOnTheClassPath(@TempDir Path dir) throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes/io/keyward/bench"));
        Files.write(classes.resolve("LoadProbe.class"), new byte[] {1});
        Path jar = dir.resolve("probes.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("io/keyward/bench/BulkProbe.class"));
            out.write(1);
            out.closeEntry();
        }
        String cp = String.join(File.pathSeparator, dir.resolve("missing").toString(), "", dir.resolve("classes").toString(),
                jar.toString());
        assertEquals(dir.resolve("classes").toString(), BenchHarness.locate(BenchHarness.LOAD_PROBE, cp));
        assertEquals(jar.toString(), BenchHarness.locate(BenchHarness.BULK_PROBE, cp));
        assertNull(BenchHarness.locate(BenchHarness.CALL_PROBE, cp));
    }

    @Test
    void aLogNeverHoldsASecret() {
        String scrubbed = Proc.scrub("token bench-abc123 in Authorization: Bearer bench-abc123", List.of("bench-abc123"));
        assertEquals("token <redacted> in Authorization: Bearer <redacted>", scrubbed);
        assertTrue(Proc.scrub("x", java.util.Arrays.asList(null, "")).equals("x"));
    }

    @Test
    void durationsReadAsMinutesAndSeconds() {
        assertEquals("45 s", BenchHarness.duration(45));
        assertEquals("5 min 3 s", BenchHarness.duration(303));
    }
}
