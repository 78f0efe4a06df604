package io.github.cieservlet.saml.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link Detail}: what a refusal detail (and so a log line) may show of a received value. */
class DetailTest {

    @Test
    void valueIsQuoted_absentIsSaid() {
        assertThat(Detail.quote("_abc")).isEqualTo("'_abc'");
        assertThat(Detail.quote("")).isEqualTo("''");
        assertThat(Detail.quote(null)).isEqualTo("(absent)");
    }

    /** 160 characters are kept whole; beyond, the first 160 and an ellipsis. */
    @Test
    void lengthBoundary() {
        String longest = "x".repeat(160);

        assertThat(Detail.quote(longest)).isEqualTo("'" + longest + "'");
        assertThat(Detail.quote(longest + "y")).isEqualTo("'" + longest + "'...");
    }

    /** Control characters (U+0000-U+001F, DEL) are escaped so that no value can forge a log line; space is kept. */
    @Test
    void controlCharactersAreEscaped() {
        assertThat(Detail.quote("a\nb\u001f \u007f~")).isEqualTo("'a\\u000ab\\u001f \\u007f~'");
    }
}
