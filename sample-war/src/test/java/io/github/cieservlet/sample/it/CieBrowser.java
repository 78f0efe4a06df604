package io.github.cieservlet.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import org.htmlunit.BrowserVersion;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlRadioButtonInput;
import org.htmlunit.util.NameValuePair;

/**
 * A browser (HtmlUnit) that walks the CIE login as a citizen does: the portal's auto-submitting form to the
 * IdP, the test IdP's chooser, and the IdP's auto-submitting form back to the ACS. JavaScript is off by default,
 * so every auto-submitting form is submitted with its visible button (the no-script path).
 */
final class CieBrowser implements AutoCloseable {

    private final WebClient client;
    private final String baseUrl;

    CieBrowser(boolean javaScript, String acceptLanguage) {
        this(javaScript, acceptLanguage, PortalServer.baseUrl());
    }

    CieBrowser(boolean javaScript, String acceptLanguage, String baseUrl) {
        this.baseUrl = baseUrl;
        client = new WebClient(BrowserVersion.FIREFOX);
        client.getOptions().setJavaScriptEnabled(javaScript);
        client.getOptions().setCssEnabled(false);
        client.getOptions().setThrowExceptionOnFailingStatusCode(false);
        client.getOptions().setThrowExceptionOnScriptError(true);
        client.getOptions().setRedirectEnabled(true);
        client.addRequestHeader("Accept-Language", acceptLanguage);
    }

    CieBrowser() {
        this(false, "it-IT,it;q=0.9,en;q=0.5");
    }

    WebClient client() {
        return client;
    }

    Page get(String path) throws IOException {
        return client.getPage(baseUrl + path);
    }

    /** Opens a protected page and follows the portal's form to the IdP: returns the IdP chooser page. */
    HtmlPage openProtectedPageUntilIdp(String path) throws IOException {
        HtmlPage toIdp = (HtmlPage) get(path);
        HtmlForm form = toIdp.getForms().get(0);
        if (form.getInputsByName("SAMLRequest").isEmpty()) {
            throw new AssertionError("expected the auto-submitting AuthnRequest form, got: " + toIdp.asNormalizedText());
        }
        return form.getOneHtmlElementByAttribute("button", "type", "submit").click();
    }

    /** On the IdP chooser: picks citizen, outcome and level and submits; returns the auto-post page back to the SP. */
    HtmlPage choose(HtmlPage chooser, String citizen, String outcome, String level) throws IOException {
        ((HtmlRadioButtonInput) chooser.getElementById("citizen-" + citizen)).setChecked(true);
        ((HtmlRadioButtonInput) chooser.getElementById("outcome-" + outcome)).setChecked(true);
        ((HtmlRadioButtonInput) chooser.getElementById("level-" + level)).setChecked(true);
        return chooser.getForms().get(0).getOneHtmlElementByAttribute("button", "type", "submit").click();
    }

    /** On the IdP's auto-post page: submits the Response to the ACS; returns where the portal leads. */
    Page postToAcs(HtmlPage autoPost) throws IOException {
        HtmlForm form = autoPost.getForms().get(0);
        if (form.getInputsByName("SAMLResponse").isEmpty()) {
            throw new AssertionError("expected the auto-submitting Response form, got: " + autoPost.asNormalizedText());
        }
        return form.getOneHtmlElementByAttribute("button", "type", "submit").click();
    }

    /** Full login with the given outcome; returns the last page. */
    Page login(String path, String citizen, String outcome, String level) throws IOException {
        return postToAcs(choose(openProtectedPageUntilIdp(path), citizen, outcome, level));
    }

    /** POSTs a form to the ACS exactly as given, with this browser's cookies. */
    Page postResponse(String samlResponse, String relayState) throws IOException {
        WebRequest request = new WebRequest(new URL(baseUrl + "/cie/acs"), HttpMethod.POST);
        request.setRequestParameters(java.util.List.of(new NameValuePair("SAMLResponse", samlResponse),
                new NameValuePair("RelayState", relayState)));
        return client.getPage(request);
    }

    /**
     * Asserts that a login of MARIO_ROSSI at L3 ended on the protected area of this browser's portal, with his data
     * on the page and in the request the application sees (the same whatever the protocol).
     */
    void assertOnMarioRossisArea(Page area) throws IOException {
        assertThat(area.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(area.getUrl().toString()).isEqualTo(baseUrl + "/area-riservata/");
        HtmlPage page = (HtmlPage) area;
        assertThat(page.getElementById("greeting").asNormalizedText()).isEqualTo("Benvenuto/a, MARIO ROSSI!");
        assertThat(page.getElementById("fiscalCode").asNormalizedText()).isEqualTo("RSSMRA80A01H501U");
        assertThat(page.getElementById("dateOfBirth").asNormalizedText()).isEqualTo("1980-01-01");
        assertThat(page.getElementById("level").asNormalizedText()).isEqualTo("L3");
        String whoami = get("/area-riservata/whoami").getWebResponse().getContentAsString();
        assertThat(whoami).contains("remoteUser=RSSMRA80A01H501U", "principal=RSSMRA80A01H501U", "authType=CIE");
    }

    static String field(HtmlPage page, String name) {
        return page.getForms().get(0).getInputByName(name).getValue();
    }

    @Override
    public void close() {
        client.close();
    }
}
