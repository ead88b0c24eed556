package io.keyward.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;

/**
 * What both stores share: one JSON object on disk with a {@code schemaVersion}, read strictly, written
 * atomically and owner-only, and moved aside (never overwritten, never deleted) when it cannot be read, so
 * a broken or newer file costs the user a notice rather than their data.
 */
final class VersionedJsonFile {

    /** Far beyond any real profiles or state file; a bound so a stray huge file cannot exhaust memory. */
    static final int MAX_BYTES = 4 * 1024 * 1024;

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // Two values for one field leave it unclear which the user meant: refuse rather than pick one.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Two-space indents, "\n" on every system, {@code "key": value}: easy to read and to diff by hand. */
    private static final ObjectWriter PRETTY = JSON.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    /** A file that cannot be used, with the reason in words for the user (never its content). */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }

    private final Path file;
    private final Clock clock;
    private final int schemaVersion;
    private final String contents;
    private final String consequence;
    /** An unreadable file that could not be moved aside: left where it is, and never written over. */
    private boolean keepInPlace;

    /**
     * @param contents    what the file holds, as a sentence's subject: "The saved connections"
     * @param consequence what happens instead: "Keyward starts without saved connections."
     */
    VersionedJsonFile(Path file, Clock clock, int schemaVersion, String contents, String consequence) {
        this.file = file;
        this.clock = clock;
        this.schemaVersion = schemaVersion;
        this.contents = contents;
        this.consequence = consequence;
    }

    Path file() {
        return file;
    }

    /** The file's top-level object, checked for a schema version this Keyward reads; null when there is no file. */
    ObjectNode read() throws Unreadable {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            keepInPlace = false;
            return null;
        } catch (IOException e) {
            throw new Unreadable("reading it failed: " + describe(e));
        }
        if (bytes.length > MAX_BYTES) {
            throw new Unreadable("it is larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
        }
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            // The location only: the parser's message would quote the file's content back.
            throw new Unreadable(e.getLocation() == null ? "it is not valid JSON"
                    : "it is not valid JSON: line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw new Unreadable("reading it failed: " + describe(e));
        }
        if (root == null || root.isMissingNode()) {
            throw new Unreadable("it is empty");
        }
        if (!root.isObject()) {
            throw new Unreadable("it is JSON but not an object with a \"schemaVersion\"");
        }
        JsonNode version = root.get("schemaVersion");
        if (version == null || !version.isIntegralNumber() || !version.canConvertToInt() || version.intValue() < 1) {
            throw new Unreadable("it has no valid \"schemaVersion\"");
        }
        if (version.intValue() > schemaVersion) {
            throw new Unreadable("it was written by a newer Keyward: schema version " + version.intValue()
                    + ", while this one reads up to version " + schemaVersion);
        }
        keepInPlace = false;
        return (ObjectNode) root;
    }

    /** Moves the unreadable file aside and returns the notice for the user; never throws. */
    String setAside(String reason) {
        String unreadable = contents + " in " + file + " could not be read (" + reason + ")";
        try {
            Path aside = AtomicFiles.moveAside(file, clock);
            keepInPlace = false;
            return unreadable + ". The file was moved to " + aside + " and nothing was overwritten; " + consequence;
        } catch (IOException | RuntimeException e) {
            keepInPlace = true;
            return unreadable + ", and it could not be moved aside either (" + describe(e) + "). It was left as it is"
                    + " and Keyward will not write over it; " + consequence;
        }
    }

    /** A new object with this file's schema version, for a store to fill in. */
    ObjectNode newRoot() {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", schemaVersion);
        return root;
    }

    void write(ObjectNode root) throws IOException {
        if (keepInPlace) {
            // The user was told this file would not be written over; moving it aside now keeps that promise.
            try {
                AtomicFiles.moveAside(file, clock);
                keepInPlace = false;
            } catch (NoSuchFileException gone) {
                keepInPlace = false;
            } catch (IOException | RuntimeException e) {
                throw new IOException(file + " could not be read earlier and still cannot be moved aside ("
                        + describe(e) + "), so it is left as it is rather than written over", e);
            }
        }
        byte[] json = PRETTY.writeValueAsBytes(root);
        byte[] content = Arrays.copyOf(json, json.length + 1);
        content[json.length] = '\n';
        AtomicFiles.write(file, content);
    }

    static String describe(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "access denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage() : e.getClass().getSimpleName();
    }
}
