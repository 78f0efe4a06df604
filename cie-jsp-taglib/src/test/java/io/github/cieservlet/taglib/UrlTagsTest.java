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
}
