package io.github.cieservlet.evidence;

import static io.github.cieservlet.evidence.EvidenceFixtures.START;
import static io.github.cieservlet.evidence.EvidenceFixtures.accepted;
import static io.github.cieservlet.evidence.EvidenceFixtures.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.testing.MutableClock;
import io.github.cieservlet.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The JDBC store on a real PostgreSQL: tables, one chain for concurrent writers, retention, tampering, outage. */
class JdbcEvidenceStoreTest {

    private final MutableClock clock = new MutableClock(START);

    private static void sql(DataSource dataSource, String statement) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    private static List<EvidenceRecord> read(EvidenceSource source, EvidenceQuery query) throws EvidenceStoreException {
        List<EvidenceRecord> records = new ArrayList<>();
        source.forEach(query, records::add);
        return records;
    }

    @Test
    void createsItsTablesOnceAndRecordsEveryField() throws Exception {
        DataSource database = TestPostgres.newDatabase();
        JdbcEvidenceStore store = new JdbcEvidenceStore(database, "test", clock);
        store.createTablesIfMissing();
        new JdbcEvidenceStore(database, "test", clock).createTablesIfMissing();
        EvidenceRecord accepted = store.append(accepted(1, "TINIT-A", clock.instant()));
        store.append(refused(2, clock.instant()));

        List<EvidenceRecord> records = read(store, EvidenceQuery.all());
        assertThat(records).extracting(EvidenceRecord::seq).containsExactly(1L, 2L);
        EvidenceRecord back = records.get(0);
        assertThat(back.hash()).isEqualTo(accepted.hash());
        assertThat(back.isIntact()).isTrue();
        assertThat(back.entry().authnRequestXml()).isEqualTo(accepted.entry().authnRequestXml());
        assertThat(records.get(1).entry().response()).containsExactly('<', 'x', '/', '>', (byte) 0xff);
        assertThat(records.get(1).entry().requestId()).isNull();
        assertThat(read(store, EvidenceQuery.fiscalCode("TINIT-A"))).hasSize(1);
        assertThat(read(store, EvidenceQuery.recordedBetween(START, START.plusMillis(1)))).hasSize(2);
        assertThat(read(store, EvidenceQuery.recordedBetween(START.plusMillis(1), START.plusSeconds(9)))).isEmpty();
        assertThat(ChainVerifier.verify(store).intact()).isTrue();
    }

    @Test
    void concurrentWritersOnTwoNodesBuildOneChain() throws Exception {
        DataSource database = TestPostgres.newDatabase();
        JdbcEvidenceStore nodeA = new JdbcEvidenceStore(database, "node A", clock);
        JdbcEvidenceStore nodeB = new JdbcEvidenceStore(database, "node B", clock);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<EvidenceRecord>> appends = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                JdbcEvidenceStore node = i % 2 == 0 ? nodeA : nodeB;
                int n = i;
                appends.add(pool.submit(() -> node.append(accepted(n, "TINIT-" + n, START))));
            }
            for (Future<EvidenceRecord> append : appends) {
                append.get();
            }
        } finally {
            pool.shutdown();
        }
        ChainVerifier.Result result = ChainVerifier.verify(nodeB);
        assertThat(result.problem()).isEmpty();
        assertThat(result.checked()).isEqualTo(40);
    }

    @Test
    void retentionPurgeMovesTheCheckpointAndTheChainStillVerifies() throws Exception {
        JdbcEvidenceStore store = new JdbcEvidenceStore(TestPostgres.newDatabase(), "test", clock);
        store.append(accepted(1, "TINIT-A", clock.instant()));
        EvidenceRecord second = store.append(accepted(2, "TINIT-A", clock.instant()));
        clock.advance(Duration.ofDays(800));
        store.append(accepted(3, "TINIT-B", clock.instant()));

        EvidenceRecorder recorder = new EvidenceRecorder(store, Period.ofMonths(24), clock);
        recorder.purgeExpired();
        Checkpoint checkpoint = store.checkpoint();
        assertThat(checkpoint.seq()).isEqualTo(2);
        assertThat(checkpoint.hash()).isEqualTo(second.hash());
        assertThat(store.purgeRecordedBefore(START)).isEmpty();
        assertThat(read(store, EvidenceQuery.all())).extracting(EvidenceRecord::seq).containsExactly(3L);
        store.append(accepted(4, "TINIT-C", clock.instant()));
        ChainVerifier.Result result = ChainVerifier.verify(store);
        assertThat(result.intact()).isTrue();
        assertThat(result.checked()).isEqualTo(2);
        assertThat(recorder.failures()).isZero();
    }

    @Test
    void alteredDeletedAndTruncatedRecordsAreReported() throws Exception {
        DataSource database = TestPostgres.newDatabase();
        JdbcEvidenceStore store = new JdbcEvidenceStore(database, "test", clock);
        for (int i = 1; i <= 5; i++) {
            store.append(accepted(i, "TINIT-X" + i, clock.instant()));
        }
        sql(database, "UPDATE cie_evidence SET fiscal_code = 'TINIT-FORGED' WHERE seq = 2");
        ChainVerifier.Problem altered = ChainVerifier.verify(store).problem().orElseThrow();
        assertThat(altered.kind()).isEqualTo(ChainVerifier.ProblemKind.ALTERED);
        assertThat(altered.seq()).isEqualTo(2);

        sql(database, "DELETE FROM cie_evidence WHERE seq = 2");
        ChainVerifier.Problem missing = ChainVerifier.verify(store).problem().orElseThrow();
        assertThat(missing.kind()).isEqualTo(ChainVerifier.ProblemKind.MISSING);
        assertThat(missing.seq()).isEqualTo(2);

        DataSource other = TestPostgres.newDatabase();
        JdbcEvidenceStore intact = new JdbcEvidenceStore(other, "test", clock);
        for (int i = 1; i <= 3; i++) {
            intact.append(accepted(i, "TINIT-X" + i, clock.instant()));
        }
        sql(other, "DELETE FROM cie_evidence WHERE seq = 3");
        ChainVerifier.Problem truncated = ChainVerifier.verify(intact).problem().orElseThrow();
        assertThat(truncated.kind()).isEqualTo(ChainVerifier.ProblemKind.MISSING);
        assertThat(truncated.seq()).isEqualTo(3);
    }

    @Test
    void aDatabaseThatIsDownRefusesTheLoginAndIsCounted() {
        JdbcEvidenceStore store = new JdbcEvidenceStore(TestPostgres.down(), "java:comp/env/jdbc/cie", clock);
        assertThatThrownBy(() -> store.append(accepted(1, "TINIT-A", clock.instant())))
                .isInstanceOf(EvidenceStoreException.class).hasMessageContaining("java:comp/env/jdbc/cie");
        EvidenceRecorder recorder = new EvidenceRecorder(store, Period.ofMonths(24), clock);
        assertThatThrownBy(() -> recorder.accepted(accepted(1, "TINIT-A", clock.instant())))
                .isInstanceOfSatisfying(CieAuthenticationException.class,
                        e -> assertThat(e.error()).isEqualTo(CieError.EVIDENCE_UNAVAILABLE))
                .hasMessageContaining("login is refused");
        recorder.refused(refused(2, clock.instant()));
        assertThat(recorder.failures()).isEqualTo(2);
    }

    @Test
    void tablesDroppedWhileRunningAreCreatedAgainAtNextStart() throws Exception {
        DataSource database = TestPostgres.newDatabase();
        new JdbcEvidenceStore(database, "test", clock).append(accepted(1, "TINIT-A", clock.instant()));
        sql(database, "DROP TABLE cie_evidence_chain");
        sql(database, "DROP TABLE cie_evidence");
        JdbcEvidenceStore restarted = new JdbcEvidenceStore(database, "test", clock);
        assertThat(restarted.append(accepted(2, "TINIT-B", clock.instant())).seq()).isEqualTo(1);
    }
}
