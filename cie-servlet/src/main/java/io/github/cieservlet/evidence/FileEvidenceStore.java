package io.github.cieservlet.evidence;

import io.github.cieservlet.logging.Log;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Evidence in a directory of JSON-lines files, one per UTC day (see {@link FileEvidenceSource}). Each append
 * writes one line and forces it to disk ({@link FileChannel#force}) before returning. The store holds an
 * exclusive lock on {@code cie-evidence.lock} while open: one writer only (in a cluster, use the JDBC store).
 * A line left half-written by a crash is cut off when the store opens: it was never committed, so its login
 * never completed.
 */
public final class FileEvidenceStore implements EvidenceStore {

    private static final Log LOG = Log.of(FileEvidenceStore.class);
    private static final String LOCK_FILE = "cie-evidence.lock";

    private final Path directory;
    private final Clock clock;
    private final FileEvidenceSource source;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private ChainLink head;
    private LocalDate lastDay;

    private FileEvidenceStore(Path directory, Clock clock, FileChannel lockChannel, FileLock lock) {
        this.directory = directory;
        this.clock = clock;
        this.source = new FileEvidenceSource(directory);
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Opens (and creates if needed) the store in a directory and takes its lock.
     *
     * @param directory an absolute directory path
     * @param clock the clock of the record times
     * @return the open store
     * @throws EvidenceStoreException when the directory cannot be created or written, or another process or
     *         application holds it
     */
    public static FileEvidenceStore open(Path directory, Clock clock) throws EvidenceStoreException {
        FileChannel channel = null;
        try {
            Files.createDirectories(directory);
            channel = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new EvidenceStoreException(directory + " is in use by another process (" + LOCK_FILE
                        + " is locked); each node needs its own directory, or use a shared database (jndi:)");
            }
            FileEvidenceStore store = new FileEvidenceStore(directory, clock, channel, lock);
            store.recoverHead();
            return store;
        } catch (OverlappingFileLockException e) {
            close(channel);
            throw new EvidenceStoreException(directory + " is already open in this JVM (another web application"
                    + " uses the same cie.evidence directory)", e);
        } catch (IOException e) {
            close(channel);
            throw new EvidenceStoreException("cannot use " + directory + " for evidence: " + e, e);
        } catch (EvidenceStoreException | RuntimeException e) {
            close(channel);
            throw e;
        }
    }

    private void recoverHead() throws EvidenceStoreException, IOException {
        head = new ChainLink(source.checkpoint().seq(), source.checkpoint().hash());
        List<Path> files = source.recordFiles();
        for (int i = files.size() - 1; i >= 0; i--) {
            Path file = files.get(i);
            cutTornLine(file);
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int j = lines.size() - 1; j >= 0; j--) {
                if (!lines.get(j).isEmpty()) {
                    EvidenceRecord last = lastRecord(file, lines.get(j));
                    head = new ChainLink(last.seq(), last.hash());
                    lastDay = day(file);
                    return;
                }
            }
        }
    }

    private static EvidenceRecord lastRecord(Path file, String line) throws CorruptEvidenceException {
        try {
            return EvidenceJson.readRecord(line);
        } catch (IllegalArgumentException e) {
            throw new CorruptEvidenceException("the last line of " + file + " is not a record (" + e.getMessage()
                    + "); run verify-evidence and restore the file from a backup", e);
        }
    }

    private static void cutTornLine(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            long end = size;
            ByteBuffer one = ByteBuffer.allocate(1);
            while (end > 0) {
                one.clear();
                channel.read(one, end - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                end--;
            }
            if (end < size) {
                LOG.warn("Evidence file {} ended with {} bytes of a record never committed (a crash while"
                        + " writing); they are cut off", file, size - end);
                channel.truncate(end);
                channel.force(true);
            }
        }
    }

    private static LocalDate day(Path file) {
        String name = file.getFileName().toString();
        return LocalDate.parse(name.substring("evidence-".length(), name.length() - ".jsonl".length()));
    }

    private static String fileName(LocalDate day) {
        return "evidence-" + day + ".jsonl";
    }

    @Override
    public synchronized EvidenceRecord append(EvidenceEntry entry) throws EvidenceStoreException {
        if (!lock.isValid()) {
            throw new EvidenceStoreException("the evidence store " + directory + " is closed");
        }
        Instant now = clock.instant();
        EvidenceRecord record = EvidenceRecord.chain(head.seq() + 1, now, head.hash(), entry);
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (lastDay != null && day.isBefore(lastDay)) {
            day = lastDay; // the clock went back: keep file order equal to chain order
        }
        Path file = directory.resolve(fileName(day));
        boolean created = !Files.exists(file);
        byte[] line = (EvidenceJson.write(record) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            long size = channel.size();
            try {
                ByteBuffer buffer = ByteBuffer.wrap(line);
                long position = size;
                while (buffer.hasRemaining()) {
                    position += channel.write(buffer, position);
                }
                channel.force(true);
            } catch (IOException e) {
                channel.truncate(size);
                throw e;
            }
        } catch (IOException e) {
            throw new EvidenceStoreException("cannot write evidence to " + file + ": " + e, e);
        }
        if (created) {
            forceDirectory();
        }
        head = new ChainLink(record.seq(), record.hash());
        lastDay = day;
        return record;
    }

    @Override
    public synchronized Optional<Checkpoint> purgeRecordedBefore(Instant cutoff) throws EvidenceStoreException {
        LocalDate cutoffDay = LocalDate.ofInstant(cutoff, ZoneOffset.UTC);
        List<Path> old = source.recordFiles();
        old.removeIf(file -> !day(file).isBefore(cutoffDay));
        if (old.isEmpty()) {
            return Optional.empty();
        }
        Path lastOldFile = old.get(old.size() - 1);
        try {
            EvidenceRecord last = null;
            for (String line : Files.readAllLines(lastOldFile, StandardCharsets.UTF_8)) {
                if (!line.isEmpty()) {
                    last = lastRecord(lastOldFile, line);
                }
            }
            Checkpoint checkpoint = last == null ? null : new Checkpoint(last.seq(), last.hash(), clock.instant());
            if (checkpoint != null) {
                writeCheckpoint(checkpoint); // first: a purge stopped midway leaves records the reader skips
            }
            for (Path file : old) {
                Files.delete(file);
            }
            forceDirectory();
            return Optional.ofNullable(checkpoint);
        } catch (IOException e) {
            throw new EvidenceStoreException("cannot purge evidence in " + directory + ": " + e, e);
        }
    }

    private void writeCheckpoint(Checkpoint checkpoint) throws IOException {
        Path temporary = directory.resolve(FileEvidenceSource.CHECKPOINT_FILE + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap((EvidenceJson.write(checkpoint) + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
        Path target = directory.resolve(FileEvidenceSource.CHECKPOINT_FILE);
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
        forceDirectory();
    }

    private void forceDirectory() {
        // Makes a new or renamed file's directory entry durable; not every platform can open a directory.
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.debug("Cannot force the directory {} to disk: {}", directory, e.getMessage());
        }
    }

    @Override
    public Checkpoint checkpoint() throws EvidenceStoreException {
        return source.checkpoint();
    }

    @Override
    public synchronized Optional<ChainLink> head() {
        return Optional.of(head);
    }

    @Override
    public void forEach(EvidenceQuery query, RecordVisitor visitor) throws EvidenceStoreException {
        source.forEach(query, visitor);
    }

    @Override
    public String description() {
        return "files in " + directory;
    }

    @Override
    public synchronized void close() {
        try {
            lock.release();
        } catch (IOException e) {
            LOG.debug("Releasing the evidence lock: {}", e.getMessage());
        }
        close(lockChannel);
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("Closing {}: {}", channel, e.getMessage());
            }
        }
    }
}
