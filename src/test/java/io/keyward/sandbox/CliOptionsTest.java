package io.keyward.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The token-file options: the token stays out of the process list, and a wrong file is named clearly. */
class CliOptionsTest {
    @TempDir
    Path dir;

    private Path privateFile(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        if (posix()) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        return file;
    }

    private Path privateFile(String name, String content) throws IOException {
        return privateFile(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static String refusal(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> CliOptions.parse(args)).getMessage();
    }

    @Test
    void theAdminTokenComesFromTheFilesFirstLineTrimmed() throws IOException {
        Path file = privateFile("admin.token", "\uFEFF  s3cret-admin-token \r\nsecond line is ignored\n");
        CliOptions options = CliOptions.parse(new String[]{"--admin-token-file", file.toString()});
        assertEquals("s3cret-admin-token", options.sandbox().adminToken());
        assertEquals(List.of(), options.warnings(), "a private file is no reason to warn");
        assertTrue(!options.toString().contains("s3cret-admin-token"), options.toString());

        Path bare = privateFile("bare.token", "no-newline-at-all");
        assertEquals("no-newline-at-all",
                CliOptions.parse(new String[]{"--admin-token-file=" + bare}).sandbox().adminToken());
        assertNull(CliOptions.parse(new String[]{}).sandbox().adminToken(), "random without either option");
    }

    @Test
    void theControlTokenCanComeFromAFileToo() throws IOException {
        Path file = privateFile("control.token", "my-control-token\n");
        SandboxOptions options = CliOptions.parse(new String[]{"--control-token-file", file.toString()}).sandbox();
        assertEquals("my-control-token", options.controlToken());
        assertNull(CliOptions.parse(new String[]{"--port", "0"}).sandbox().controlToken(), "random by default");
        assertEquals("the control token must differ from the admin token and the Ampersand API key",
                refusal("--admin-token", "my-control-token", "--control-token-file", file.toString()));
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        for (String content : List.of("", "\n", "   \nsecond-line-token\n", "\t\r\n")) {
            Path file = privateFile("empty.token", content);
            assertEquals("--admin-token-file: " + file + " is empty; its first line must be the token",
                    refusal("--admin-token-file", file.toString()), "content '" + content + "'");
        }
    }

    @Test
    void aFileLargerThan4KiBIsRefused() throws IOException {
        byte[] justRight = "a".repeat(4096).getBytes(StandardCharsets.US_ASCII);
        Path fits = privateFile("fits.token", justRight);
        assertEquals(4096, CliOptions.parse(new String[]{"--admin-token-file", fits.toString()})
                .sandbox().adminToken().length(), "exactly 4 KiB is fine");

        Path large = privateFile("large.token", "token\n" + "x".repeat(4091));
        assertEquals(4097, Files.size(large));
        assertEquals("--admin-token-file: " + large + " is larger than 4096 bytes; it should hold just the token",
                refusal("--admin-token-file", large.toString()));
    }

    @Test
    void bothTheTokenAndItsFileAreRefused() throws IOException {
        Path file = privateFile("admin.token", "from-file");
        String expected = "give --admin-token or --admin-token-file, not both";
        assertEquals(expected, refusal("--admin-token", "inline", "--admin-token-file", file.toString()));
        assertEquals(expected, refusal("--admin-token-file", file.toString(), "--admin-token=inline"));
    }

    @Test
    void otherBadFilesAreNamedClearly() throws IOException {
        Path missing = dir.resolve("missing.token");
        assertEquals("--admin-token-file: cannot read " + missing + " (no such file)",
                refusal("--admin-token-file", missing.toString()));
        assertTrue(refusal("--control-token-file", dir.toString()).startsWith("--control-token-file: cannot read "));
        assertEquals("--admin-token-file needs a value", refusal("--admin-token-file"));
        assertEquals("--admin-token-file needs a file name", refusal("--admin-token-file="));
        Path binary = privateFile("binary.token", new byte[]{(byte) 0xff, (byte) 0xfe, 'a'});
        assertEquals("--admin-token-file: " + binary + " is not UTF-8 text", refusal("--admin-token-file", binary.toString()));
        Path spaced = privateFile("spaced.token", "two words\n");
        assertEquals("--admin-token-file: the token in " + spaced + " must be printable ASCII without spaces",
                refusal("--admin-token-file", spaced.toString()));
    }

    @Test
    void aFileOthersCanReadIsUsedWithAWarning() throws IOException {
        assumeTrue(posix(), "file modes are POSIX");
        Path file = privateFile("shared.token", "shared-token\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        CliOptions options = CliOptions.parse(new String[]{"--admin-token-file", file.toString()});
        assertEquals("shared-token", options.sandbox().adminToken());
        assertEquals(List.of("warning: " + file + " can be read by group and others (mode rw-r--r--); chmod 600 it"),
                options.warnings());

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        assertEquals(List.of("warning: " + file + " can be read by its group (mode rw-r-----); chmod 600 it"),
                CliOptions.parse(new String[]{"--control-token-file", file.toString()}).warnings());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        assertEquals(List.of(), CliOptions.parse(new String[]{"--control-token-file", file.toString()}).warnings());
    }

    @Test
    void theUsageNamesTheNewOptions() {
        assertTrue(CliOptions.USAGE.contains("--admin-token-file FILE"), CliOptions.USAGE);
        assertTrue(CliOptions.USAGE.contains("--control-token-file FILE"), CliOptions.USAGE);
        assertTrue(CliOptions.USAGE.contains("control-token"), CliOptions.USAGE);
        assertTrue(CliOptions.USAGE.contains("Authorization: Bearer <control-token>"), CliOptions.USAGE);
        assertTrue(CliOptions.USAGE.contains("10 seconds"), CliOptions.USAGE);
    }

    @Test
    void scaleTakesAWholeNumberUpTo100000AndZeroMeansOff() {
        assertEquals(0, CliOptions.parse(new String[]{}).sandbox().scale(), "off by default");
        assertEquals(0, CliOptions.parse(new String[]{"--scale", "0"}).sandbox().scale());
        assertEquals(1, CliOptions.parse(new String[]{"--scale", "1"}).sandbox().scale());
        assertEquals(10_000, CliOptions.parse(new String[]{"--scale=10000"}).sandbox().scale());
        assertEquals(100_000, CliOptions.parse(new String[]{"--sandbox-only", "--scale", "100000"}).sandbox().scale());
        assertEquals("--scale must be between 0 and 100000, was -1", refusal("--scale", "-1"));
        assertEquals("--scale must be between 0 and 100000, was 100001", refusal("--scale", "100001"));
        assertEquals("--scale must be a whole number, was 'ten'", refusal("--scale", "ten"));
        assertEquals("--scale must be a whole number, was '1.5'", refusal("--scale=1.5"));
        assertEquals("--scale needs a value", refusal("--scale"));
        assertTrue(CliOptions.USAGE.contains("--scale N"), CliOptions.USAGE);
        assertTrue(CliOptions.USAGE.contains("(1..100000; 0 = off)"), CliOptions.USAGE);
    }
}
