package io.github.cieservlet.taglib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.jsp.JspException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlTagsTest {

    @Test
    void logoutUrlOfTheContext() throws Exception {
        assertThat(new FakePage().render(new LogoutUrlTag())).isEqualTo("/app/cie/logout");
        assertThat(new FakePage().at("", "/", null).render(new LogoutUrlTag())).isEqualTo("/cie/logout");
    }

    @Test
    void logoutUrlIsEscaped() throws Exception {
        FakePage page = new FakePage().at("/a\"b<c>", "/a\"b<c>/x", null);

        assertThat(page.render(new LogoutUrlTag())).isEqualTo("/a&quot;b&lt;c&gt;/cie/logout");
    }

    @Test
    void loginUrlDefaultsToTheCurrentPageWithQuery() throws Exception {
        assertThat(new FakePage().render(new LoginUrlTag()))
                .isEqualTo("/app/cie/login?target=%2Fpratiche%2Felenco.jsp%3Fanno%3D2024%26stato%3Daperte");
    }

    @Test
    void loginUrlWithATarget() throws Exception {
        LoginUrlTag tag = new LoginUrlTag();
        tag.setTarget("/area riservata/");

        assertThat(new FakePage().render(tag)).isEqualTo("/app/cie/login?target=%2Farea+riservata%2F");
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "https://evil.example", "javascript:alert(1)", ""})
    void loginUrlRefusesATargetOutsideTheApplication(String target) {
        LoginUrlTag tag = new LoginUrlTag();
        tag.setTarget(target);
        FakePage page = new FakePage();

        assertThatThrownBy(() -> page.render(tag)).isInstanceOf(JspException.class)
                .hasMessageContaining("application-relative path");
    }

    @Test
    void needCieServletInTheApplication() {
        FakePage page = new FakePage().withoutCieServlet();

        assertThatThrownBy(() -> page.render(new LogoutUrlTag())).isInstanceOf(JspException.class)
                .hasMessageContaining("cie-servlet is not initialised");
        assertThatThrownBy(() -> page.render(new LoginUrlTag())).isInstanceOf(JspException.class)
                .hasMessageContaining("cie-servlet is not initialised");
    }

    @Test
    void logoutFormPostsTheSessionsTokenToTheLogoutEndpoint() throws Exception {
        FakePage page = new FakePage().loggedInSession(FakePage.citizen("MARIO"));
        LogoutFormTag tag = new LogoutFormTag();
        tag.setId("logout");

        String html = page.render(tag);

        assertThat(html).matches("<form method=\"post\" action=\"/app/cie/logout\"><input type=\"hidden\""
                + " name=\"cieLogoutToken\" value=\"[A-Za-z0-9_-]{43}\"><button type=\"submit\" id=\"logout\">Esci</button></form>");
        String token = html.replaceAll(".*value=\"([^\"]+)\".*", "$1");
        assertThat(new FakePage().loggedInSession(FakePage.citizen("MARIO")).render(new LogoutFormTag()))
                .as("another session has another token").doesNotContain(token);
        assertThat(page.render(new LogoutFormTag())).as("the same session keeps its token").contains(token);
    }

    @Test
    void logoutFormEscapesItsAttributes() throws Exception {
        LogoutFormTag tag = new LogoutFormTag();
        tag.setLabel("Esci <subito>");
        tag.setId("a\"b");
        tag.setCssClass("x\" onclick=\"y");

        assertThat(new FakePage().loggedInSession(FakePage.citizen("MARIO")).render(tag))
                .contains("class=\"x&quot; onclick=&quot;y\"", "id=\"a&quot;b\"", ">Esci &lt;subito&gt;</button>");
    }

    @Test
    void logoutFormWritesNothingWhenNobodyIsLoggedIn() throws Exception {
        assertThat(new FakePage().render(new LogoutFormTag())).isEmpty();
    }
}
