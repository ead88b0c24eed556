package io.keyward.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AtomicFilesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T01:02:03Z"), ZoneId.of("Asia/Tokyo"));

    @TempDir
    Path tmp;

    @Test
    void writesTheContentCreatingMissingParents() throws IOException {
        Path file = tmp.resolve("a/b/profiles.json");
        byte[] content = "{\"name\":\"Müşteri / prod\"}".getBytes(StandardCharsets.UTF_8);

        AtomicFiles.write(file, content);

        assertArrayEquals(content, Files.readAllBytes(file));
        assertEquals(List.of("profiles.json"), names(file.getParent()));
    }

    @Test
    void theFileIsOwnerOnlyAndNewDirectoriesAreOwnerOnly() throws IOException {
        assumeTrue(AtomicFiles.posix(tmp), "POSIX modes");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = tmp.resolve("new/deeper/state.json");

        AtomicFiles.write(file, new byte[] {1, 2, 3});

        assertEquals("rw-------", mode(file));
        assertEquals("rwx------", mode(tmp.resolve("new")));
        assertEquals("rwx------", mode(tmp.resolve("new/deeper")));
        assertEquals("rwxr-xr-x", mode(tmp), "an existing directory keeps its mode");
    }

    @Test
    void replacingAFileThatWasWorldReadableLeavesItOwnerOnly() throws IOException {
        assumeTrue(AtomicFiles.posix(tmp), "POSIX modes");
        Path file = tmp.resolve("profiles.json");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        AtomicFiles.write(file, "new".getBytes(StandardCharsets.UTF_8));

        assertEquals("new", Files.readString(file));
        assertEquals("rw-------", mode(file));
    }

    @Test
    void createDirectoriesGivesNewDirectoriesOwnerOnlyModes() throws IOException {
        assumeTrue(AtomicFiles.posix(tmp), "POSIX modes");
        Path dir = tmp.resolve("x/y");

        AtomicFiles.createDirectories(dir);
        AtomicFiles.createDirectories(dir); // again: nothing to do, no error

        assertTrue(Files.isDirectory(dir));
        assertEquals("rwx------", mode(tmp.resolve("x")));
        assertEquals("rwx------", mode(dir));
    }

    @Test
    void ownerOnlyNarrowsAFile() throws IOException {
        assumeTrue(AtomicFiles.posix(tmp), "POSIX modes");
        Path file = Files.writeString(tmp.resolve("f"), "x");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));

        AtomicFiles.ownerOnly(file);

        assertEquals("rw-------", mode(file));
    }

    @Test
    void aReplacedFileLeavesNoTemporaryFileBehind() throws IOException {
        Path file = tmp.resolve("profiles.json");
        Files.writeString(file, "old");

        AtomicFiles.write(file, "new".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(file, "newer".getBytes(StandardCharsets.UTF_8));

        assertEquals("newer", Files.readString(file));
        assertEquals(List.of("profiles.json"), names(tmp));
    }

    @Test
    void whenTheTargetCannotBeReplacedNothingChangesAndNoTemporaryFileRemains() throws IOException {
        // A non-empty directory where the file should go: the rename fails after the new content was written.
        Path target = Files.createDirectory(tmp.resolve("profiles.json"));
        Files.writeString(target.resolve("inside.txt"), "keep me");
        Path neighbour = Files.writeString(tmp.resolve("state.json"), "neighbour");

        assertThrows(IOException.class, () -> AtomicFiles.write(target, "new".getBytes(StandardCharsets.UTF_8)));

        assertTrue(Files.isDirectory(target));
        assertEquals("keep me", Files.readString(target.resolve("inside.txt")));
        assertEquals("neighbour", Files.readString(neighbour));
        assertEquals(List.of("profiles.json", "state.json"), names(tmp));
    }

    @Test
    void anExistingFileIsUntouchedWhenTheReplacementFailsHalfway() throws IOException {
        Path file = Files.writeString(tmp.resolve("profiles.json"), "old content");
        byte[] fresh = "new content".getBytes(StandardCharsets.UTF_8);
        Path[] seenTemp = new Path[1];

        IOException failure = assertThrows(IOException.class, () -> AtomicFiles.write(file, fresh, (temp, target) -> {
            // The new bytes are complete on disk next to the target before the swap is attempted.
            seenTemp[0] = temp;
            assertEquals(file.toAbsolutePath().getParent(), temp.getParent());
            assertArrayEquals(fresh, Files.readAllBytes(temp));
            throw new IOException("power cut");
        }));

        assertEquals("power cut", failure.getMessage());
        assertEquals("old content", Files.readString(file));
        assertFalse(Files.exists(seenTemp[0]));
        assertEquals(List.of("profiles.json"), names(tmp));
    }

    @Test
    void theTemporaryFileIsOwnerOnlyBeforeAnyContentIsInIt() throws IOException {
        assumeTrue(AtomicFiles.posix(tmp), "POSIX modes");
        Path file = tmp.resolve("profiles.json");
        String[] tempMode = new String[1];

        AtomicFiles.write(file, new byte[] {42}, (temp, target) -> {
            tempMode[0] = mode(temp);
            Files.move(temp, target);
        });

        assertEquals("rw-------", tempMode[0]);
    }

    @Test
    void moveAsideNamesTheFileAfterTheUtcTimeAndKeepsItsContent() throws IOException {
        Path file = Files.writeString(tmp.resolve("profiles.json"), "{broken");

        Path aside = AtomicFiles.moveAside(file, CLOCK);

        assertEquals(tmp.resolve("profiles.json.unreadable-20261201T010203Z"), aside);
        assertEquals("{broken", Files.readString(aside));
        assertFalse(Files.exists(file));
    }

    @Test
    void moveAsideAddsASuffixWhenTheNameIsTakenAndNeverReplacesAnything() throws IOException {
        Path file = tmp.resolve("profiles.json");
        Files.writeString(tmp.resolve("profiles.json.unreadable-20261201T010203Z"), "first");

        Files.writeString(file, "second");
        Path second = AtomicFiles.moveAside(file, CLOCK);
        Files.writeString(file, "third");
        Path third = AtomicFiles.moveAside(file, CLOCK);

        assertEquals(tmp.resolve("profiles.json.unreadable-20261201T010203Z-1"), second);
        assertEquals(tmp.resolve("profiles.json.unreadable-20261201T010203Z-2"), third);
        assertEquals("first", Files.readString(tmp.resolve("profiles.json.unreadable-20261201T010203Z")));
        assertEquals("second", Files.readString(second));
        assertEquals("third", Files.readString(third));
    }

    @Test
    void moveAsideOfAMissingFileFails() {
        assertThrows(IOException.class, () -> AtomicFiles.moveAside(tmp.resolve("nothing.json"), CLOCK));
    }

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
