package io.github.cieservlet.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.htmlunit.Page;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sample portal's home page renders {@code <cie:button/>} in a real JSP engine (Jetty 12 with Apache
 * Jasper), and a citizen follows that button through the whole CIE login, without JavaScript.
 */
@ExtendWith(PortalServer.class)
class ButtonIT {

    private static HtmlAnchor cieButton(HtmlPage home) {
        java.util.List<DomNode> buttons = home.querySelectorAll("a.cie-button");
        assertThat(buttons).as("CIE buttons on %s", home.asXml()).hasSize(1);
        return (HtmlAnchor) buttons.get(0);
    }

    @Test
    void homePageShowsTheButtonAsALinkToTheLoginWithTheReservedAreaAsTarget() throws Exception {
        try (CieBrowser browser = new CieBrowser()) {
            HtmlPage home = (HtmlPage) browser.get("/");
            assertThat(home.getWebResponse().getStatusCode()).isEqualTo(200);

            HtmlAnchor button = cieButton(home);
            assertThat(button.getAttribute("class")).isEqualTo("cie-button cie-button-size-l");
            assertThat(button.getHrefAttribute()).isEqualTo("/cie/login?target=%2Farea-riservata%2F");
            // The accessible name is the link's text: the mark is aria-hidden and has no text of its own.
            DomNode mark = button.querySelector(".cie-button-mark");
            assertThat(mark.getAttributes().getNamedItem("aria-hidden").getNodeValue()).isEqualTo("true");
            assertThat(mark.getTextContent()).isBlank();
            assertThat(button.getTextContent().strip()).isEqualTo("Entra con CIE");
            assertThat(button.querySelector(".cie-button-text").getAttributes().getNamedItem("lang").getNodeValue())
                    .isEqualTo("it");
            assertThat(button.hasAttribute("aria-label")).isFalse();
            // One style block for the page, before the button; nothing loaded from elsewhere.
            String html = home.getWebResponse().getContentAsString();
            assertThat(html.split("<style>", -1)).hasSize(2);
            assertThat(html.indexOf("<style>.cie-button{")).isBetween(0, html.indexOf("<a class=\"cie-button"));
            assertThat(home.getElementById("logged-in")).isNull();
        }
    }

    @Test
    void citizenFollowsTheButtonThroughTheLoginToTheReservedAreaAndHomeThenShowsWhoIsIn() throws Exception {
        try (CieBrowser browser = new CieBrowser()) {
            HtmlPage home = (HtmlPage) browser.get("/");

            HtmlPage toIdp = cieButton(home).click();
            HtmlForm form = toIdp.getForms().get(0);
            assertThat(form.getInputsByName("SAMLRequest")).as("the auto-submitting AuthnRequest form").hasSize(1);
            HtmlPage chooser = form.getOneHtmlElementByAttribute("button", "type", "submit").click();
            assertThat(chooser.getUrl().getPath()).isEqualTo("/cie-test-idp/profile/SAML2/POST/SSO");

            Page landed = browser.postToAcs(browser.choose(chooser, "MARIO_ROSSI", "SUCCESS", "L3"));
            assertThat(landed.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(landed.getUrl().toString()).isEqualTo(PortalServer.baseUrl() + "/area-riservata/");
            HtmlPage area = (HtmlPage) landed;
            assertThat(area.getElementById("greeting").asNormalizedText()).isEqualTo("Benvenuto/a, MARIO ROSSI!");
            assertThat(area.getElementById("level").asNormalizedText()).isEqualTo("L3");

            HtmlPage homeAfterLogin = (HtmlPage) browser.get("/");
            assertThat(homeAfterLogin.getElementById("logged-in").asNormalizedText())
                    .isEqualTo("Hai effettuato l'accesso come MARIO ROSSI.");
            assertThat(homeAfterLogin.querySelectorAll("a.cie-button")).isEmpty();
            assertThat(homeAfterLogin.getElementById("login")).isNull();
            assertThat(homeAfterLogin.getWebResponse().getContentAsString()).doesNotContain("cie-button");
            HtmlButton logout = (HtmlButton) homeAfterLogin.getElementById("logout");
            assertThat(logout.getEnclosingForm().getActionAttribute()).isEqualTo("/cie/logout");
            assertThat(logout.getEnclosingForm().getMethodAttribute()).isEqualTo("post");
        }
    }

    /**
     * A bare {@code <cie:button/>} on the portal's public login page does not bring the citizen back to the login
     * page (as if nothing happened): the login ends at cie.defaultTarget, the reserved area in the sample's web.xml.
     */
    @Test
    void bareButtonOnTheLoginPageEndsAtTheDefaultTarget() throws Exception {
        try (CieBrowser browser = new CieBrowser()) {
            HtmlPage login = (HtmlPage) browser.get("/accedi.jsp");
            HtmlAnchor button = login.querySelector("#cie a.cie-button");
            assertThat(button.getHrefAttribute()).isEqualTo("/cie/login?target=%2Farea-riservata%2F");

            HtmlPage toIdp = button.click();
            HtmlPage chooser = toIdp.getForms().get(0).getOneHtmlElementByAttribute("button", "type", "submit").click();
            Page landed = browser.postToAcs(browser.choose(chooser, "MARIO_ROSSI", "SUCCESS", "L3"));

            browser.assertOnMarioRossisArea(landed);
        }
    }

    /** The login endpoint without a target (a hand-written link) also ends at cie.defaultTarget. */
    @Test
    void aLoginWithoutTargetEndsAtTheDefaultTarget() throws Exception {
        try (CieBrowser browser = new CieBrowser()) {
            HtmlPage toIdp = (HtmlPage) browser.get("/cie/login");
            HtmlPage chooser = toIdp.getForms().get(0).getOneHtmlElementByAttribute("button", "type", "submit").click();
            Page landed = browser.postToAcs(browser.choose(chooser, "MARIO_ROSSI", "SUCCESS", "L3"));

            browser.assertOnMarioRossisArea(landed);
        }
    }
}
