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
 * The sample portal switched to CIE OpenID Connect with one param ({@code cie.protocol=oidc}): whole logins through
 * the test IdP's local OP and trust anchor (the OP reads the portal's entity configuration), the same protected
 * page and identity as with SAML, and an OP error on the same error page.
 */
class OidcLoginIT {

    private static Server portal;
    private static String baseUrl;

    @BeforeAll
    static void startOidcPortal() throws Exception {
        portal = PortalServer.startAnother(Map.of("cie.protocol", "oidc"));
        baseUrl = PortalServer.baseUrlOf(portal);
    }

    @AfterAll
    static void stopOidcPortal() throws Exception {
        portal.stop();
    }

    @Test
    void protectedPageLeadsThroughTheOpAndBackWithTheSameIdentityAsSaml() throws Exception {
        try (CieBrowser browser = new CieBrowser(false, "it-IT,it;q=0.9,en;q=0.5", baseUrl)) {
            HtmlPage chooser = (HtmlPage) browser.get("/area-riservata/");
            assertThat(chooser.getUrl().getPath()).isEqualTo("/cie-test-idp/oidc/op/authorization");
            assertThat(chooser.getUrl().getQuery()).contains("client_id=" + java.net.URLEncoder.encode(
                    baseUrl + "/cie/oidc", java.nio.charset.StandardCharsets.UTF_8), "code_challenge_method=S256");

            Page area = browser.choose(chooser, "MARIO_ROSSI", "SUCCESS", "L3");

            browser.assertOnMarioRossisArea(area);
            assertThat(browser.client().getCookieManager().getCookies()).noneMatch(c -> c.getName().startsWith("cie_pending_"));
        }
    }

    @Test
    void anOpErrorEndsOnTheBilingualErrorPageWith401AndNoSession() throws Exception {
        try (CieBrowser browser = new CieBrowser(false, "it-IT,it;q=0.9,en;q=0.5", baseUrl)) {
            HtmlPage page = browser.choose((HtmlPage) browser.get("/area-riservata/"), "MARIO_ROSSI", "CONSENT_REQUIRED", "L3");
            assertThat(page.getUrl().getPath()).isEqualTo("/cie/oidc/callback");
            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(401);
            assertThat(page.getTitleText()).isEqualTo("Consenso negato");
            assertThat(page.asNormalizedText()).contains("CIE-IDP_CONSENT_DENIED").doesNotContain("Exception", "at io.github");
            assertThat(browser.get("/area-riservata/").getUrl().getPath()).isNotEqualTo("/area-riservata/");
        }
        try (CieBrowser browser = new CieBrowser(false, "en-GB,en;q=0.8", baseUrl)) {
            HtmlPage page = browser.choose((HtmlPage) browser.get("/area-riservata/"), "MARIO_ROSSI", "CONSENT_REQUIRED", "L3");
            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(401);
            assertThat(page.getTitleText()).isEqualTo("Consent denied");
        }
    }

    @Test
    void aCallbackWithoutThisBrowsersLoginIsRefused() throws Exception {
        try (CieBrowser browser = new CieBrowser(false, "it-IT,it;q=0.9,en;q=0.5", baseUrl)) {
            HtmlPage page = (HtmlPage) browser.get("/cie/oidc/callback?code=x&state=" + "A".repeat(43) + "&iss=x");
            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(403);
            assertThat(page.asNormalizedText()).contains("CIE-UNKNOWN_REQUEST");
        }
    }

    @Test
    void theEntityConfigurationIsServedUnderThePathPrefix() throws Exception {
        try (CieBrowser browser = new CieBrowser(false, "it", baseUrl)) {
            Page statement = browser.get("/cie/oidc/.well-known/openid-federation");
            assertThat(statement.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(statement.getWebResponse().getContentType()).isEqualTo("application/entity-statement+jwt");
            assertThat(statement.getWebResponse().getContentAsString()).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        }
    }
}
