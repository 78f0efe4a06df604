package io.github.cieservlet.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SamlIdsTest {

    @Test
    void idIsUnderscoreThen32LowerCaseHexDigits() {
        assertThat(SamlIds.newId()).matches("_[0-9a-f]{32}");
    }

    @Test
    void idsDoNotRepeat() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(SamlIds.newId());
        }
        assertThat(ids).hasSize(10_000);
    }
}
