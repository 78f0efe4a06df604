// SPDX-License-Identifier: Apache-2.0
package io.github.cieservlet.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sample portal's {@code accedi.jsp} renders the SPID, CIE and eIDAS buttons in a real JSP engine (Jetty 12
 * with Apache Jasper) under the page's nonce Content-Security-Policy, and each button leads to its login.
 */
@ExtendWith(PortalServer.class)
class SchemeButtonsIT {

    private static final Pattern NONCE = Pattern.compile("script-src 'nonce-([A-Za-z0-9+/=]+)'");

    private static HtmlPage accessPage(CieBrowser browser) throws Exception {
        HtmlPage page = (HtmlPage) browser.get("/accedi.jsp");
        assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
        return page;
    }

    @Test
    void theHomePageLinksToTheAccessPage() throws Exception {
        try (CieBrowser browser = new CieBrowser()) {
            HtmlPage home = (HtmlPage) browser.get("/");
            HtmlAnchor link = home.querySelector("#other-ways a");
            assertThat(link.getHrefAttribute()).isEqualTo("/accedi.jsp");
            assertThat(((HtmlPage) link.click()).getTitleText()).isEqualTo("Comune di Esempio - Accedi ai servizi online");
        }
    }

    @Test
    void theThreeButtonsCarryTheNonceOfThePagesContentSecurityPolicy() throws Exception {
        try (CieBrowser browser = new CieBrowser()) {
            HtmlPage page = accessPage(browser);
            String csp = page.getWebResponse().getResponseHeaderValue("Content-Security-Policy");
            Matcher matcher = NONCE.matcher(csp);
            assertThat(matcher.find()).as("a script nonce in %s", csp).isTrue();
            String nonce = matcher.group(1);
            assertThat(csp).contains("style-src 'self' 'nonce-" + nonce + "'").doesNotContain("unsafe-inline");

            String html = page.getWebResponse().getContentAsString();
            assertThat(html.split("<style", -1)).as("one style block for the three buttons").hasSize(2);
            assertThat(html).contains("<style nonce=\"" + nonce + "\">.cie-button{")
                    .contains("<script nonce=\"" + nonce + "\">");
            assertThat(html.split("<script", -1)).as("one script, the SPID chooser's").hasSize(2);
            assertThat(html).doesNotContain(" style=\"").doesNotContain(" onclick=");
            assertThat(browser.get("/accedi.jsp").getWebResponse().getResponseHeaderValue("Content-Security-Policy"))
                    .as("a fresh nonce per response").isNotEqualTo(csp);
        }
    }

    @Test
    void spidButtonOpensAListOfTheSpidTestIdpAndAgidsLinks() throws Exception {
        try (CieBrowser browser = new CieBrowser()) {
            HtmlPage page = accessPage(browser);
            HtmlButton button = page.querySelector("#spid button.cie-button-spid");
            assertThat(button.getAttribute("aria-expanded")).isEqualTo("false");
            String menuId = button.getAttribute("aria-controls");
            List<DomNode> links = page.querySelectorAll("#" + menuId + " a");
            assertThat(links).extracting(DomNode::getTextContent).contains("Maggiori informazioni", "Non hai SPID?",
                    "Serve aiuto?");
            List<DomNode> idps = page.querySelectorAll("#" + menuId + " li.cie-spid-idp a");
            assertThat(idps).as("the configured SPID identity providers").isNotEmpty();
            for (DomNode idp : idps) {
                assertThat(((HtmlAnchor) idp).getHrefAttribute())
                        .startsWith("/cie/login?target=%2Farea-riservata%2F&scheme=spid&idp=");
            }
        }
    }

    @Test
    void withJavaScriptTheSpidButtonTogglesItsList() throws Exception {
        try (CieBrowser browser = new CieBrowser(true, "it-IT")) {
            HtmlPage page = accessPage(browser);
            HtmlButton button = page.querySelector("#spid button.cie-button-spid");

            button.click();
            assertThat(button.getAttribute("aria-expanded")).isEqualTo("true");
            button.click();
            assertThat(button.getAttribute("aria-expanded")).isEqualTo("false");
        }
    }

    @Test
    void aSpidIdentityProviderLinkStartsTheSpidLoginAtThatIdp() throws Exception {
        try (CieBrowser browser = new CieBrowser()) {
            HtmlPage page = accessPage(browser);
            HtmlAnchor testIdp = page.querySelectorAll("#spid li.cie-spid-idp a").stream().map(HtmlAnchor.class::cast)
                    .filter(a -> a.getHrefAttribute().endsWith("idp=" + java.net.URLEncoder.encode(
                            PortalServer.baseUrl() + "/cie-test-idp/spid", java.nio.charset.StandardCharsets.UTF_8)))
                    .findFirst().orElseThrow(() -> new AssertionError("no link to the SPID test IdP"));

            HtmlPage toIdp = testIdp.click();
            HtmlForm form = toIdp.getForms().get(0);
            assertThat(form.getInputsByName("SAMLRequest")).as("the auto-submitting AuthnRequest form").hasSize(1);
            assertThat(form.getActionAttribute()).startsWith(PortalServer.baseUrl() + "/cie-test-idp/spid/sso");
        }
    }

    @Test
    void eidasAndCieButtonsAreLinksToTheirLogins() throws Exception {
        try (CieBrowser browser = new CieBrowser()) {
            HtmlPage page = accessPage(browser);
            HtmlAnchor eidas = page.querySelector("#eidas a.cie-button-eidas");
            assertThat(eidas.getHrefAttribute()).isEqualTo("/cie/login?target=%2Farea-riservata%2F&scheme=eidas");
            assertThat(eidas.getTextContent().strip()).isEqualTo("Login with eIDAS");
            HtmlAnchor cie = page.querySelector("#cie a.cie-button");
            assertThat(cie.getHrefAttribute()).isEqualTo("/cie/login?target=%2Farea-riservata%2F");

            HtmlForm form = ((HtmlPage) eidas.click()).getForms().get(0);
            assertThat(form.getInputsByName("SAMLRequest")).hasSize(1);
            assertThat(form.getActionAttribute()).startsWith(PortalServer.baseUrl() + "/cie-test-idp/ficep/sso");
        }
    }
}
