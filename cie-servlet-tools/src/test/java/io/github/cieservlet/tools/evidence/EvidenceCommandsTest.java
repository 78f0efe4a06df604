package io.github.cieservlet.tools.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.evidence.EvidenceEntry;
import io.github.cieservlet.evidence.EvidenceStore;
import io.github.cieservlet.evidence.FileEvidenceStore;
import io.github.cieservlet.evidence.JdbcEvidenceStore;
import io.github.cieservlet.testing.TestPostgres;
import io.github.cieservlet.tools.Cli;
import io.github.cieservlet.tools.ExitCode;
import io.github.cieservlet.tools.TestEnv;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify-evidence and export-evidence on a directory, on exports, and on a real PostgreSQL. */
class EvidenceCommandsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final TestEnv ENV = TestEnv.of(Map.of("DB_SECRET", "unused"));

    @TempDir
    Path dir;

    private static void fill(EvidenceStore store) throws Exception {
        for (int i = 1; i <= 5; i++) {
            String code = i % 2 == 0 ? "TINIT-EVEN" : "TINIT-ODD";
            byte[] response = ("<samlp:Response ID=\"_r" + i + "\"/>").getBytes(StandardCharsets.UTF_8);
            store.append(EvidenceEntry.accepted("_q" + i, "<samlp:AuthnRequest ID=\"_q" + i + "\"/>", response,
                    T0, T0, code, "https://idp.example"));
        }
    }

    private Path store() throws Exception {
        Path evidence = dir.resolve("evidence");
        try (FileEvidenceStore store = FileEvidenceStore.open(evidence, Clock.fixed(T0, ZoneOffset.UTC))) {
            fill(store);
        }
        return evidence;
    }

    private static Path jsonl(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.toString().endsWith(".jsonl")).findFirst().orElseThrow();
        }
    }

    @Test
    void intactDirectoryVerifies() throws Exception {
        Cli cli = Cli.run(ENV, "verify-evidence", "--dir", store().toString());
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCode.OK);
        assertThat(cli.out()).startsWith("OK: 5 records intact, from checkpoint seq 0");
    }

    @Test
    void alteredRecordIsTheFirstBrokenLinkReported() throws Exception {
        Path evidence = store();
        Path file = jsonl(evidence);
        Files.writeString(file, Files.readString(file).replaceFirst("TINIT-EVEN", "TINIT-OTHER"));
        Cli cli = Cli.run(ENV, "verify-evidence", "--dir", evidence.toString());
        assertThat(cli.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(cli.out()).contains("FAILED: ALTERED at seq 2").contains("the 1 records before it are intact");
    }

    @Test
    void exportByFiscalCodeHoldsTheExactXmlAndVerifiesRecordByRecord() throws Exception {
        Path out = dir.resolve("audit");
        Cli export = Cli.run(ENV, "export-evidence", "--dir", store().toString(), "--fiscal-code", "TINIT-EVEN",
                "--out", out.toString());
        assertThat(export.exitCode()).as(export.err()).isEqualTo(ExitCode.OK);
        assertThat(export.out()).contains("Exported 2 records (seq 2 to 4");
        assertThat(Files.readString(out.resolve("xml/4-response.xml"))).isEqualTo("<samlp:Response ID=\"_r4\"/>");
        assertThat(Files.readString(out.resolve("xml/2-authnrequest.xml"))).isEqualTo("<samlp:AuthnRequest ID=\"_q2\"/>");
        assertThat(Files.readString(out.resolve("export.json"))).contains("\"contiguous\":false");
        Cli verify = Cli.run(ENV, "verify-evidence", "--dir", out.toString());
        assertThat(verify.exitCode()).as(verify.out()).isEqualTo(ExitCode.OK);
        assertThat(verify.out()).startsWith("OK: 2 selected records intact");

        Path file = jsonl(out);
        Files.writeString(file, Files.readString(file).replace("_q4", "_q9"));
        Cli tampered = Cli.run(ENV, "verify-evidence", "--dir", out.toString());
        assertThat(tampered.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(tampered.out()).contains("ALTERED at seq 4");
    }

    @Test
    void exportOfATimeRangeIsAPieceOfTheChainWithItsCheckpoint() throws Exception {
        Path out = dir.resolve("range");
        Cli export = Cli.run(ENV, "export-evidence", "--dir", store().toString(), "--from", "2026-03-01",
                "--to", "2026-03-02", "--out", out.toString());
        assertThat(export.exitCode()).as(export.err()).isEqualTo(ExitCode.OK);
        assertThat(Files.exists(out.resolve("checkpoint.json"))).isTrue();
        Cli verify = Cli.run(ENV, "verify-evidence", "--dir", out.toString());
        assertThat(verify.exitCode()).as(verify.out()).isEqualTo(ExitCode.OK);
        assertThat(verify.out()).startsWith("OK: 5 records intact");
    }

    @Test
    void wrongArgumentsAreUsageErrors() throws Exception {
        Path evidence = store();
        assertThat(Cli.run(ENV, "verify-evidence").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(Cli.run(ENV, "export-evidence", "--dir", evidence.toString(), "--out", dir.resolve("x").toString())
                .err()).contains("give either --fiscal-code, or --from and --to");
        assertThat(Cli.run(ENV, "export-evidence", "--dir", evidence.toString(), "--from", "yesterday", "--to",
                "2026-03-02", "--out", dir.resolve("y").toString()).exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(Cli.run(ENV, "export-evidence", "--dir", evidence.toString(), "--fiscal-code", "X", "--out",
                evidence.toString()).err()).contains("is not empty");
    }

    @Test
    void databaseIsVerifiedAndExportedOverJdbc() throws Exception {
        String database = TestPostgres.newDatabaseName();
        String url = TestPostgres.jdbcUrl(database);
        JdbcEvidenceStore store = new JdbcEvidenceStore(TestPostgres.dataSource(database), "test",
                Clock.fixed(T0, ZoneOffset.UTC));
        fill(store);
        Cli verify = Cli.run(ENV, "verify-evidence", "--jdbc-url", url);
        assertThat(verify.exitCode()).as(verify.err()).isEqualTo(ExitCode.OK);
        assertThat(verify.out()).startsWith("OK: 5 records intact");

        Path out = dir.resolve("db-export");
        Cli export = Cli.run(ENV, "export-evidence", "--jdbc-url", url, "--fiscal-code", "TINIT-ODD", "--out",
                out.toString());
        assertThat(export.out()).contains("Exported 3 records");
        assertThat(Cli.run(ENV, "verify-evidence", "--dir", out.toString()).exitCode()).isEqualTo(ExitCode.OK);

        try (Connection connection = TestPostgres.dataSource(database).getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM cie_evidence WHERE seq = 5");
        }
        Cli truncated = Cli.run(ENV, "verify-evidence", "--jdbc-url", url);
        assertThat(truncated.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(truncated.out()).contains("MISSING at seq 5");
    }
}
