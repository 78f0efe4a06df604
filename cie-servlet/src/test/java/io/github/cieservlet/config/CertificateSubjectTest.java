package io.github.cieservlet.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.testing.TestCredentials;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CertificateSubjectTest {

    private static final String ENTITY_ID = "https://servizi.comune.example.it/cie";

    private static X509Certificate certificate(String subject) {
        return TestCredentials.generate(subject, 2048, Instant.now().minusSeconds(60), Duration.ofDays(30)).certificate();
    }

    @Test
    void aSubjectOfTheProfileMatchesTheConfiguration() {
        CertificateSubject subject = CertificateSubject.of(certificate("C=IT, L=Roma, O=Comune di Esempio\\, Città,"
                + " CN=Comune di Esempio, 2.5.4.83=" + ENTITY_ID + ", 2.5.4.97=PA:IT-c_x999"));
        assertThat(subject.uri()).isEqualTo(ENTITY_ID);
        assertThat(subject.organizationName()).isEqualTo("Comune di Esempio, Città");
        assertThat(subject.organizationIdentifier()).isEqualTo("PA:IT-c_x999");
        assertThat(subject.mismatches(ENTITY_ID, "Comune di Esempio, Città", Optional.of("PA:IT-c_x999"))).isEmpty();
    }

    @Test
    void eachDifferenceIsNamedWithHowToFixIt() {
        CertificateSubject subject = CertificateSubject.of(certificate("O=Altro Comune, CN=x, 2.5.4.83=https://other.example.it/sp,"
                + " 2.5.4.97=PA:IT-c_y000"));
        List<String> problems = subject.mismatches(ENTITY_ID, "Comune di Esempio", Optional.of("PA:IT-c_x999"));
        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).contains("uri (2.5.4.83) is 'https://other.example.it/sp', not the entity ID '"
                + ENTITY_ID + "'", "keygen");
        assertThat(problems.get(1)).contains("organizationName (O) is 'Altro Comune', not 'Comune di Esempio'");
        assertThat(problems.get(2)).contains("organizationIdentifier (2.5.4.97) is 'PA:IT-c_y000', not 'PA:IT-c_x999'");
    }

    @Test
    void aSubjectWithoutTheProfileAttributesSaysTheyAreMissing() {
        List<String> problems = CertificateSubject.of(certificate("CN=Comune di Esempio, O=Comune di Esempio"))
                .mismatches(ENTITY_ID, "Comune di Esempio", Optional.of("PA:IT-c_x999"));
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).contains("uri (2.5.4.83) is missing");
        assertThat(problems.get(1)).contains("organizationIdentifier (2.5.4.97) is missing");
    }
}
