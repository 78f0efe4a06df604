package io.github.cieservlet.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.util.NameValuePair;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whole CIE logins through the sample portal and the bundled test IdP, in a real servlet container. */
@ExtendWith(PortalServer.class)
class LoginFlowIT {

    @Test
    void protectedPageLeadsThroughTheIdpAndBackWithTheCitizensData() throws Exception {
        try (CieBrowser browser = new CieBrowser()) {
            Page area = browser.login("/area-riservata/", "MARIO_ROSSI", "SUCCESS", "L3");
            browser.assertOnMarioRossisArea(area);
        }
    }

    @Test
    void targetWithQueryStringIsRestoredAfterLogin() throws Exception {
        try (CieBrowser browser = new CieBrowser()) {
            Page page = browser.login("/area-riservata/whoami?x=1&y=%2Fz", "BIANCA_VERDI", "SUCCESS", "L3");
            assertThat(page.getUrl().toString()).isEqualTo(PortalServer.baseUrl() + "/area-riservata/whoami?x=1&y=%2Fz");
            assertThat(page.getWebResponse().getContentAsString()).contains("remoteUser=VRDBNC92E57F205E");
        }
    }

    @Test
    void autoSubmittingFormsWorkWithJavaScript() throws Exception {
        try (CieBrowser browser = new CieBrowser(true, "it")) {
            HtmlPage chooser = (HtmlPage) browser.get("/area-riservata/");
            browser.client().waitForBackgroundJavaScript(2000);
            chooser = (HtmlPage) browser.client().getCurrentWindow().getEnclosedPage();
            assertThat(chooser.getUrl().getPath()).isEqualTo("/cie-test-idp/profile/SAML2/POST/SSO");
            HtmlPage autoPost = browser.choose(chooser, "GIUSEPPE_ESPOSITO", "SUCCESS", "L3");
            browser.client().waitForBackgroundJavaScript(2000);
            HtmlPage area = (HtmlPage) browser.client().getCurrentWindow().getEnclosedPage();
            assertThat(autoPost).isNotNull();
            assertThat(area.getElementById("fiscalCode").asNormalizedText()).isEqualTo("SPSGPP55T31F839Q");
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "TIMEOUT, Tempo scaduto, tempo massimo consentito, CIE-IDP_TIMEOUT",
        "CONSENT_DENIED, Consenso negato, non inviare i tuoi dati, CIE-IDP_CONSENT_DENIED",
        "CARD_EXPIRED_OR_REVOKED, Carta scaduta o revocata, cie.cittadini@interno.it, CIE-IDP_CARD_EXPIRED_OR_REVOKED",
        "CANCELLED, Accesso annullato, Hai annullato l'autenticazione, CIE-IDP_CANCELLED"})
    void eachCieErrorCodeHasItsOwnPageWith401(String outcome, String title, String text, String code) throws Exception {
        try (CieBrowser browser = new CieBrowser()) {
            HtmlPage page = (HtmlPage) browser.login("/area-riservata/", "MARIO_ROSSI", outcome, "L3");
            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(401);
            assertThat(page.getTitleText()).isEqualTo(title);
            assertThat(page.asNormalizedText()).contains(text, code).doesNotContain("Exception", "at io.github");
            assertThat(page.getAnchorByText("Riprova").getHrefAttribute()).as("the failed login's own target")
                    .isEqualTo("/cie/login?target=%2Farea-riservata%2F");
            assertThat(browser.get("/area-riservata/").getUrl().getPath()).isNotEqualTo("/area-riservata/");
        }
    }

    /** "Riprova" after a cancelled login starts it again for the same page, query included, and gets there. */
    @Test
    void retryAfterAFailedLoginReachesTheOriginalTarget() throws Exception {
        try (CieBrowser browser = new CieBrowser()) {
            HtmlPage failed = (HtmlPage) browser.login("/area-riservata/whoami?pratica=7&x=%2F", "MARIO_ROSSI", "CANCELLED",
                    "L3");
            assertThat(failed.getWebResponse().getStatusCode()).isEqualTo(401);

            HtmlPage toIdp = failed.getAnchorByText("Riprova").click();
            HtmlPage chooser = toIdp.getForms().get(0).getOneHtmlElementByAttribute("button", "type", "submit").click();
            Page page = browser.postToAcs(browser.choose(chooser, "MARIO_ROSSI", "SUCCESS", "L3"));

            assertThat(page.getUrl().toString()).isEqualTo(PortalServer.baseUrl() + "/area-riservata/whoami?pratica=7&x=%2F");
            assertThat(page.getWebResponse().getContentAsString()).contains("remoteUser=RSSMRA80A01H501U");
        }
    }

    @Test
    void errorPageSpeaksEnglishToAnEnglishBrowser() throws Exception {
        try (CieBrowser browser = new CieBrowser(false, "en-GB,en;q=0.8")) {
            HtmlPage page = (HtmlPage) browser.login("/area-riservata/", "MARIO_ROSSI", "CANCELLED", "L3");
            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(401);
            assertThat(page.getTitleText()).isEqualTo("Login cancelled");
            assertThat(page.getHtmlElementDescendants().iterator().next().getAttribute("lang")).isEqualTo("en");
        }
    }

    @Test
    void lowerLevelThanRequestedIsRefused() throws Exception {
        try (CieBrowser browser = new CieBrowser()) {
            HtmlPage page = (HtmlPage) browser.login("/area-riservata/", "MARIO_ROSSI", "SUCCESS", "L2");
            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(403);
            assertThat(page.asNormalizedText()).contains("CIE-INSUFFICIENT_LEVEL");
        }
    }

    @Test
    void logoutEndsTheSession() throws Exception {
        try (CieBrowser browser = new CieBrowser()) {
            HtmlPage area = (HtmlPage) browser.login("/area-riservata/", "MARIO_ROSSI", "SUCCESS", "L3");
            Page home = area.getElementById("logout").click();
            assertThat(home.getUrl().toString()).isEqualTo(PortalServer.baseUrl() + "/");
            assertThat(((HtmlPage) home).getElementById("logged-in")).isNull();
            HtmlPage again = (HtmlPage) browser.get("/area-riservata/");
            assertThat(again.getUrl().getPath()).isEqualTo("/cie/login");
            assertThat(again.getForms().get(0).getInputsByName("SAMLRequest")).isNotEmpty();
        }
    }

    @Test
    void logoutLinkOnlyShowsAConfirmationWhoseFormLogsOut() throws Exception {
        try (CieBrowser browser = new CieBrowser(false, "en")) {
            browser.login("/area-riservata/", "MARIO_ROSSI", "SUCCESS", "L3");
            HtmlPage confirmation = (HtmlPage) browser.get("/cie/logout");
            assertThat(confirmation.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(confirmation.asNormalizedText()).contains("Do you want to log out?");
            assertThat(isLoggedIn(browser)).as("a GET (a cross-site link or image) logs nobody out").isTrue();

            Page home = confirmation.getElementById("cie-logout-confirm").click();
            assertThat(home.getUrl().toString()).isEqualTo(PortalServer.baseUrl() + "/");
            assertThat(isLoggedIn(browser)).isFalse();
        }
    }

    @Test
    void logoutPostWithoutTheSessionsTokenIsRefusedAndTheSessionLives() throws Exception {
        try (CieBrowser browser = new CieBrowser()) {
            HtmlPage area = (HtmlPage) browser.login("/area-riservata/", "MARIO_ROSSI", "SUCCESS", "L3");
            String token = area.getForms().stream().filter(f -> !f.getInputsByName("cieLogoutToken").isEmpty())
                    .findFirst().orElseThrow().getInputByName("cieLogoutToken").getValue();
            for (List<NameValuePair> form : List.of(List.<NameValuePair>of(),
                    List.of(new NameValuePair("cieLogoutToken", token + "x")))) {
                WebRequest crossSite = new WebRequest(new URL(PortalServer.baseUrl() + "/cie/logout"), HttpMethod.POST);
                crossSite.setRequestParameters(form);
                Page refused = browser.client().getPage(crossSite);
                assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(403);
                assertThat(refused.getWebResponse().getContentAsString()).contains("Vuoi uscire?");
                assertThat(isLoggedIn(browser)).isTrue();
            }
        }
    }

    private static boolean isLoggedIn(CieBrowser browser) throws Exception {
        return browser.get("/area-riservata/whoami").getWebResponse().getContentAsString().contains("authType=CIE");
    }

    @Test
    void homePageShowsTheLoggedInCitizen() throws Exception {
        try (CieBrowser browser = new CieBrowser()) {
            browser.login("/area-riservata/", "ANNA_MARIA_D_ANGELO", "SUCCESS", "L3");
            HtmlPage home = (HtmlPage) browser.get("/");
            assertThat(home.getElementById("logged-in").asNormalizedText()).contains("ANNA MARIA D'ANGELO");
        }
    }
}
