// SPDX-License-Identifier: Apache-2.0
package io.github.cieservlet.taglib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cieservlet.CieUrls;
import io.github.cieservlet.LoginScheme;
import io.github.cieservlet.SpidIdentityProvider;
import jakarta.servlet.jsp.JspException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpidButtonTagTest {

    private static final SpidIdentityProvider POSTE =
            new SpidIdentityProvider("https://posteid.poste.it", "Poste ID", "/img/spid/poste.svg");
    private static final SpidIdentityProvider ARUBA =
            new SpidIdentityProvider("https://loginspid.aruba.it", "Aruba ID", "https://registry.example/aruba.svg");
    private static final SpidIdentityProvider TEST =
            new SpidIdentityProvider("http://localhost:8080/cie-test-idp/spid", "SPID test IdP", null);
    private static final Pattern IDP_LINK = Pattern.compile("<li class=\"cie-spid-idp\"><a href=\"([^\"]*)\">");

    private static FakePage page(SpidIdentityProvider... providers) {
        return new FakePage().withUrls(new CieUrls("/cie", EnumSet.allOf(LoginScheme.class), List.of(providers)));
    }

    private static SpidButtonTag button() {
        return new SpidButtonTag(new Random(1));
    }

    /** The identity providers' login links in the order the page shows them. */
    private static List<String> idpLinks(String html) {
        List<String> links = new ArrayList<>();
        Matcher matcher = IDP_LINK.matcher(html);
        while (matcher.find()) {
            links.add(matcher.group(1));
        }
        return links;
    }

    private static String login(String entityId) {
        return login("%2Fpratiche%2Felenco.jsp%3Fanno%3D2024%26stato%3Daperte", entityId);
    }

    private static String login(String target, String entityId) {
        return "/app/cie/login?target=" + target + "&amp;scheme=spid&amp;idp="
                + java.net.URLEncoder.encode(entityId, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aRealButtonThatControlsAListOfOneLoginLinkPerIdentityProviderThenAgidsThreeLinks() throws Exception {
        SpidButtonTag tag = button();
        tag.setTarget("/area/");

        String html = page(POSTE, ARUBA, TEST).render(tag);

        assertThat(html).contains("<div class=\"cie-spid\"><button type=\"button\" class=\"cie-button cie-button-spid"
                + " cie-spid-button cie-button-size-m\" id=\"cie-spid-1\" aria-expanded=\"false\""
                + " aria-controls=\"cie-spid-1-menu\"><span class=\"cie-button-mark\" aria-hidden=\"true\"><svg ")
                .contains("<span class=\"cie-button-text\" lang=\"it\">Entra con SPID</span></button>"
                        + "<ul class=\"cie-spid-menu\" id=\"cie-spid-1-menu\" lang=\"it\""
                        + " aria-label=\"Gestori di identit&#224; SPID\">");
        assertThat(idpLinks(html)).containsExactlyInAnyOrder(login("%2Farea%2F", POSTE.entityId()),
                login("%2Farea%2F", ARUBA.entityId()), login("%2Farea%2F", TEST.entityId()));
        assertThat(html).contains("<li class=\"cie-spid-support\"><a href=\"https://www.spid.gov.it\" hreflang=\"it\">"
                        + "Maggiori informazioni</a></li><li class=\"cie-spid-support\"><a"
                        + " href=\"https://www.spid.gov.it/richiedi-spid\" hreflang=\"it\">Non hai SPID?</a></li>"
                        + "<li class=\"cie-spid-support\"><a href=\"https://www.spid.gov.it/serve-aiuto\" hreflang=\"it\">"
                        + "Serve aiuto?</a></li></ul></div>");
        assertThat(html.indexOf("<li class=\"cie-spid-support\">"))
                .isGreaterThan(html.lastIndexOf("<li class=\"cie-spid-idp\">"));
        assertThat(html).doesNotContain("role=\"menu\"").doesNotContain(" onclick").doesNotContain("jquery");
    }

    @Test
    void everyIdentityProviderIsNamedInTextAndItsLogoIsDecorative() throws Exception {
        String html = page(POSTE, ARUBA, TEST).render(button());

        assertThat(html).contains("<a href=\"" + login("https://posteid.poste.it")
                + "\"><img src=\"/app/img/spid/poste.svg\" alt=\"\" height=\"28\"><span>Poste ID</span></a>")
                .contains("<img src=\"https://registry.example/aruba.svg\" alt=\"\" height=\"28\"><span>Aruba ID</span>")
                .contains("\"><span>SPID test IdP</span></a>");
    }

    @Test
    void idpLogosFalseShowsNamesOnly() throws Exception {
        SpidButtonTag tag = button();
        tag.setIdpLogos("false");

        String html = page(POSTE, ARUBA).render(tag);

        assertThat(html).doesNotContain("<img").contains("<span>Poste ID</span>").contains("<span>Aruba ID</span>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://registry.example/x.svg", "//evil.example/x.svg", "javascript:alert(1)",
        "data:image/svg+xml,<svg/>", "/\\evil.example/x.svg", "img/relative.svg"})
    void aLogoThatIsNeitherAnApplicationPathNorHttpsIsNotShown(String logoUri) throws Exception {
        String html = page(new SpidIdentityProvider("https://idp.example", "IdP", logoUri)).render(button());

        assertThat(html).doesNotContain("<img").contains("<span>IdP</span>");
    }

    @Test
    void everyValueIsEscaped() throws Exception {
        SpidIdentityProvider evil = new SpidIdentityProvider("https://idp.example/?a=1&b=\"<x>",
                "<script>alert(1)</script> & \"ID\"", "/logo.svg?a=1&b=\"2\"");
        SpidButtonTag tag = button();
        tag.setCssClass("x\"><script>alert(2)</script>");
        tag.setNonce("n\"0");

        String html = page(evil).render(tag);

        assertThat(html).contains("<span>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;ID&quot;</span>")
                .contains("cie-button-size-m x&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;\"")
                .contains("<img src=\"/app/logo.svg?a=1&amp;b=&quot;2&quot;\"")
                .contains("&amp;idp=https%3A%2F%2Fidp.example%2F%3Fa%3D1%26b%3D%22%3Cx%3E\"")
                .startsWith("<style nonce=\"n&quot;0\">").contains("<script nonce=\"n&quot;0\">");
        assertThat(html.split("<script", -1)).as("only the tag's own script").hasSize(2);
    }

    @Test
    void theIdentityProvidersAreShuffledAtEveryRenderAndEachAppearsOnce() throws Exception {
        Random random = new Random(42);
        Set<List<String>> orders = new HashSet<>();
        Set<String> firsts = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            String html = page(POSTE, ARUBA, TEST).render(new SpidButtonTag(random));
            List<String> links = idpLinks(html);
            assertThat(links).hasSize(3).doesNotHaveDuplicates();
            orders.add(links);
            firsts.add(links.get(0));
        }
        assertThat(firsts).as("every provider comes first in some render").hasSize(3);
        assertThat(orders).as("the six orders of three providers").hasSize(6);
    }

    @Test
    void withTwoProvidersBothOrdersAreSeenAndTheSameSeedGivesTheSameOrder() throws Exception {
        Random random = new Random(3);
        Set<List<String>> orders = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            orders.add(idpLinks(page(POSTE, ARUBA).render(new SpidButtonTag(random))));
        }
        assertThat(orders).containsExactlyInAnyOrder(List.of(login(POSTE.entityId()), login(ARUBA.entityId())),
                List.of(login(ARUBA.entityId()), login(POSTE.entityId())));
        assertThat(idpLinks(page(POSTE, ARUBA, TEST).render(new SpidButtonTag(new Random(7)))))
                .isEqualTo(idpLinks(page(POSTE, ARUBA, TEST).render(new SpidButtonTag(new Random(7)))));
    }

    @Test
    void thePublicConstructorShufflesToo() throws Exception {
        SpidIdentityProvider[] many = new SpidIdentityProvider[8];
        for (int i = 0; i < many.length; i++) {
            many[i] = new SpidIdentityProvider("https://idp" + i + ".example", "IdP " + i, null);
        }
        Set<List<String>> orders = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            orders.add(idpLinks(page(many).render(new SpidButtonTag())));
        }
        // 8! = 40320 orders: ten renders in one order would happen once in 40320^9 runs.
        assertThat(orders).hasSizeGreaterThan(1);
    }

    @ParameterizedTest
    @CsvSource({"s, 19", "m, 29", "l, 38", "xl, 47", "XL, 47"})
    void everySize(String size, int icon) throws Exception {
        SpidButtonTag tag = button();
        tag.setSize(size);

        String html = page(POSTE).render(tag);

        assertThat(html).contains("cie-spid-button cie-button-size-" + size.toLowerCase() + "\"")
                .contains("<svg viewBox=\"0 0 32 32\" width=\"" + icon + "\" height=\"" + icon + "\" focusable=\"false\">");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "it|Entra con SPID|Gestori di identit&#224; SPID|Maggiori informazioni|Non hai SPID?|Serve aiuto?",
        "en|Sign in with SPID|SPID identity providers|More information|Don't have SPID?|Need help?",
        "EN|Sign in with SPID|SPID identity providers|More information|Don't have SPID?|Need help?"})
    void everyLanguage(String lang, String label, String listName, String info, String noSpid, String help)
            throws Exception {
        SpidButtonTag tag = button();
        tag.setLang(lang);

        String html = page(POSTE).render(tag);

        String tagName = lang.toLowerCase();
        assertThat(html).contains("<span class=\"cie-button-text\" lang=\"" + tagName + "\">" + label + "</span>")
                .contains(" lang=\"" + tagName + "\" aria-label=\"" + listName + "\">")
                .contains("hreflang=\"it\">" + info + "</a>").contains("hreflang=\"it\">" + noSpid + "</a>")
                .contains("hreflang=\"it\">" + help + "</a>");
    }

    @ParameterizedTest
    @CsvSource({"size, xxl, 'The size attribute must be one of s, m, l, xl'",
        "lang, de, 'The lang attribute must be one of it, en'",
        "idpLogos, yes, 'The idpLogos attribute must be one of true, false'"})
    void refusesAnUnknownValue(String attribute, String value, String message) {
        SpidButtonTag tag = button();
        switch (attribute) {
            case "size" -> tag.setSize(value);
            case "lang" -> tag.setLang(value);
            default -> tag.setIdpLogos(value);
        }
        FakePage page = page(POSTE);

        assertThatThrownBy(() -> page.render(tag)).isInstanceOf(JspException.class).hasMessage(message);
    }

    @Test
    void refusesATargetOutsideTheApplication() {
        SpidButtonTag tag = button();
        tag.setTarget("//evil.example");
        FakePage page = page(POSTE);

        assertThatThrownBy(() -> page.render(tag)).isInstanceOf(JspException.class)
                .hasMessageContaining("application-relative path");
    }

    @Test
    void onlyAnHtmlCommentWhenSpidIsNotEnabled() throws Exception {
        FakePage cieOnly = new FakePage().withUrls(new CieUrls("/cie", EnumSet.of(LoginScheme.CIE, LoginScheme.EIDAS),
                List.of(POSTE)));

        assertThat(cieOnly.render(button())).isEqualTo("<!-- cie:spidButton: SPID is not enabled in cie.schemes -->");
        assertThat(new FakePage().render(button())).as("the CIE-only CieUrls of before SPID")
                .isEqualTo("<!-- cie:spidButton: SPID is not enabled in cie.schemes -->");
    }

    @Test
    void onlyAnHtmlCommentWithoutIdentityProviders() throws Exception {
        assertThat(page().render(button())).isEqualTo("<!-- cie:spidButton: no SPID identity provider is configured -->");
    }

    @Test
    void styleAndScriptAreWrittenOnceAndTwoButtonsGetTheirOwnIds() throws Exception {
        FakePage page = page(POSTE, ARUBA);
        page.render(new ButtonTag());
        page.render(button());
        String html = page.render(button());

        assertThat(html.split("<style>", -1)).hasSize(2);
        assertThat(html.split("<script>", -1)).hasSize(2);
        assertThat(html).contains("id=\"cie-spid-1\"").contains("aria-controls=\"cie-spid-1-menu\"")
                .contains("id=\"cie-spid-2\"").contains("aria-controls=\"cie-spid-2-menu\"")
                .contains("id=\"cie-spid-2-menu\"");
        assertThat(html.indexOf("<script>")).as("after the first chooser").isGreaterThan(html.indexOf("cie-spid-1-menu"));
    }

    @Test
    void theScriptHandlesTheKeyboardAndNeedsNothingFromElsewhere() throws Exception {
        String html = page(POSTE).render(button());
        String script = html.substring(html.indexOf("<script>"), html.indexOf("</script>"));

        assertThat(script).contains("aria-expanded").contains("'Escape'").contains("o.focus()")
                .contains("'ArrowDown'").contains("'ArrowUp'").contains("focusin").contains("cie-spid-js")
                .doesNotContain("eval(").doesNotContain("innerHTML").doesNotContain("http").doesNotContain("$(");
        String withoutSupportLinks = html.replaceAll("<li class=\"cie-spid-support\">.*?</li>", "");
        assertThat(withoutSupportLinks).doesNotContain("http:").doesNotContain("https:").doesNotContain("url(")
                .doesNotContain("@import").doesNotContain("<link");
    }

    @Test
    void withoutTheScriptTheListShowsWhileTheFocusIsInTheWidget() throws Exception {
        String html = page(POSTE).render(button());

        assertThat(html).contains(".cie-spid-menu{display:none;")
                .contains(".cie-spid-button[aria-expanded=true]+.cie-spid-menu,"
                        + "html:not(.cie-spid-js) .cie-spid:focus-within .cie-spid-menu{display:block}");
    }

    @Test
    void needsCieServletInTheApplication() {
        FakePage page = new FakePage().withoutCieServlet();

        assertThatThrownBy(() -> page.render(button())).isInstanceOf(JspException.class)
                .hasMessageContaining("cie-servlet is not initialised");
    }
}
