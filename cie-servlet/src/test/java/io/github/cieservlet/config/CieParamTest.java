package io.github.cieservlet.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CieParamTest {

    @Test
    void environmentVariableNamesFollowTheKey() {
        assertThat(CieParam.ENTITY_ID.envName()).isEqualTo("CIE_ENTITY_ID");
        assertThat(CieParam.PUBLIC_BASE_URL.envName()).isEqualTo("CIE_PUBLIC_BASE_URL");
        assertThat(CieParam.IDP_METADATA_REFRESH_SECONDS.envName()).isEqualTo("CIE_IDP_METADATA_REFRESH_SECONDS");
    }

    @Test
    void everyParamIsUniqueDocumentedAndPrefixed() {
        assertThat(Arrays.stream(CieParam.values()).map(CieParam::key)).doesNotHaveDuplicates()
                .allMatch(key -> key.startsWith("cie."));
        assertThat(Arrays.stream(CieParam.values()).map(CieParam::envName)).doesNotHaveDuplicates();
        assertThat(CieParam.values()).allMatch(p -> p.description().length() > 20);
    }

    @Test
    void lookupByKeyIsExact() {
        assertThat(CieParam.byKey("cie.entityId")).contains(CieParam.ENTITY_ID);
        assertThat(CieParam.byKey("cie.entityid")).isEmpty();
    }
}
