package io.github.cieservlet.evidence;

import static io.github.cieservlet.evidence.EvidenceFixtures.START;
import static io.github.cieservlet.evidence.EvidenceFixtures.accepted;
import static io.github.cieservlet.evidence.EvidenceFixtures.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cieservlet.config.CieConfigException;
import io.github.cieservlet.config.EvidenceLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import io.github.cieservlet.testing.LogCapture;
import io.github.cieservlet.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening the store cie.evidence names, the startup WARN without one, and recording at accept and refuse. */
class EvidenceRecorderTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(START);
    private LogCapture log;

    @BeforeEach
    void capture() {
        log = LogCapture.of(EvidenceRecorder.class);
    }

    @AfterEach
    void release() {
        log.close();
    }

    private List<String> warnings() {
        return log.lines(Level.WARNING);
    }

    @Test
    void withoutAStoreAWarningSaysTheDutyIsNotMet() throws Exception {
        EvidenceRecorder unset = EvidenceRecorder.open(EvidenceLocation.UNSET, Period.ofMonths(24), clock);
        EvidenceRecorder none = EvidenceRecorder.open(EvidenceLocation.parse("none"), Period.ofMonths(24), clock);
        assertThat(unset.enabled()).isFalse();
        none.accepted(accepted(1, "TINIT-A", START));
        none.refused(refused(2, START));
        assertThat(warnings()).hasSize(2).allSatisfy(line -> assertThat(line).contains("does not meet its duty"));
        assertThat(warnings().get(0)).contains("cie.evidence is not set");
        assertThat(warnings().get(1)).contains("cie.evidence=none");
    }

    @Test
    void aFileStoreRecordsAcceptedAndRefusedResponses() throws Exception {
        Path evidence = dir.resolve("evidence");
        try (EvidenceRecorder recorder = EvidenceRecorder.open(EvidenceLocation.parse("file:" + evidence),
                Period.ofMonths(24), clock)) {
            recorder.accepted(accepted(1, "TINIT-A", START));
            recorder.refused(refused(2, START));
            assertThat(warnings()).isEmpty();
        }
        List<EvidenceOutcome> outcomes = new ArrayList<>();
        new FileEvidenceSource(evidence).forEach(EvidenceQuery.all(), r -> outcomes.add(r.entry().outcome()));
        assertThat(outcomes).containsExactly(EvidenceOutcome.ACCEPTED, EvidenceOutcome.REFUSED);
    }

    @Test
    void aRetentionShorterThan24MonthsIsWarned() {
        EvidenceRecorder.open(EvidenceLocation.parse("file:" + dir.resolve("a")), Period.ofMonths(24), clock).close();
        assertThat(warnings()).isEmpty();
        EvidenceRecorder.open(EvidenceLocation.parse("file:" + dir.resolve("b")), Period.ofMonths(6), clock).close();
        assertThat(warnings()).singleElement().satisfies(line -> assertThat(line).contains("shorter than the 24 months"));
    }

    @Test
    void anUnusableDirectoryStopsStartupNamingTheParam() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> EvidenceRecorder.open(EvidenceLocation.parse("file:" + file.resolve("sub")),
                Period.ofMonths(24), clock)).isInstanceOf(CieConfigException.class)
                .hasMessageContaining("cie.evidence: cannot use");
    }

    @Test
    void aMissingDataSourceStopsStartupNamingTheParamAndTheFix() {
        assertThatThrownBy(() -> EvidenceRecorder.open(EvidenceLocation.parse("jndi:java:comp/env/jdbc/cie"),
                Period.ofMonths(24), clock)).isInstanceOf(CieConfigException.class)
                .hasMessageContaining("cie.evidence: no DataSource is bound at java:comp/env/jdbc/cie")
                .hasMessageContaining("<resource-ref>");
    }
}
