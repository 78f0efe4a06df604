package io.github.cieservlet.evidence;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads an evidence directory: {@code evidence-YYYY-MM-DD.jsonl} files (one JSON record a line, in chain
 * order, one file per UTC day) and an optional {@code checkpoint.json}. The layout of the file store and of
 * exports alike; reading takes no lock.
 */
public final class FileEvidenceSource implements EvidenceSource {

    /** The checkpoint file's name. */
    public static final String CHECKPOINT_FILE = "checkpoint.json";

    private static final Pattern RECORD_FILE = Pattern.compile("evidence-\\d{4}-\\d{2}-\\d{2}\\.jsonl");

    private final Path directory;

    /** @param directory the evidence directory */
    public FileEvidenceSource(Path directory) {
        this.directory = directory;
    }

    /**
     * @param name a file name
     * @return whether it is a record file of this layout
     */
    static boolean isRecordFile(String name) {
        return RECORD_FILE.matcher(name).matches();
    }

    /**
     * @return the record files, oldest day first
     * @throws EvidenceStoreException when the directory cannot be listed
     */
    List<Path> recordFiles() throws EvidenceStoreException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> isRecordFile(p.getFileName().toString())).sorted()
                    .collect(Collectors.toCollection(ArrayList::new));
        } catch (IOException e) {
            throw new EvidenceStoreException("cannot list " + directory + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Checkpoint checkpoint() throws EvidenceStoreException {
        Path file = directory.resolve(CHECKPOINT_FILE);
        if (!Files.exists(file)) {
            return Checkpoint.ORIGIN;
        }
        try {
            return EvidenceJson.readCheckpoint(Files.readString(file, StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            throw new EvidenceStoreException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new CorruptEvidenceException(file + " is not a checkpoint: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<ChainLink> head() {
        return Optional.empty();
    }

    @Override
    public void forEach(EvidenceQuery query, RecordVisitor visitor) throws EvidenceStoreException {
        long purged = checkpoint().seq();
        for (Path file : recordFiles()) {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                int number = 0;
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    number++;
                    if (line.isEmpty()) {
                        continue;
                    }
                    EvidenceRecord record = parse(file, number, line);
                    // Records at or before the checkpoint are purged ones left by a purge that stopped midway.
                    if (record.seq() > purged && query.matches(record)) {
                        visitor.visit(record);
                    }
                }
            } catch (IOException e) {
                throw new EvidenceStoreException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private static EvidenceRecord parse(Path file, int number, String line) throws CorruptEvidenceException {
        try {
            return EvidenceJson.readRecord(line);
        } catch (IllegalArgumentException e) {
            throw new CorruptEvidenceException(file.getFileName() + " line " + number + " is not a record: "
                    + e.getMessage(), e);
        }
    }

    /** @return the directory */
    public Path directory() {
        return directory;
    }
}
