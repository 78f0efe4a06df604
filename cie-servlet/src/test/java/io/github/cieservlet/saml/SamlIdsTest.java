package io.github.cieservlet.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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

    /** All 128 bits are used: every one of the 32 hex positions takes several values over a few hundred IDs. */
    @Test
    void everyHexDigitPositionVaries() {
        List<Set<Character>> seen = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            seen.add(new HashSet<>());
        }
        for (int n = 0; n < 300; n++) {
            String id = SamlIds.newId();
            for (int i = 0; i < 32; i++) {
                seen.get(i).add(id.charAt(i + 1));
            }
        }
        assertThat(seen).allSatisfy(values -> assertThat(values).hasSizeGreaterThan(4));
    }
}
