package io.github.cieservlet.evidence;

import static io.github.cieservlet.evidence.EvidenceFixtures.START;
import static io.github.cieservlet.evidence.EvidenceFixtures.accepted;
import static io.github.cieservlet.evidence.EvidenceFixtures.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The record hash, its JSON form, and the verifier's report of altered, broken and missing links. */
class EvidenceChainTest {

    private static List<EvidenceRecord> chain(int count) {
        List<EvidenceRecord> records = new ArrayList<>();
        String previous = EvidenceRecord.GENESIS;
        for (int i = 1; i <= count; i++) {
            EvidenceEntry entry = i % 2 == 0 ? refused(i, START.plusSeconds(i)) : accepted(i, "TINIT-X" + i, START.plusSeconds(i));
            EvidenceRecord record = EvidenceRecord.chain(i, START.plusSeconds(i), previous, entry);
            records.add(record);
            previous = record.hash();
        }
        return records;
    }

    private static EvidenceSource source(List<EvidenceRecord> records, Checkpoint checkpoint, ChainLink head) {
        return new EvidenceSource() {
            @Override
            public Checkpoint checkpoint() {
                return checkpoint;
            }

            @Override
            public Optional<ChainLink> head() {
                return Optional.ofNullable(head);
            }

            @Override
            public void forEach(EvidenceQuery query, RecordVisitor visitor) throws EvidenceStoreException {
                for (EvidenceRecord record : records) {
                    visitor.visit(record);
                }
            }
        };
    }

    private static EvidenceRecord withFiscalCode(EvidenceRecord record, String fiscalCode) {
        EvidenceEntry e = record.entry();
        return EvidenceRecord.stored(record.seq(), record.recordedAt(), record.previousHash(),
                EvidenceEntry.stored(e.requestId(), e.authnRequestXml(), e.responseBase64(), e.outcome(),
                        e.errorCode(), e.requestedAt(), e.receivedAt(), fiscalCode, e.idpEntityId()), record.hash());
    }

    @Test
    void hashIsDeterministicAndCoversEveryField() {
        EvidenceRecord a = EvidenceRecord.chain(1, START, EvidenceRecord.GENESIS, accepted(1, "TINIT-A", START));
        EvidenceRecord b = EvidenceRecord.chain(1, START, EvidenceRecord.GENESIS, accepted(1, "TINIT-A", START));
        assertThat(a.hash()).isEqualTo(b.hash()).matches("[0-9a-f]{64}");
        assertThat(EvidenceRecord.chain(1, START, EvidenceRecord.GENESIS, accepted(1, "TINIT-B", START)).hash())
                .isNotEqualTo(a.hash());
        assertThat(EvidenceRecord.chain(2, START, EvidenceRecord.GENESIS, accepted(1, "TINIT-A", START)).hash())
                .isNotEqualTo(a.hash());
        assertThat(EvidenceRecord.chain(1, START.plusMillis(1), EvidenceRecord.GENESIS, accepted(1, "TINIT-A", START))
                .hash()).isNotEqualTo(a.hash());
        assertThat(a.isIntact()).isTrue();
        assertThat(withFiscalCode(a, "TINIT-B").isIntact()).isFalse();
    }

    @Test
    void jsonLineRoundTripsEveryFieldExactly() {
        for (EvidenceRecord record : chain(2)) {
            String line = EvidenceJson.write(record);
            assertThat(line).doesNotContain("\n");
            EvidenceRecord back = EvidenceJson.readRecord(line);
            assertThat(back.isIntact()).isTrue();
            assertThat(back.hash()).isEqualTo(record.hash());
            assertThat(back.entry().response()).isEqualTo(record.entry().response());
            assertThat(back.entry().authnRequestXml()).isEqualTo(record.entry().authnRequestXml());
            assertThat(EvidenceJson.write(back)).isEqualTo(line);
        }
        assertThatThrownBy(() -> EvidenceJson.readRecord("{\"seq\":1}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EvidenceJson.readRecord(EvidenceJson.write(chain(1).get(0)) + "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void intactChainVerifies() throws EvidenceStoreException {
        List<EvidenceRecord> records = chain(5);
        ChainVerifier.Result result = ChainVerifier.verify(source(records, Checkpoint.ORIGIN,
                new ChainLink(5, records.get(4).hash())));
        assertThat(result.intact()).isTrue();
        assertThat(result.checked()).isEqualTo(5);
        assertThat(result.last().hash()).isEqualTo(records.get(4).hash());
    }

    @Test
    void alteredRecordIsReportedAtItsSeq() throws EvidenceStoreException {
        List<EvidenceRecord> records = chain(5);
        records.set(2, withFiscalCode(records.get(2), "TINIT-FORGED"));
        ChainVerifier.Problem problem = ChainVerifier.verify(source(records, Checkpoint.ORIGIN, null)).problem().orElseThrow();
        assertThat(problem.kind()).isEqualTo(ChainVerifier.ProblemKind.ALTERED);
        assertThat(problem.seq()).isEqualTo(3);
    }

    @Test
    void recordRehashedAfterAlterationBreaksTheNextLink() throws EvidenceStoreException {
        List<EvidenceRecord> records = chain(5);
        EvidenceRecord original = records.get(1);
        records.set(1, EvidenceRecord.chain(2, original.recordedAt(), original.previousHash(), accepted(2, "TINIT-FORGED",
                original.recordedAt())));
        ChainVerifier.Problem problem = ChainVerifier.verify(source(records, Checkpoint.ORIGIN, null)).problem().orElseThrow();
        assertThat(problem.kind()).isEqualTo(ChainVerifier.ProblemKind.BROKEN_LINK);
        assertThat(problem.seq()).isEqualTo(3);
    }

    @Test
    void deletedRecordIsReportedMissing() throws EvidenceStoreException {
        List<EvidenceRecord> records = chain(5);
        records.remove(3);
        ChainVerifier.Problem problem = ChainVerifier.verify(source(records, Checkpoint.ORIGIN, null)).problem().orElseThrow();
        assertThat(problem.kind()).isEqualTo(ChainVerifier.ProblemKind.MISSING);
        assertThat(problem.seq()).isEqualTo(4);
        assertThat(problem.message()).contains("records 4 are missing");
    }

    @Test
    void recordsDeletedAtTheEndAreReportedAgainstTheHead() throws EvidenceStoreException {
        List<EvidenceRecord> records = chain(5);
        ChainLink head = new ChainLink(5, records.get(4).hash());
        records.remove(4);
        ChainVerifier.Problem problem = ChainVerifier.verify(source(records, Checkpoint.ORIGIN, head)).problem().orElseThrow();
        assertThat(problem.kind()).isEqualTo(ChainVerifier.ProblemKind.MISSING);
        assertThat(problem.seq()).isEqualTo(5);
    }

    @Test
    void chainAfterAPurgeStartsAtTheCheckpoint() throws EvidenceStoreException {
        List<EvidenceRecord> records = chain(5);
        Checkpoint checkpoint = new Checkpoint(2, records.get(1).hash(), START);
        List<EvidenceRecord> kept = new ArrayList<>(records.subList(2, 5));
        assertThat(ChainVerifier.verify(source(kept, checkpoint, null)).intact()).isTrue();
        Checkpoint forged = new Checkpoint(2, records.get(0).hash(), START);
        ChainVerifier.Problem problem = ChainVerifier.verify(source(kept, forged, null)).problem().orElseThrow();
        assertThat(problem.kind()).isEqualTo(ChainVerifier.ProblemKind.BROKEN_LINK);
        assertThat(problem.seq()).isEqualTo(3);
        Checkpoint tooEarly = new Checkpoint(1, records.get(0).hash(), START);
        assertThat(ChainVerifier.verify(source(kept, tooEarly, null)).problem().orElseThrow().kind())
                .isEqualTo(ChainVerifier.ProblemKind.MISSING);
    }

    @Test
    void selectionChecksEachRecordAndLinksBetweenNeighboursOnly() throws EvidenceStoreException {
        List<EvidenceRecord> records = chain(6);
        List<EvidenceRecord> selection = new ArrayList<>(List.of(records.get(0), records.get(2), records.get(3)));
        assertThat(ChainVerifier.verifySelection(source(selection, Checkpoint.ORIGIN, null)).intact()).isTrue();
        selection.set(1, withFiscalCode(records.get(2), "TINIT-FORGED"));
        assertThat(ChainVerifier.verifySelection(source(selection, Checkpoint.ORIGIN, null)).problem().orElseThrow().kind())
                .isEqualTo(ChainVerifier.ProblemKind.ALTERED);
    }
}
