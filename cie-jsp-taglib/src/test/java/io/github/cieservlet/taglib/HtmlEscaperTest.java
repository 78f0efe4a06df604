package io.github.cieservlet.taglib;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlEscaperTest {

    @Test
    void escapesTheFiveSpecialCharacters() {
        assertThat(HtmlEscaper.escape("<script>alert(\"x\" + 'y')</script> & more"))
                .isEqualTo("&lt;script&gt;alert(&quot;x&quot; + &#39;y&#39;)&lt;/script&gt; &amp; more");
    }

    @Test
    void leavesOtherTextAlone() {
        assertThat(HtmlEscaper.escape("Niccolò D’Amico, àèìòù €")).isEqualTo("Niccolò D’Amico, àèìòù €");
        assertThat(HtmlEscaper.escape("")).isEmpty();
    }

    @Test
    void escapesAnAlreadyEscapedEntityAgain() {
        assertThat(HtmlEscaper.escape("&amp;")).isEqualTo("&amp;amp;");
    }
}
