package io.github.cieservlet.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.eclipse.jetty.server.Server;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same WAR switched to the HTTP-Redirect binding without rebuilding it (a system property, as an operator
 * would do): the AuthnRequest travels in a signed query string, and the login completes.
 */
class RedirectBindingIT {

    private static Server server;

    @BeforeAll
    static void startWithRedirectBinding() throws Exception {
        server = PortalServer.startAnother(Map.of("cie.binding", "REDIRECT"));
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    @Test
    void loginWorksWithTheRedirectBinding() throws Exception {
        String base = PortalServer.baseUrlOf(server);
        try (CieBrowser browser = new CieBrowser(false, "it", base)) {
            browser.client().getOptions().setRedirectEnabled(false);
            Page toLogin = browser.get("/area-riservata/");
            assertThat(toLogin.getWebResponse().getStatusCode()).isEqualTo(302);
            Page toIdp = browser.client().getPage(toLogin.getWebResponse().getResponseHeaderValue("Location"));
            assertThat(toIdp.getWebResponse().getStatusCode()).isEqualTo(302);
            String location = toIdp.getWebResponse().getResponseHeaderValue("Location");
            assertThat(location).startsWith(base + "/cie-test-idp/profile/SAML2/Redirect/SSO?SAMLRequest=")
                    .contains("&RelayState=", "&SigAlg=http%3A%2F%2Fwww.w3.org%2F2001%2F04%2Fxmldsig-more%23rsa-sha256",
                            "&Signature=");
            browser.client().getOptions().setRedirectEnabled(true);
            HtmlPage chooser = browser.client().getPage(location);
            assertThat(chooser.getUrl().getPath()).isEqualTo("/cie-test-idp/profile/SAML2/Redirect/SSO");
            HtmlPage area = (HtmlPage) browser.postToAcs(browser.choose(chooser, "MARIO_ROSSI", "SUCCESS", "L3"));
            assertThat(area.getUrl().toString()).isEqualTo(base + "/area-riservata/");
            assertThat(area.getElementById("fiscalCode").asNormalizedText()).isEqualTo("RSSMRA80A01H501U");
        }
    }
}
