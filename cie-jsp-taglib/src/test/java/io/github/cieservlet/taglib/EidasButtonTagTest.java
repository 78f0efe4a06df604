// SPDX-License-Identifier: Apache-2.0
package io.github.cieservlet.taglib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cieservlet.CieUrls;
import io.github.cieservlet.LoginScheme;
import jakarta.servlet.jsp.JspException;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EidasButtonTagTest {

    private static FakePage page() {
        return new FakePage().withUrls(new CieUrls("/cie", EnumSet.of(LoginScheme.CIE, LoginScheme.EIDAS), List.of()));
    }

    @Test
    void isALinkToTheEidasLoginWithTheCurrentPageAsTarget() throws Exception {
        String html = page().render(new EidasButtonTag());

        assertThat(html).contains("<a class=\"cie-button cie-button-eidas cie-button-size-m\" href=\"/app/cie/login"
                + "?target=%2Fpratiche%2Felenco.jsp%3Fanno%3D2024%26stato%3Daperte&amp;scheme=eidas\">"
                + "<span class=\"cie-button-mark\" aria-hidden=\"true\"><svg viewBox=\"0 0 32 32\" width=\"29\""
                + " height=\"29\" focusable=\"false\">")
                .endsWith("</svg></span><span class=\"cie-button-text\" lang=\"en\">Login with eIDAS</span></a>")
                .doesNotContain("<script").doesNotContain("aria-label");
    }

    @ParameterizedTest
    @CsvSource({"en, Login with eIDAS", "it, Entra con eIDAS", "IT, Entra con eIDAS"})
    void everyLanguage(String lang, String text) throws Exception {
        EidasButtonTag tag = new EidasButtonTag();
        tag.setLang(lang);

        assertThat(page().render(tag))
                .contains("<span class=\"cie-button-text\" lang=\"" + lang.toLowerCase() + "\">" + text + "</span>");
    }

    @ParameterizedTest
    @CsvSource({"s, 19", "m, 29", "l, 38", "xl, 47"})
    void everySize(String size, int icon) throws Exception {
        EidasButtonTag tag = new EidasButtonTag();
        tag.setSize(size);

        assertThat(page().render(tag)).contains("cie-button-eidas cie-button-size-" + size + "\"")
                .contains("width=\"" + icon + "\" height=\"" + icon + "\"");
    }

    @Test
    void explicitTargetAndExtraClassesAreEscaped() throws Exception {
        EidasButtonTag tag = new EidasButtonTag();
        tag.setTarget("/area/?a=1&b=\"x\"");
        tag.setCssClass("mt-3 \"><script>");
        tag.setNonce("n'1");

        String html = page().render(tag);

        assertThat(html).startsWith("<style nonce=\"n&#39;1\">.cie-button{")
                .contains("class=\"cie-button cie-button-eidas cie-button-size-m mt-3 &quot;&gt;&lt;script&gt;\"")
                .contains("href=\"/app/cie/login?target=%2Farea%2F%3Fa%3D1%26b%3D%22x%22&amp;scheme=eidas\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "https://evil.example", ""})
    void refusesATargetOutsideTheApplication(String target) {
        EidasButtonTag tag = new EidasButtonTag();
        tag.setTarget(target);
        FakePage page = page();

        assertThatThrownBy(() -> page.render(tag)).isInstanceOf(JspException.class)
                .hasMessageContaining("application-relative path");
    }

    @Test
    void refusesAnUnknownLanguage() {
        EidasButtonTag tag = new EidasButtonTag();
        tag.setLang("de");
        FakePage page = page();

        assertThatThrownBy(() -> page.render(tag)).isInstanceOf(JspException.class)
                .hasMessage("The lang attribute must be one of it, en");
    }

    @Test
    void onlyAnHtmlCommentWhenEidasIsNotEnabled() throws Exception {
        FakePage spidOnly = new FakePage().withUrls(new CieUrls("/cie", EnumSet.of(LoginScheme.SPID), List.of()));

        assertThat(spidOnly.render(new EidasButtonTag()))
                .isEqualTo("<!-- cie:eidasButton: eIDAS is not enabled in cie.schemes -->");
        assertThat(new FakePage().render(new EidasButtonTag()))
                .isEqualTo("<!-- cie:eidasButton: eIDAS is not enabled in cie.schemes -->");
    }

    @Test
    void sharesTheStyleBlockWithTheCieButton() throws Exception {
        FakePage page = page();
        page.render(new ButtonTag());
        String html = page.render(new EidasButtonTag());

        assertThat(html.split("<style>", -1)).hasSize(2);
        assertThat(html).contains(".cie-button-eidas,.cie-button-eidas:link,.cie-button-eidas:visited"
                + "{background-color:#004494;color:#fff}");
    }
}
