package io.keyward.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/** Small files written so that a crash never leaves half a file, readable by the owner only. */
public final class AtomicFiles {

    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final DateTimeFormatter ASIDE_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    /** Far more than a user will ever collect; only a bound so a broken directory cannot loop forever. */
    private static final int MAX_ASIDE_SUFFIX = 10_000;

    private AtomicFiles() {
    }

    /**
     * Creates {@code dir} and its missing parents. Each directory created here gets rwx------ where the file
     * system has POSIX modes, set explicitly after creation so a permissive umask cannot widen it and a
     * strict one cannot lock the owner out. Directories that already exist keep their modes.
     */
    public static void createDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            return;
        }
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = absolute; p != null && !Files.exists(p); p = p.getParent()) {
            missing.push(p);
        }
        while (!missing.isEmpty()) {
            Path p = missing.pop();
            try {
                if (posix(p.getParent())) {
                    Files.createDirectory(p, PosixFilePermissions.asFileAttribute(OWNER_DIR));
                    Files.setPosixFilePermissions(p, OWNER_DIR);
                } else {
                    Files.createDirectory(p);
                }
            } catch (FileAlreadyExistsException e) {
                // Another process made it meanwhile; fine as long as it is a directory.
                if (!Files.isDirectory(p)) {
                    throw e;
                }
            }
        }
    }

    /**
     * Replaces {@code file} with {@code content} so that a reader (or a crash) sees either the old file or
     * the new one, never a mixture: the bytes go to an owner-only temporary file in the same directory, are
     * forced to disk, and the temporary file is then renamed over {@code file}. The temporary file is
     * removed if anything fails. The result is rw------- where POSIX.
     */
    public static void write(Path file, byte[] content) throws IOException {
        write(file, content, AtomicFiles::replace);
    }

    /** How the finished temporary file takes the target's place; a seam so tests can fail it on purpose. */
    interface Replace {
        void replace(Path temp, Path target) throws IOException;
    }

    static void write(Path file, byte[] content, Replace replace) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        createDirectories(dir);
        boolean posix = posix(dir);
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)}
                : new FileAttribute<?>[0];
        // A dot name keeps the temporary file out of a casual listing; the real name in it says whose it is.
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp", attributes);
        boolean moved = false;
        try {
            if (posix) {
                Files.setPosixFilePermissions(temp, OWNER_FILE); // umask may only have narrowed it; be exact
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            replace.replace(temp, target);
            moved = true;
        } finally {
            if (!moved) {
                deleteQuietly(temp);
            }
        }
        forceDirectory(dir);
    }

    /** Sets rw------- where the file system has POSIX modes; does nothing elsewhere. */
    public static void ownerOnly(Path file) throws IOException {
        if (posix(file)) {
            Files.setPosixFilePermissions(file, OWNER_FILE);
        }
    }

    /**
     * Moves an unreadable file aside to {@code <name>.unreadable-<yyyyMMdd'T'HHmmss'Z'>} (UTC, from
     * {@code clock}) in the same directory, adding -1, -2... when that name is taken, and returns the new
     * path. Never deletes and never replaces anything: what the user had stays on disk for them to inspect.
     */
    public static Path moveAside(Path file, Clock clock) throws IOException {
        String base = file.getFileName() + ".unreadable-" + ASIDE_STAMP.format(clock.instant());
        for (int i = 0; i <= MAX_ASIDE_SUFFIX; i++) {
            Path aside = file.resolveSibling(i == 0 ? base : base + "-" + i);
            if (Files.exists(aside, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                // No ATOMIC_MOVE and no REPLACE_EXISTING: a rename(2) would silently replace a name taken
                // between the check above and here, while a plain move refuses it.
                return Files.move(file, aside);
            } catch (FileAlreadyExistsException raced) {
                // taken meanwhile: try the next suffix
            }
        }
        throw new IOException("no free name to move " + file + " aside to (tried " + base + " to -"
                + MAX_ASIDE_SUFFIX + ")");
    }

    private static void replace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static boolean posix(Path path) {
        return path != null && path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException | RuntimeException ignored) {
            // The original failure matters more; a stray ".name.*.tmp" is harmless and never read.
        }
    }

    /**
     * Makes the rename itself durable where the platform allows syncing a directory (Linux, macOS). Best
     * effort: Windows cannot open a directory this way, and the new content is already on disk either way.
     */
    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException ignored) {
            // see above
        }
    }
}
