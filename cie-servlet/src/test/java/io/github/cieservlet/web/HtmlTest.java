package io.github.cieservlet.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesTheFiveSpecialCharacters() {
        assertThat(Html.escape("<script>alert(\"x\" + 'y')</script> & more"))
                .isEqualTo("&lt;script&gt;alert(&quot;x&quot; + &#39;y&#39;)&lt;/script&gt; &amp; more");
        assertThat(Html.escape("<script>alert('x') & \"y\"</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
    }

    @Test
    void leavesOtherTextAlone() {
        assertThat(Html.escape("Niccolò D’Amico, àèìòù €")).isEqualTo("Niccolò D’Amico, àèìòù €");
        assertThat(Html.escape("città")).isEqualTo("città");
        assertThat(Html.escape("")).isEmpty();
    }

    @Test
    void nullIsEmpty() {
        assertThat(Html.escape(null)).isEmpty();
    }

    @Test
    void escapesAnAlreadyEscapedEntityAgain() {
        assertThat(Html.escape("&amp;")).isEqualTo("&amp;amp;");
    }
}
