package io.github.cieservlet.evidence;

import static io.github.cieservlet.evidence.EvidenceFixtures.START;
import static io.github.cieservlet.evidence.EvidenceFixtures.accepted;
import static io.github.cieservlet.evidence.EvidenceFixtures.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import io.github.cieservlet.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file store: durable appends across reopen, one writer, torn lines, retention with checkpoint, tampering. */
class FileEvidenceStoreTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(START);

    private static List<EvidenceRecord> read(EvidenceSource source, EvidenceQuery query) throws EvidenceStoreException {
        List<EvidenceRecord> records = new ArrayList<>();
        source.forEach(query, records::add);
        return records;
    }

    private Path onlyFile() throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).findFirst().orElseThrow();
        }
    }

    @Test
    void recordsSurviveReopenAndTheChainContinues() throws Exception {
        try (FileEvidenceStore store = FileEvidenceStore.open(dir, clock)) {
            store.append(accepted(1, "TINIT-A", clock.instant()));
            store.append(refused(2, clock.instant()));
        }
        try (FileEvidenceStore store = FileEvidenceStore.open(dir, clock)) {
            EvidenceRecord third = store.append(accepted(3, "TINIT-B", clock.instant()));
            assertThat(third.seq()).isEqualTo(3);
        }
        ChainVerifier.Result result = ChainVerifier.verify(new FileEvidenceSource(dir));
        assertThat(result.intact()).isTrue();
        assertThat(result.checked()).isEqualTo(3);
        List<EvidenceRecord> records = read(new FileEvidenceSource(dir), EvidenceQuery.all());
        assertThat(records.get(1).entry().outcome()).isEqualTo(EvidenceOutcome.REFUSED);
        assertThat(records.get(1).entry().errorCode()).isEqualTo("CIE-SIGNATURE_INVALID");
        assertThat(records.get(1).entry().response()).containsExactly('<', 'x', '/', '>', (byte) 0xff);
        assertThat(read(new FileEvidenceSource(dir), EvidenceQuery.fiscalCode("TINIT-B")))
                .extracting(EvidenceRecord::seq).containsExactly(3L);
    }

    @Test
    void oneWriterAtATime() throws Exception {
        try (FileEvidenceStore store = FileEvidenceStore.open(dir, clock)) {
            assertThatThrownBy(() -> FileEvidenceStore.open(dir, clock)).isInstanceOf(EvidenceStoreException.class)
                    .hasMessageContaining("already open in this JVM");
        }
        FileEvidenceStore.open(dir, clock).close();
    }

    @Test
    void aHalfWrittenLineIsCutOffAtOpen() throws Exception {
        try (FileEvidenceStore store = FileEvidenceStore.open(dir, clock)) {
            store.append(accepted(1, "TINIT-A", clock.instant()));
        }
        Files.write(onlyFile(), "{\"seq\":2,\"recordedAt\":\"20".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        try (FileEvidenceStore store = FileEvidenceStore.open(dir, clock)) {
            assertThat(store.append(accepted(2, "TINIT-B", clock.instant())).seq()).isEqualTo(2);
        }
        assertThat(ChainVerifier.verify(new FileEvidenceSource(dir)).intact()).isTrue();
    }

    @Test
    void retentionPurgesWholeDaysAndKeepsTheChainVerifiable() throws Exception {
        try (FileEvidenceStore store = FileEvidenceStore.open(dir, clock)) {
            EvidenceRecord first = store.append(accepted(1, "TINIT-A", clock.instant()));
            EvidenceRecord second = store.append(accepted(2, "TINIT-A", clock.instant()));
            clock.advance(Duration.ofDays(2));
            store.append(accepted(3, "TINIT-B", clock.instant()));
            assertThat(store.purgeRecordedBefore(first.recordedAt())).isEmpty();

            Checkpoint checkpoint = store.purgeRecordedBefore(clock.instant().minus(Duration.ofDays(1))).orElseThrow();
            assertThat(checkpoint.seq()).isEqualTo(2);
            assertThat(checkpoint.hash()).isEqualTo(second.hash());
            assertThat(store.append(accepted(4, "TINIT-C", clock.instant())).seq()).isEqualTo(4);
        }
        ChainVerifier.Result result = ChainVerifier.verify(new FileEvidenceSource(dir));
        assertThat(result.intact()).isTrue();
        assertThat(result.checked()).isEqualTo(2);
        assertThat(result.checkpoint().seq()).isEqualTo(2);
        assertThat(read(new FileEvidenceSource(dir), EvidenceQuery.fiscalCode("TINIT-A"))).isEmpty();
    }

    @Test
    void purgedRecordsLeftByAnInterruptedPurgeAreSkipped() throws Exception {
        EvidenceRecord first;
        try (FileEvidenceStore store = FileEvidenceStore.open(dir, clock)) {
            first = store.append(accepted(1, "TINIT-A", clock.instant()));
            store.append(accepted(2, "TINIT-A", clock.instant()));
        }
        Files.writeString(dir.resolve(FileEvidenceSource.CHECKPOINT_FILE),
                EvidenceJson.write(new Checkpoint(1, first.hash(), clock.instant())) + "\n");
        ChainVerifier.Result result = ChainVerifier.verify(new FileEvidenceSource(dir));
        assertThat(result.intact()).isTrue();
        assertThat(result.checked()).isEqualTo(1);
    }

    @Test
    void anEditedLineIsReportedAltered() throws Exception {
        try (FileEvidenceStore store = FileEvidenceStore.open(dir, clock)) {
            for (int i = 1; i <= 3; i++) {
                store.append(accepted(i, "TINIT-X" + i, clock.instant()));
            }
        }
        Path file = onlyFile();
        Files.writeString(file, Files.readString(file).replace("TINIT-X2", "TINIT-Y2"));
        ChainVerifier.Problem problem = ChainVerifier.verify(new FileEvidenceSource(dir)).problem().orElseThrow();
        assertThat(problem.kind()).isEqualTo(ChainVerifier.ProblemKind.ALTERED);
        assertThat(problem.seq()).isEqualTo(2);
    }

    @Test
    void aDeletedLineIsReportedMissingAndAGarbledOneUnreadable() throws Exception {
        try (FileEvidenceStore store = FileEvidenceStore.open(dir, clock)) {
            for (int i = 1; i <= 3; i++) {
                store.append(accepted(i, "TINIT-X" + i, clock.instant()));
            }
        }
        Path file = onlyFile();
        List<String> lines = Files.readAllLines(file);
        Files.write(file, List.of(lines.get(0), lines.get(2)));
        ChainVerifier.Problem missing = ChainVerifier.verify(new FileEvidenceSource(dir)).problem().orElseThrow();
        assertThat(missing.kind()).isEqualTo(ChainVerifier.ProblemKind.MISSING);
        assertThat(missing.seq()).isEqualTo(2);

        Files.write(file, List.of(lines.get(0), "garbage", lines.get(2)));
        ChainVerifier.Problem unreadable = ChainVerifier.verify(new FileEvidenceSource(dir)).problem().orElseThrow();
        assertThat(unreadable.kind()).isEqualTo(ChainVerifier.ProblemKind.UNREADABLE);
        assertThat(unreadable.seq()).isEqualTo(2);
        assertThat(unreadable.message()).contains("line 2");
    }

    @Test
    void aStoreThatCannotWriteFailsTheAppend() throws Exception {
        try (FileEvidenceStore store = FileEvidenceStore.open(dir, clock)) {
            store.append(accepted(1, "TINIT-A", clock.instant()));
            clock.advance(Duration.ofDays(1));
            // Where the next day's file must go, a directory: the write fails as on a full or broken disk.
            Files.createDirectory(dir.resolve("evidence-" + clock.instant().toString().substring(0, 10) + ".jsonl"));
            assertThatThrownBy(() -> store.append(accepted(2, "TINIT-B", clock.instant())))
                    .isInstanceOf(EvidenceStoreException.class).hasMessageContaining("cannot write evidence");
        }
    }

    @Test
    void aDirectoryThatCannotBeCreatedIsRefusedAtOpen() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        assertThatThrownBy(() -> FileEvidenceStore.open(file.resolve("evidence"), clock))
                .isInstanceOf(EvidenceStoreException.class).hasMessageContaining("cannot use");
    }
}
