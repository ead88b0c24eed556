package io.keyward.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The append-only, hash-chained audit journal: one JSON line per record in {@code journal-YYYY-MM.jsonl}
 * files (the record's month, UTC) under {@link #directory()}.
 *
 * <p>Each line is {"type": "intent"|"outcome"|"check", "seq": n, "prev": h, …the record's fields…} where seq
 * counts from 1 over all files and h is the lower-case hex SHA-256 of the previous line's UTF-8 bytes (without
 * its '\n'), across files; the very first line's prev is 64 zeros. Editing, removing, inserting or reordering
 * any line but the last ones therefore shows in {@link #verify()}. Removing lines from the very end (or the
 * newest file) cannot show in the files alone; only the instance that wrote them notices it (see verify).
 *
 * <p>{@link #append} forces every line to disk before it returns, so an intent is durable before its call is
 * sent. Files are owner-only (rw-------) and the directory rwx------ where the file system is POSIX; elsewhere
 * they get the permissions the folder gives.
 *
 * <p>The journal must never hold secrets. It writes only what it is given, and as a last defence refuses
 * (IllegalArgumentException, nothing written) any record whose text holds "-----BEGIN" and "PRIVATE KEY",
 * i.e. PEM private key material.
 *
 * <p>One writer per directory: the chain's tail (seq, hash) is read from disk on the first append and then kept,
 * so two instances (or processes) appending to one directory would break the chain. Reading and verifying
 * from other instances is fine. All methods are synchronized.
 */
public final class Journal {

    private static final Pattern FILE_NAME = Pattern.compile("journal-(\\d{4})-(0[1-9]|1[0-2])\\.jsonl");
    private static final Set<PosixFilePermission> FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIRECTORY_PERMISSIONS = PosixFilePermissions.fromString("rwx------");

    private final Path dir;
    private final Clock clock;

    /** The chain's end as this instance knows it; null until the first append, and again after a failed write. */
    private Tail tail;

    /** seq and SHA-256 of the last line; month: the newest file's (null when there is none). */
    private record Tail(long seq, String hash, YearMonth month) {
    }

    /** A line of a journal file: its bytes without '\n'; terminated: it ended with '\n'. */
    private record Line(Path file, int number, byte[] bytes, boolean terminated) {
        String hash() {
            return JournalCodec.sha256(bytes);
        }
    }

    /**
     * @param dir   &lt;data dir&gt;/journal; created on the first append
     * @param clock stamps records that come without a time
     */
    public Journal(Path dir, Clock clock) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Path directory() {
        return dir;
    }

    public static String newChangeId() {
        return UUID.randomUUID().toString();
    }

    /**
     * Appends one line for the record, forced to disk (data and metadata) before returning.
     *
     * <p>The file is the record's month's (UTC), or the newest existing file's when that is later (a clock set
     * back never writes into an older file, which would put the chain out of file order). A record without a
     * time is stamped with the clock's.
     *
     * @throws IllegalArgumentException the record has no changeId, a map in it a null key, or its text holds
     *                                  PEM private key material; nothing is written
     * @throws IOException              the directory or file cannot be written, or the journal's last line
     *                                  cannot be read (a cut-short write): the chain cannot be continued
     */
    public synchronized void append(JournalRecord record) throws IOException {
        appendAll(List.of(record));
    }

    /**
     * Appends the records in order, as {@link #append} would one by one, but with one write and one force for
     * all of them (a group commit): when several threads are waiting for their records to be durable, one
     * disk flush serves them all. Nothing is written unless every record may be (no changeId, a null map key,
     * private key material: IllegalArgumentException).
     *
     * @throws IOException as for {@link #append}; then none of the records may be taken as written
     */
    public synchronized void appendAll(List<? extends JournalRecord> records) throws IOException {
        List<JournalRecord> stamped = new ArrayList<>(records.size());
        for (JournalRecord record : records) {
            Objects.requireNonNull(record, "record");
            if (record.changeId() == null || record.changeId().isBlank()) {
                throw new IllegalArgumentException("journal: a record needs a changeId");
            }
            JournalRecord r = record.time() == null ? JournalCodec.withTime(record, clock.instant()) : record;
            // The secret check reads the record's whole text as it would be written.
            if (JournalCodec.holdsPrivateKey(JournalCodec.encode(r, 1, JournalCodec.NO_PREVIOUS))) {
                throw new IllegalArgumentException("journal: refused a record that holds PEM private key material "
                        + "(-----BEGIN … PRIVATE KEY); the journal must never hold secrets");
            }
            stamped.add(r);
        }
        if (stamped.isEmpty()) {
            return;
        }
        Tail end = tail != null ? tail : readTail();
        long seq = end.seq();
        String prev = end.hash();
        YearMonth month = end.month();
        YearMonth fileMonth = null;
        java.io.ByteArrayOutputStream batch = new java.io.ByteArrayOutputStream();
        List<Map.Entry<YearMonth, byte[]>> files = new ArrayList<>();
        for (JournalRecord r : stamped) {
            YearMonth m = monthOf(r.time());
            if (month != null && month.isAfter(m)) {
                m = month;
            }
            if (fileMonth != null && !m.equals(fileMonth)) {
                files.add(Map.entry(fileMonth, batch.toByteArray())); // a new month: its own file
                batch.reset();
            }
            fileMonth = m;
            month = m;
            byte[] line = JournalCodec.encode(r, ++seq, prev);
            batch.write(line, 0, line.length);
            batch.write('\n');
            prev = JournalCodec.sha256(line);
        }
        files.add(Map.entry(fileMonth, batch.toByteArray()));

        tail = null; // should the write fail half way, the next append reads the end from disk again
        ensureDirectory();
        for (Map.Entry<YearMonth, byte[]> f : files) {
            write(dir.resolve(fileName(f.getKey())), f.getValue());
        }
        tail = new Tail(seq, prev, month);
    }

    /** All records of all files in order (files sorted by month). A line that cannot be parsed is skipped. */
    public synchronized List<JournalRecord> read() throws IOException {
        List<JournalRecord> records = new ArrayList<>();
        for (Line line : lines()) {
            if (line.terminated()) {
                try {
                    records.add(JournalCodec.decode(line.bytes()).record());
                } catch (JournalCodec.BadLine skipped) {
                    // verify() reports it
                }
            }
        }
        return records;
    }

    /**
     * read() folded by changeId, newest intent first (by the order written). The first outcome of a change
     * counts; outcomes and checks whose intent is not in the journal are left out.
     */
    public synchronized List<ChangeHistory> history() throws IOException {
        Map<String, ChangeIntent> intents = new LinkedHashMap<>();
        Map<String, ChangeOutcome> outcomes = new LinkedHashMap<>();
        Map<String, List<ChangeCheck>> checks = new LinkedHashMap<>();
        for (JournalRecord r : read()) {
            if (r instanceof ChangeIntent i) {
                intents.putIfAbsent(i.changeId(), i);
            } else if (r instanceof ChangeOutcome o) {
                outcomes.putIfAbsent(o.changeId(), o);
            } else if (r instanceof ChangeCheck c) {
                checks.computeIfAbsent(c.changeId(), id -> new ArrayList<>()).add(c);
            }
        }
        List<ChangeHistory> history = new ArrayList<>();
        for (ChangeIntent i : intents.values()) {
            history.add(new ChangeHistory(i, outcomes.get(i.changeId()), checks.get(i.changeId())));
        }
        Collections.reverse(history);
        return history;
    }

    /**
     * Checks every journal-YYYY-MM.jsonl file under directory() (other files are not the journal's): each line
     * is terminated and parses, seq runs 1, 2, 3… without gaps and each prev equals the SHA-256 of the previous
     * line, across month files. Stops at the first broken entry.
     *
     * <p>When a prev does not match, the line before it was changed, or that prev itself was: the next line
     * tells which (a changed line's own hash no longer matches the next prev). If the end of the journal is
     * shorter than, or different from, what this instance wrote, that is reported too.
     */
    public synchronized VerifyReport verify() throws IOException {
        List<Line> lines = lines();
        String expectedPrev = JournalCodec.NO_PREVIOUS;
        long expectedSeq = 1;
        int good = 0;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (!line.terminated()) {
                return broken(good, line, "not terminated by a newline: a write was cut short");
            }
            if (line.bytes().length == 0) {
                return broken(good, line, "an empty line, not a journal entry");
            }
            JournalCodec.Entry entry;
            try {
                entry = JournalCodec.decode(line.bytes());
            } catch (JournalCodec.BadLine e) {
                return broken(good, line, "not a journal entry (" + e.getMessage() + ")");
            }
            if (entry.seq() != expectedSeq) {
                return broken(good, line, "seq " + entry.seq() + " where " + expectedSeq
                        + " was expected: an entry is missing, repeated or out of order");
            }
            if (!entry.prev().equals(expectedPrev)) {
                if (i == 0) {
                    return broken(good, line, "prev is not 64 zeros, yet this is the first entry");
                }
                Line previous = lines.get(i - 1);
                Line next = i + 1 < lines.size() ? lines.get(i + 1) : null;
                String nextPrev = prevOf(next);
                String where = "entry " + (good + 1) + " (" + name(line.file()) + " line " + line.number() + ")";
                if (nextPrev != null && !nextPrev.equals(line.hash())) {
                    return broken(good, line, "changed after it was written: its prev is not the previous "
                            + "entry's SHA-256, and its own SHA-256 is not the next entry's prev");
                }
                if (nextPrev != null) {
                    return broken(good - 1, previous, "changed after it was written: its SHA-256 is not the prev "
                            + "that " + where + " recorded for it");
                }
                return broken(good - 1, previous, "changed after it was written, or the prev of " + where
                        + " was: that prev is not this entry's SHA-256");
            }
            good++;
            expectedSeq++;
            expectedPrev = line.hash();
        }
        if (tail != null && tail.seq() > 0) {
            // What this instance wrote last must still be there: the files alone cannot show a cut end.
            if (tail.seq() > good) {
                Line last = lines.isEmpty() ? null : lines.get(lines.size() - 1);
                return new VerifyReport(good, false, last == null ? fileName(tail.month()) : name(last.file()),
                        last == null ? 1 : last.number() + 1, "missing: this journal wrote up to entry "
                        + tail.seq() + " but the files end after entry " + good + ", entries were removed");
            }
            Line written = lines.get((int) tail.seq() - 1);
            if (!written.hash().equals(tail.hash())) {
                return broken((int) tail.seq() - 1, written,
                        "changed after it was written: not the line this journal wrote as entry " + tail.seq());
            }
        }
        return new VerifyReport(good, true, null, 0, null);
    }

    // ---------------------------------------------------------------- files

    private static VerifyReport broken(int good, Line line, String problem) {
        return new VerifyReport(good, false, name(line.file()), line.number(), problem);
    }

    /** The prev of a line, or null when it is missing, cut short or not an entry. */
    private static String prevOf(Line line) {
        if (line == null || !line.terminated()) {
            return null;
        }
        try {
            return JournalCodec.decode(line.bytes()).prev();
        } catch (JournalCodec.BadLine e) {
            return null;
        }
    }

    /** The journal's files, oldest month first. */
    private List<Path> files() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.filter(p -> FILE_NAME.matcher(name(p)).matches() && Files.isRegularFile(p))
                    .sorted((a, b) -> name(a).compareTo(name(b)))
                    .toList();
        }
    }

    /** Every line of every file in order; a last line without '\n' is kept, marked not terminated. */
    private List<Line> lines() throws IOException {
        List<Line> lines = new ArrayList<>();
        for (Path file : files()) {
            byte[] bytes = Files.readAllBytes(file);
            int start = 0;
            int number = 1;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    lines.add(new Line(file, number++, java.util.Arrays.copyOfRange(bytes, start, i), true));
                    start = i + 1;
                }
            }
            if (start < bytes.length) {
                lines.add(new Line(file, number, java.util.Arrays.copyOfRange(bytes, start, bytes.length), false));
            }
        }
        return lines;
    }

    /** The end of the chain on disk: the last line of the newest file that has one. */
    private Tail readTail() throws IOException {
        List<Path> files = files();
        if (files.isEmpty()) {
            return new Tail(0, JournalCodec.NO_PREVIOUS, null);
        }
        YearMonth newest = monthOf(files.get(files.size() - 1));
        for (int f = files.size() - 1; f >= 0; f--) {
            Path file = files.get(f);
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length == 0) {
                continue;
            }
            if (bytes[bytes.length - 1] != '\n') {
                throw new IOException("journal: the last line of " + file + " was cut short (not terminated); "
                        + "the chain cannot be continued until it is repaired");
            }
            int start = bytes.length - 1;
            while (start > 0 && bytes[start - 1] != '\n') {
                start--;
            }
            byte[] last = java.util.Arrays.copyOfRange(bytes, start, bytes.length - 1);
            try {
                long seq = JournalCodec.decode(last).seq();
                return new Tail(seq, JournalCodec.sha256(last), newest);
            } catch (JournalCodec.BadLine e) {
                throw new IOException("journal: the last line of " + file + " is not a journal entry ("
                        + e.getMessage() + "); the chain cannot be continued until it is repaired");
            }
        }
        return new Tail(0, JournalCodec.NO_PREVIOUS, newest);
    }

    private boolean posix() {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Creates the directory rwx------ (its parents as the system makes them). */
    private void ensureDirectory() throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            if (posix()) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY_PERMISSIONS));
                Files.setPosixFilePermissions(dir, DIRECTORY_PERMISSIONS); // the umask may have taken bits away
            } else {
                Files.createDirectory(dir);
            }
        } catch (FileAlreadyExistsException raced) {
            if (!Files.isDirectory(dir)) {
                throw raced;
            }
        }
    }

    /** Opens with APPEND (creating the file rw------- where POSIX), writes, forces, closes. */
    private void write(Path file, byte[] bytes) throws IOException {
        boolean posix = posix();
        boolean created = !Files.exists(file);
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE_PERMISSIONS)}
                : new FileAttribute<?>[0];
        try (FileChannel channel = FileChannel.open(file, options, attributes)) {
            if (created && posix) {
                Files.setPosixFilePermissions(file, FILE_PERMISSIONS);
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        if (created) {
            syncDirectory();
        }
    }

    /** Makes a new file's name durable (POSIX); best effort, its data is already forced. */
    private void syncDirectory() {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException ignored) {
            // Some systems (Windows) cannot open a directory as a channel.
        }
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }

    private static String fileName(YearMonth month) {
        return String.format("journal-%04d-%02d.jsonl", month.getYear(), month.getMonthValue());
    }

    private static YearMonth monthOf(Instant time) {
        return YearMonth.from(time.atZone(ZoneOffset.UTC));
    }

    private static YearMonth monthOf(Path file) {
        var m = FILE_NAME.matcher(name(file));
        if (!m.matches()) {
            throw new IllegalStateException(file.toString());
        }
        return YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }
}
