package io.github.cieservlet.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * The unchanged sample WAR (Jakarta EE 10, Servlet 6.0) on Apache Tomcat 10.1; the same server also runs the WAR a
 * second time at {@code /oidc} with {@code cie.protocol=oidc}, for one CIE OpenID Connect login and logout on a real
 * container.
 */
class Tomcat10IT extends ContainerLoginFlow {

    @Override
    ServerProcess startServer() throws Exception {
        return ServerProcess.tomcatWithOidcContext(ServerProcess.version("tomcat10.version"),
                ServerProcess.warsDir().resolve("sample-war.war"));
    }

    @Test
    void anOidcLoginThroughTheLocalOpAndItsLogoutRevokingTheTokenWorkOnTomcat() throws Exception {
        String base = server().baseUrl() + "/" + ServerProcess.OIDC_CONTEXT;
        try (CieBrowser browser = new CieBrowser(false, "it-IT,it;q=0.9,en;q=0.5", base)) {
            HtmlPage chooser = (HtmlPage) browser.get("/area-riservata/");
            assertThat(chooser.getUrl().getPath()).as(server().consoleTail())
                    .isEqualTo("/oidc/cie-test-idp/oidc/op/authorization");

            Page area = browser.choose(chooser, "MARIO_ROSSI", "SUCCESS", "L3");

            assertThat(area.getWebResponse().getStatusCode()).as(server().consoleTail()).isEqualTo(200);
            assertThat(area.getUrl().toString()).isIn(base + "/area-riservata/", base + "/area-riservata/index.jsp");
            HtmlPage page = (HtmlPage) area;
            assertThat(page.getElementById("fiscalCode").asNormalizedText()).isEqualTo("RSSMRA80A01H501U");
            assertThat(page.getElementById("level").asNormalizedText()).isEqualTo("L3");
            assertThat(browser.get("/area-riservata/whoami").getWebResponse().getContentAsString())
                    .contains("remoteUser=RSSMRA80A01H501U", "authType=CIE");

            Page home = page.getElementById("logout").click();

            assertThat(home.getUrl().toString()).isEqualTo(base + "/");
            assertThat(browser.get("/cie-test-idp/oidc/op/revocations").getWebResponse().getContentAsString()
                    .replace("\\/", "/")).contains(base + "/cie/oidc pairwise-");
            assertThat(browser.get("/area-riservata/").getUrl().getPath())
                    .isEqualTo("/oidc/cie-test-idp/oidc/op/authorization");
        }
    }
}
