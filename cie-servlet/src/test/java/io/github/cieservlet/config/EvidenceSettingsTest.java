package io.github.cieservlet.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Period;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cie.evidence and cie.evidenceRetention: values read, wrong ones refused naming the param and the fix. */
class EvidenceSettingsTest {

    @TempDir
    Path dir;

    private CieSettings read(String evidence, String retention) {
        Map<String, String> params = ConfigFixtures.validPublic(dir);
        if (evidence != null) {
            params.put("cie.evidence", evidence);
        }
        if (retention != null) {
            params.put("cie.evidenceRetention", retention);
        }
        return new CieSettingsReader(new ParamSource(params, Map.of(), Map.of()), getClass().getClassLoader(),
                Clock.systemUTC()).read();
    }

    @Test
    void existingWebXmlWithoutTheParamsStillStarts() {
        CieSettings settings = read(null, null);
        assertThat(settings.evidence().kind()).isEqualTo(EvidenceLocation.Kind.UNSET);
        assertThat(settings.evidenceRetention()).isEqualTo(Period.ofMonths(24));
    }

    @Test
    void jndiFileAndNoneAreRead() {
        CieSettings jndi = read("jndi:java:comp/env/jdbc/cie", "P3Y");
        assertThat(jndi.evidence().kind()).isEqualTo(EvidenceLocation.Kind.JNDI);
        assertThat(jndi.evidence().jndiName()).isEqualTo("java:comp/env/jdbc/cie");
        assertThat(jndi.evidenceRetention()).isEqualTo(Period.ofYears(3));
        CieSettings file = read("file:/var/lib/portale/cie-evidence", null);
        assertThat(file.evidence().directory()).isEqualTo(Path.of("/var/lib/portale/cie-evidence"));
        assertThat(read("none", null).evidence().keepsEvidence()).isFalse();
    }

    @Test
    void wrongLocationsNameTheParamAndTheFix() {
        assertThatThrownBy(() -> read("postgres://db/cie", null)).isInstanceOf(CieConfigException.class)
                .hasMessageContaining("cie.evidence: 'postgres://db/cie' is not valid; use jndi:java:comp/env/jdbc/");
        assertThatThrownBy(() -> read("jndi:", null)).hasMessageContaining("cie.evidence: jndi: needs");
        assertThatThrownBy(() -> read("file:relative/dir", null))
                .hasMessageContaining("cie.evidence: file: needs an absolute directory path");
    }

    @Test
    void wrongRetentionNamesTheParamAndTheFix() {
        assertThatThrownBy(() -> read(null, "24 months")).isInstanceOf(CieConfigException.class)
                .hasMessageContaining("cie.evidenceRetention: '24 months' is not an ISO-8601 period; write e.g. P24M");
        assertThatThrownBy(() -> read(null, "P0D")).hasMessageContaining("cie.evidenceRetention: P0D is out of range");
        assertThatThrownBy(() -> read(null, "P-1M")).hasMessageContaining("is out of range");
    }
}
