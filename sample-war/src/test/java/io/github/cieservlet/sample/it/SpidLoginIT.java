package io.github.cieservlet.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.server.Server;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whole SPID and eIDAS logins through the sample portal ({@code cie.schemes=cie spid eidas}), the same
 * LoginServlet and ACS as CIE, and the local SPID and FICEP test IdPs of cie-test-idp, in a real servlet container.
 */
@ExtendWith(PortalServer.class)
class SpidLoginIT {

    /** A second portal asking SPID L1 and the eIDAS full set (index 100); the shared one asks L2 and index 99. */
    private static Server levelOneFullSet;
    /** A third portal asking SPID L3. */
    private static Server levelThree;

    @BeforeAll
    static void startPortalsWithOtherLevels() throws Exception {
        levelOneFullSet = PortalServer.startAnother(Map.of("cie.spid.level", "L1", "cie.eidas.attributeSet", "full"));
        levelThree = PortalServer.startAnother(Map.of("cie.spid.level", "L3"));
    }

    @AfterAll
    static void stopPortals() throws Exception {
        levelOneFullSet.stop();
        levelThree.stop();
    }

    private static String spidLogin(String baseUrl, String target) {
        return "/cie/login?target=" + URLEncoder.encode(target, StandardCharsets.UTF_8) + "&scheme=spid&idp="
                + URLEncoder.encode(baseUrl + "/cie-test-idp/spid", StandardCharsets.UTF_8);
    }

    private static String spidLogin(String target) {
        return spidLogin(PortalServer.baseUrl(), target);
    }

    /** Follows the portal's auto-submitting AuthnRequest form; returns the IdP's chooser page. */
    private static HtmlPage toIdp(CieBrowser browser, String loginPath, String expectedSsoPath) throws IOException {
        HtmlPage toIdp = (HtmlPage) browser.get(loginPath);
        HtmlForm form = toIdp.getForms().get(0);
        assertThat(form.getInputsByName("SAMLRequest")).as(toIdp.asNormalizedText()).isNotEmpty();
        assertThat(form.getActionAttribute()).endsWith(expectedSsoPath);
        HtmlPage chooser = form.getOneHtmlElementByAttribute("button", "type", "submit").click();
        assertThat(chooser.getWebResponse().getStatusCode()).as(chooser.asNormalizedText()).isEqualTo(200);
        return chooser;
    }

    @ParameterizedTest(name = "SPID {0} requested, {1} asserted")
    @CsvSource({"L1, L1", "L1, L2", "L2, L2", "L2, L3", "L3, L3"})
    void spidLoginAtEachLevelEndsInTheSameIdentityApi(String requested, String asserted) throws Exception {
        String baseUrl = requested.equals("L1") ? PortalServer.baseUrlOf(levelOneFullSet)
                : requested.equals("L3") ? PortalServer.baseUrlOf(levelThree) : PortalServer.baseUrl();
        try (CieBrowser browser = new CieBrowser(false, "it", baseUrl)) {
            HtmlPage chooser = toIdp(browser, spidLogin(baseUrl, "/area-riservata/"), "/cie-test-idp/spid/sso");
            Page area = browser.postToAcs(browser.choose(chooser, "MARIO_ROSSI", "SUCCESS", asserted));
            assertThat(area.getWebResponse().getStatusCode()).as(area.getWebResponse().getContentAsString()).isEqualTo(200);
            assertThat(area.getUrl().toString()).isEqualTo(baseUrl + "/area-riservata/");
            HtmlPage page = (HtmlPage) area;
            assertThat(page.getElementById("fiscalCode").asNormalizedText()).isEqualTo("RSSMRA80A01H501U");
            assertThat(page.getElementById("level").asNormalizedText()).isEqualTo(asserted);
            String whoami = browser.get("/area-riservata/whoami").getWebResponse().getContentAsString();
            assertThat(whoami).contains("remoteUser=RSSMRA80A01H501U", "principal=RSSMRA80A01H501U");
        }
    }

    @Test
    void aLowerSpidLevelThanRequestedIsRefused() throws Exception {
        try (CieBrowser browser = new CieBrowser()) {
            HtmlPage chooser = toIdp(browser, spidLogin("/area-riservata/"), "/cie-test-idp/spid/sso");
            Page page = browser.postToAcs(browser.choose(chooser, "MARIO_ROSSI", "SUCCESS", "L1"));
            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(403);
            assertThat(page.getWebResponse().getContentAsString()).contains("CIE-INSUFFICIENT_LEVEL");
        }
    }

    @ParameterizedTest(name = "SPID {0} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            WRONG_CREDENTIALS             | Troppi tentativi              | CIE-IDP_TOO_MANY_ATTEMPTS
            NO_CREDENTIALS_FOR_LEVEL      | Credenziali non sufficienti   | CIE-IDP_LEVEL_NOT_AVAILABLE
            TIMEOUT                       | Tempo scaduto                 | CIE-IDP_TIMEOUT
            CONSENT_DENIED                | Consenso negato               | CIE-IDP_CONSENT_DENIED
            IDENTITY_SUSPENDED_OR_REVOKED | Identità sospesa o revocata   | CIE-IDP_IDENTITY_SUSPENDED
            CANCELLED                     | Accesso annullato             | CIE-IDP_CANCELLED
            WRONG_IDENTITY_TYPE           | Tipo di identità non corretto | CIE-IDP_WRONG_IDENTITY_TYPE
            """)
    void eachSpidErrorCodeHasItsOwnPageWith401(String outcome, String title, String code) throws Exception {
        try (CieBrowser browser = new CieBrowser()) {
            HtmlPage chooser = toIdp(browser, spidLogin("/area-riservata/"), "/cie-test-idp/spid/sso");
            HtmlPage page = (HtmlPage) browser.postToAcs(browser.choose(chooser, "MARIO_ROSSI", outcome, "L2"));
            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(401);
            assertThat(page.getTitleText()).isEqualTo(title);
            assertThat(page.asNormalizedText()).contains(code).doesNotContain("Exception", "at io.github");
            assertThat(browser.get("/area-riservata/").getUrl().getPath()).isNotEqualTo("/area-riservata/");
        }
    }

    @Test
    void spidErrorPageSpeaksEnglishToAnEnglishBrowser() throws Exception {
        try (CieBrowser browser = new CieBrowser(false, "en-GB,en;q=0.8")) {
            HtmlPage chooser = toIdp(browser, spidLogin("/area-riservata/"), "/cie-test-idp/spid/sso");
            HtmlPage page = (HtmlPage) browser.postToAcs(browser.choose(chooser, "MARIO_ROSSI", "WRONG_IDENTITY_TYPE", "L2"));
            assertThat(page.getTitleText()).isEqualTo("Wrong type of identity");
        }
    }

    @ParameterizedTest(name = "eIDAS minimum set (99): {0}")
    @CsvSource({"LUCIA_ESPOSITO, remoteUser=", "HANS_MUELLER, remoteUser="})
    void eidasLoginWithTheMinimumSet(String citizen, String expected) throws Exception {
        eidasLogin(PortalServer.baseUrl(), citizen, expected);
    }

    @ParameterizedTest(name = "eIDAS full set (100): {0}")
    @CsvSource({"LUCIA_ESPOSITO, remoteUser=", "HANS_MUELLER, remoteUser="})
    void eidasLoginWithTheFullSet(String citizen, String expected) throws Exception {
        eidasLogin(PortalServer.baseUrlOf(levelOneFullSet), citizen, expected);
    }

    private static void eidasLogin(String baseUrl, String citizen, String expected) throws IOException {
        try (CieBrowser browser = new CieBrowser(false, "it", baseUrl)) {
            HtmlPage chooser = toIdp(browser, "/cie/login?target=%2Farea-riservata%2Fwhoami&scheme=eidas",
                    "/cie-test-idp/ficep/sso");
            Page whoami = browser.postToAcs(browser.choose(chooser, citizen, "SUCCESS", "L2"));
            String text = whoami.getWebResponse().getContentAsString();
            assertThat(whoami.getWebResponse().getStatusCode()).as(text).isEqualTo(200);
            assertThat(text).contains(expected).doesNotContain("remoteUser=null");
            HtmlPage area = (HtmlPage) browser.get("/area-riservata/");
            assertThat(area.getElementById("familyName").asNormalizedText()).isNotBlank();
        }
    }

    @Test
    void unknownSchemeOrIdentityProviderIsA400PageWithAStableCode() throws Exception {
        try (CieBrowser browser = new CieBrowser()) {
            HtmlPage unknownScheme = (HtmlPage) browser.get("/cie/login?target=%2F&scheme=spidd");
            assertThat(unknownScheme.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(unknownScheme.asNormalizedText()).contains("CIE-UNKNOWN_SCHEME");
            HtmlPage unknownIdp = (HtmlPage) browser.get("/cie/login?target=%2F&scheme=spid&idp="
                    + URLEncoder.encode("https://evil.example/idp", StandardCharsets.UTF_8));
            assertThat(unknownIdp.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(unknownIdp.asNormalizedText()).contains("CIE-UNKNOWN_IDENTITY_PROVIDER");
        }
    }
}
