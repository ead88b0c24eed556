package io.keyward.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Saves a private key as PKCS#8 PEM so that no one but the owner can ever read the file, and so that
 * a failure leaves neither a partial key file nor a temporary one behind.
 *
 * <p>The key goes to a temporary file in the target's folder that is created owner-only (POSIX mode
 * {@code rw-------} in the very {@code open} call; on Windows an owner-only ACL set before any byte is
 * written), is flushed to disk, then renamed over the target atomically. Same folder, so the rename
 * stays on one file system and a reader sees either the old file or the whole new one.
 */
final class PrivateKeyFile {
    private static final Set<PosixFilePermission> OWNER_READ_WRITE =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final SecureRandom NAMES = new SecureRandom();

    private PrivateKeyFile() {
    }

    static KeyFileProtection write(PrivateKey key, Path target) throws KeyFileException {
        Path file = target.toAbsolutePath();
        Path folder = file.getParent();
        if (folder == null || file.getFileName() == null) {
            throw new KeyFileException("Choose a file name for the private key, not the root of a drive.");
        }
        byte[] der = key.getEncoded(); // PKCS#8 PrivateKeyInfo, a fresh copy that we may wipe
        if (der == null || !"PKCS#8".equals(key.getFormat())) {
            throw new IllegalArgumentException("The private key cannot be exported in PKCS#8 form.");
        }
        byte[] pem = null;
        // Short and hidden: the target's own name could push a longer temporary name past the
        // file system's limit, and a file chooser should not show it in the meantime.
        Path temporary = folder.resolve(".keyward-" + HexFormat.of().formatHex(randomBytes()) + ".tmp");
        boolean created = false;
        boolean moved = false;
        try {
            // Built as bytes, never as a String: Java strings cannot be wiped. Wiping these buffers
            // afterwards is best effort only; the JDK's key object keeps its own copy until collected.
            pem = Pem.encode("PRIVATE KEY", der);
            Arrays.fill(der, (byte) 0);
            boolean posix = Files.getFileStore(folder).supportsFileAttributeView(PosixFileAttributeView.class);
            KeyFileProtection protection;
            try (FileChannel channel = posix ? createPosix(temporary) : createWithAcl(temporary)) {
                created = true;
                protection = posix ? restrictPosix(temporary) : restrictAcl(temporary);
                writeAndWipe(channel, pem);
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
            if (posix) {
                syncFolder(folder);
            }
            return protection;
        } catch (IOException e) {
            throw explain(e, file, folder);
        } finally {
            Arrays.fill(der, (byte) 0);
            if (pem != null) {
                Arrays.fill(pem, (byte) 0);
            }
            if (created && !moved) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // Nothing more can be done; the file is owner-only and the error is reported.
                }
            }
        }
    }

    /**
     * Writes through a direct buffer that is wiped afterwards: given a heap buffer, the JDK would copy
     * the key into its cached per-thread direct buffer, a copy that stays in native memory unwiped.
     */
    private static void writeAndWipe(FileChannel channel, byte[] pem) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(pem.length);
        try {
            buffer.put(pem).flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } finally {
            buffer.clear();
            while (buffer.hasRemaining()) {
                buffer.put((byte) 0);
            }
        }
    }

    /** The mode is part of the open(2) call, so the file never exists with a wider one. */
    private static FileChannel createPosix(Path temporary) throws IOException {
        return FileChannel.open(temporary, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
    }

    /**
     * The umask can only narrow the mode given at creation; setting it again makes it exactly
     * {@code rw-------}. Checked afterwards, because some mounts (FAT, some network shares) accept the
     * call and ignore it, and the dialog must not claim a protection the file does not have.
     */
    private static KeyFileProtection restrictPosix(Path temporary) throws IOException {
        Files.setPosixFilePermissions(temporary, OWNER_READ_WRITE);
        return Files.getPosixFilePermissions(temporary).equals(OWNER_READ_WRITE)
                ? KeyFileProtection.POSIX_OWNER_ONLY
                : KeyFileProtection.NOT_RESTRICTED;
    }

    /**
     * Windows: the file is created with an owner-only DACL where the file system takes one at creation.
     * Windows may still merge inheritable entries of the folder into it, so the DACL is replaced again
     * with {@link #restrictAcl} before any byte is written. Best effort: a file system without ACLs
     * (FAT on a USB stick) gets the folder's default access and the caller is told so.
     */
    private static FileChannel createWithAcl(Path temporary) throws IOException {
        EnumSet<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        List<AclEntry> acl = ownerOnlyAcl(temporary);
        if (acl != null) {
            try {
                return FileChannel.open(temporary, options, aclAttribute(acl));
            } catch (UnsupportedOperationException e) {
                // The file system takes no ACL at creation; restrictAcl tries again once it exists.
            }
        }
        return FileChannel.open(temporary, options);
    }

    private static KeyFileProtection restrictAcl(Path temporary) {
        AclFileAttributeView view = Files.getFileAttributeView(temporary, AclFileAttributeView.class);
        List<AclEntry> acl = ownerOnlyAcl(temporary);
        if (view == null || acl == null) {
            return KeyFileProtection.NOT_RESTRICTED;
        }
        try {
            view.setAcl(acl);
            return view.getAcl().equals(acl) ? KeyFileProtection.ACL_OWNER_ONLY : KeyFileProtection.NOT_RESTRICTED;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return KeyFileProtection.NOT_RESTRICTED;
        }
    }

    /**
     * The signed-in user, looked up by name rather than taken from the new file's owner: when the
     * console runs elevated, Windows makes the Administrators group the owner of new files.
     */
    private static List<AclEntry> ownerOnlyAcl(Path path) {
        UserPrincipal user;
        try {
            user = path.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
        return List.of(AclEntry.newBuilder()
                .setType(AclEntryType.ALLOW)
                .setPrincipal(user)
                .setPermissions(EnumSet.allOf(AclEntryPermission.class))
                .build());
    }

    private static FileAttribute<List<AclEntry>> aclAttribute(List<AclEntry> acl) {
        return new FileAttribute<>() {
            @Override
            public String name() {
                return "acl:acl";
            }

            @Override
            public List<AclEntry> value() {
                return acl;
            }
        };
    }

    /** Makes the rename itself durable (POSIX); best effort, the key file is already complete. */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException ignored) {
            // Some file systems cannot open or sync a directory; the data itself was forced.
        }
    }

    /** The sentence is chosen by looking at the folder after the failure, not by parsing OS messages. */
    private static KeyFileException explain(IOException e, Path file, Path folder) {
        if (!Files.isDirectory(folder)) {
            return new KeyFileException("The folder " + folder + " does not exist: choose an existing folder "
                    + "for the private key.", e);
        }
        if (Files.isDirectory(file)) {
            return new KeyFileException(file + " is a folder: choose a file name for the private key.", e);
        }
        if (e instanceof AccessDeniedException) {
            return new KeyFileException("The private key could not be saved because writing to " + folder
                    + " is not allowed: choose another folder.", e);
        }
        String reason = e instanceof FileSystemException fse && fse.getReason() != null
                ? " (" + fse.getReason() + ")"
                : "";
        return new KeyFileException("The private key could not be saved to " + file + reason + ".", e);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        NAMES.nextBytes(bytes);
        return bytes;
    }
}
