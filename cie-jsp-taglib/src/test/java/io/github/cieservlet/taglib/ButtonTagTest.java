package io.github.cieservlet.taglib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.jsp.JspException;
import io.github.cieservlet.ProtectedPaths;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ButtonTagTest {

    private static final Pattern LINK = Pattern.compile("<a ([^>]*)>(.*?)</a>");

    private static ButtonTag button() {
        return new ButtonTag();
    }

    private static String link(String html) {
        Matcher matcher = LINK.matcher(html);
        assertThat(matcher.find()).as("a link in %s", html).isTrue();
        return matcher.group();
    }

    @Test
    void isALinkToTheLoginEndpointWithTheCurrentPageAndQueryAsTarget() throws Exception {
        String html = new FakePage().render(button());

        assertThat(link(html))
                .startsWith("<a class=\"cie-button cie-button-size-m\" ")
                .contains(" href=\"/app/cie/login?target=%2Fpratiche%2Felenco.jsp%3Fanno%3D2024%26stato%3Daperte\"")
                .contains("<span class=\"cie-button-text\" lang=\"it\">Entra con CIE</span>");
    }

    @Test
    void markIsHiddenFromAssistiveTechnologySoTheTextIsTheAccessibleName() throws Exception {
        String link = link(new FakePage().render(button()));

        assertThat(link).contains("<span class=\"cie-button-mark\" aria-hidden=\"true\"><svg ")
                .doesNotContain("aria-label").doesNotContain("<script");
        String visibleText = link.replaceAll("<span class=\"cie-button-mark\".*?</span>", "").replaceAll("<[^>]+>", "");
        assertThat(visibleText).isEqualTo("Entra con CIE");
    }

    @Test
    void currentPageWithoutQuery() throws Exception {
        String html = new FakePage().at("/app", "/app/area/", null).render(button());

        assertThat(link(html)).contains("href=\"/app/cie/login?target=%2Farea%2F\"");
    }

    @Test
    void rootContext() throws Exception {
        String html = new FakePage().at("", "/area/index.jsp", "x=1").render(button());

        assertThat(link(html)).contains("href=\"/cie/login?target=%2Farea%2Findex.jsp%3Fx%3D1\"");
    }

    /**
     * Behind a forward the target is the page the browser asked for, when it is protected: the container's FORM
     * login page shown in place of a protected page returns there (the container's saved request).
     */
    @Test
    void behindAForwardTheTargetIsTheProtectedPageTheBrowserAskedFor() throws Exception {
        FakePage page = new FakePage().at("/app", "/app/login.jsp", null)
                .withRequestAttribute(RequestDispatcher.FORWARD_REQUEST_URI, "/app/pratiche/apri")
                .withRequestAttribute(RequestDispatcher.FORWARD_SERVLET_PATH, "/pratiche")
                .withRequestAttribute(RequestDispatcher.FORWARD_PATH_INFO, "/apri")
                .withRequestAttribute(RequestDispatcher.FORWARD_QUERY_STRING, "id=7");

        assertThat(link(page.render(button()))).contains("href=\"/app/cie/login?target=%2Fpratiche%2Fapri%3Fid%3D7\"");
    }

    /** A controller that forwards its public /login to a JSP view: the button does not return to /login. */
    @Test
    void behindAForwardFromAPublicPageTheTargetIsTheDefaultTarget() throws Exception {
        FakePage page = new FakePage().at("/app", "/app/WEB-INF/views/login.jsp", null)
                .protecting(new ProtectedPaths(List.of("/area/*"), "/area/benvenuto"))
                .withRequestAttribute(RequestDispatcher.FORWARD_REQUEST_URI, "/app/login")
                .withRequestAttribute(RequestDispatcher.FORWARD_SERVLET_PATH, "/login")
                .withRequestAttribute(RequestDispatcher.FORWARD_QUERY_STRING, "id=7");

        assertThat(link(page.render(button()))).contains("href=\"/app/cie/login?target=%2Farea%2Fbenvenuto\"");
    }

    /**
     * The issue this rule fixes: a bare button on the login page brought the citizen back to the login page, as if
     * nothing happened. A page that is not protected (the login page, the home page, any public page) sends the
     * login to cie.defaultTarget.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/app/login.jsp", "/app/", "/app/index.jsp", "/app/notizie/oggi.jsp", "/app/areaX/y"})
    void onAPageThatIsNotProtectedTheTargetIsTheDefaultTarget(String requestUri) throws Exception {
        FakePage page = new FakePage().at("/app", requestUri, "x=1")
                .protecting(new ProtectedPaths(List.of("/area/*", "*.do"), "/area/benvenuto?da=cie"));

        assertThat(link(page.render(button()))).contains("href=\"/app/cie/login?target=%2Farea%2Fbenvenuto%3Fda%3Dcie\"");
    }

    @ParameterizedTest
    @CsvSource({
        "/app//evil.example/x, ",
        "/app/\\evil.example, ",
        "/other/page, ",
        "/app, ",
        "/app, x=1",
    })
    void aCurrentPageThatIsNotASafeTargetFallsBackToHome(String requestUri, String query) throws Exception {
        String html = new FakePage().at("/app", requestUri, query).render(button());

        assertThat(link(html)).contains("href=\"/app/cie/login?target=%2F\"");
    }

    /** The login endpoint's rule decides: a page it would refuse (longer than its limit) is not offered as target. */
    @Test
    void aCurrentPageTheLoginEndpointWouldRefuseFallsBackToHome() throws Exception {
        String tooLong = "/area/" + "a".repeat(io.github.cieservlet.web.TargetUrlPolicy.MAX_LENGTH);
        assertThat(link(new FakePage().at("/app", "/app" + tooLong, null).render(button())))
                .contains("href=\"/app/cie/login?target=%2F\"");
        String longest = "a".repeat(io.github.cieservlet.web.TargetUrlPolicy.MAX_LENGTH - "/area/".length());
        assertThat(link(new FakePage().at("/app", "/app/area/" + longest, null).render(button())))
                .contains("href=\"/app/cie/login?target=%2Farea%2F" + longest + "\"");
        ButtonTag tag = button();
        tag.setTarget(tooLong);
        FakePage page = new FakePage();
        assertThatThrownBy(() -> page.render(tag)).isInstanceOf(JspException.class);
    }

    @Test
    void explicitTarget() throws Exception {
        ButtonTag tag = button();
        tag.setTarget("/area-riservata/?tab=1&x=\"y\"");

        assertThat(link(new FakePage().render(tag)))
                .contains("href=\"/app/cie/login?target=%2Farea-riservata%2F%3Ftab%3D1%26x%3D%22y%22\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "https://evil.example", "javascript:alert(1)", "/\\evil.example",
        "\\\\evil.example", "area", "", "/a\nb", "/a\tb"})
    void refusesATargetOutsideTheApplication(String target) {
        ButtonTag tag = button();
        tag.setTarget(target);
        FakePage page = new FakePage();

        assertThatThrownBy(() -> page.render(tag)).isInstanceOf(JspException.class)
                .hasMessageContaining("application-relative path");
    }

    @ParameterizedTest
    @CsvSource({"s, 150px, 30px, 10px, 19, 28px, 4px", "m, 220px, 44px, 15px, 29, 42px, 6px",
        "l, 280px, 56px, 20px, 38, 54px, 8px", "xl, 340px, 68px, 25px, 47, 66px, 9px",
        "XL, 340px, 68px, 25px, 47, 66px, 9px"})
    void everySize(String size, String width, String height, String fontSize, String icon, String markWidth,
            String markGap) throws Exception {
        ButtonTag tag = button();
        tag.setSize(size);
        String html = new FakePage().render(tag);
        String sizeClass = "cie-button-size-" + size.toLowerCase();

        assertThat(link(html)).startsWith("<a class=\"cie-button " + sizeClass + "\"")
                .contains("<svg viewBox=\"0 0 32 32\" width=\"" + icon + "\" height=\"" + icon + "\"");
        assertThat(html).contains("." + sizeClass + "{width:" + width + ";min-height:" + height + ";font-size:"
                + fontSize + "}");
        assertThat(html).contains("." + sizeClass + " .cie-button-mark svg{width:" + icon + "px;height:" + icon + "px}");
        // icon + two gaps + the link's two 1 px borders fit in the height: 19+8+2=29, 29+12+2=43, 38+16+2=56, 47+18+2=67
        assertThat(html).contains("." + sizeClass + " .cie-button-mark{width:" + markWidth + ";margin:" + markGap + " 0}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"xxl", "medium", ""})
    void refusesAnUnknownSize(String size) {
        ButtonTag tag = button();
        tag.setSize(size);
        FakePage page = new FakePage();

        assertThatThrownBy(() -> page.render(tag)).isInstanceOf(JspException.class)
                .hasMessage("The size attribute must be one of s, m, l, xl");
    }

    @ParameterizedTest
    @CsvSource({"it, Entra con CIE", "en, Sign in with CIE", "de, Mit CIE anmelden", "EN, Sign in with CIE"})
    void everyLanguage(String lang, String text) throws Exception {
        ButtonTag tag = button();
        tag.setLang(lang);

        assertThat(link(new FakePage().render(tag)))
                .contains("<span class=\"cie-button-text\" lang=\"" + lang.toLowerCase() + "\">" + text + "</span>");
    }

    @Test
    void refusesAnUnknownLanguage() {
        ButtonTag tag = button();
        tag.setLang("fr");
        FakePage page = new FakePage();

        assertThatThrownBy(() -> page.render(tag)).isInstanceOf(JspException.class)
                .hasMessage("The lang attribute must be one of it, en, de");
    }

    @Test
    void extraClassesAreEscaped() throws Exception {
        ButtonTag tag = button();
        tag.setCssClass("mt-3 x\"><script>alert(1)</script>");

        assertThat(link(new FakePage().render(tag)))
                .startsWith("<a class=\"cie-button cie-button-size-m mt-3 x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\" ");
    }

    @Test
    void logoUrlReplacesTheBuiltInMarkAndIsEscaped() throws Exception {
        ButtonTag tag = button();
        tag.setSize("l");
        tag.setLogoUrl("/app/img/cie.svg?a=1&b=\"2\"");

        String link = link(new FakePage().render(tag));

        assertThat(link).contains("<span class=\"cie-button-mark\" aria-hidden=\"true\">"
                + "<img src=\"/app/img/cie.svg?a=1&amp;b=&quot;2&quot;\" alt=\"\" height=\"38\"></span>")
                .doesNotContain("<svg");
    }

    @Test
    void styleBlockIsWrittenOnceForTwoButtons() throws Exception {
        FakePage page = new FakePage();
        page.render(button());
        ButtonTag second = button();
        second.setSize("s");

        String html = page.render(second);

        assertThat(html.split("<style>", -1)).hasSize(2);
        assertThat(html).startsWith("<style>.cie-button{").containsOnlyOnce("</style>");
        assertThat(html.split("<a ", -1)).hasSize(3);
        assertThat(html.indexOf("</style>")).isLessThan(html.indexOf("<a "));
        assertThat(page.requestAttribute(ButtonMarkup.STYLE_WRITTEN)).isEqualTo(Boolean.TRUE);
    }

    @Test
    void styleHasTheCieColoursHoverAndAVisibleFocusRing() throws Exception {
        String html = new FakePage().render(button());
        String style = html.substring(html.indexOf("<style>"), html.indexOf("</style>"));

        assertThat(style).contains(".cie-button{").contains("background-color:#0053a2;color:#fff")
                .contains(".cie-button:hover{background-color:#003d78;color:#fff}")
                .contains(".cie-button:focus{outline:2px solid transparent;box-shadow:0 0 0 2px #fff,0 0 0 5px #1a1a1a}")
                .contains("border-right:1px solid #fff");
    }

    @Test
    void styleBlockCarriesTheNonce() throws Exception {
        ButtonTag tag = button();
        tag.setNonce("r4nd\"0m");

        assertThat(new FakePage().render(tag)).startsWith("<style nonce=\"r4nd&quot;0m\">.cie-button{");
    }

    @Test
    void loadsNothingFromElsewhere() throws Exception {
        String html = new FakePage().render(button());

        assertThat(html).doesNotContain("http:").doesNotContain("https:").doesNotContain("url(")
                .doesNotContain("@import").doesNotContain("@font-face").doesNotContain("<script")
                .doesNotContain("<link").doesNotContain("<img");
    }

    @Test
    void onlyAnHtmlCommentWhenCieIsNotEnabled() throws Exception {
        FakePage spidOnly = new FakePage().withUrls(new io.github.cieservlet.CieUrls("/cie",
                java.util.EnumSet.of(io.github.cieservlet.LoginScheme.SPID), java.util.List.of()));

        assertThat(spidOnly.render(button())).isEqualTo("<!-- cie:button: CIE is not enabled in cie.schemes -->");
    }

    @Test
    void needsCieServletInTheApplication() {
        FakePage page = new FakePage().withoutCieServlet();

        assertThatThrownBy(() -> page.render(button())).isInstanceOf(JspException.class)
                .hasMessageContaining("cie-servlet is not initialised");
    }
}
