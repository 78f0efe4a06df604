package io.github.cieservlet.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link DropInPortal} on a real server started by a subclass: registration under {@code metadata-complete},
 * {@code cie.protect}, and container-managed security (security constraints, roles, FORM login plus CIE) through
 * a real HtmlUnit flow.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DropInFlow {

    ServerProcess server;

    /** Starts the server with {@link DropInPortal} at {@code /}. */
    abstract ServerProcess startServer() throws Exception;

    @BeforeAll
    void start() throws Exception {
        server = startServer();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    CieBrowser browser() {
        return new CieBrowser(false, "it-IT,it;q=0.9,en;q=0.5", server.baseUrl());
    }

    @Test
    @Order(1)
    void aMetadataCompleteAppWithCieProtectLogsInThroughTheTestIdp() throws Exception {
        try (CieBrowser browser = browser()) {
            HtmlPage login = (HtmlPage) browser.get("/area-riservata/");
            assertThat(login.getUrl().getPath()).as("cie.protect protects the area").isEqualTo("/cie/login");
            Page area = browser.login("/area-riservata/", "MARIO_ROSSI", "SUCCESS", "L3");
            assertThat(area.getWebResponse().getStatusCode()).as(server.consoleTail()).isEqualTo(200);
            assertThat(((HtmlPage) area).getElementById("fiscalCode").asNormalizedText()).isEqualTo("RSSMRA80A01H501U");
        }
        String log = server.serverLog();
        assertThat(count(log, "cie-servlet started in")).as("started once, though web.xml declares the listener").isOne();
        assertThat(count(log, "cie-test-idp is ACTIVE")).as("test IdP started once").isOne();
        assertThat(log).contains("cie-servlet protects /area-riservata/* (filter cie-protect), /operatori/*"
                + " (security-constraint, roles cittadino operatore), /admin/* (security-constraint, roles admin)");
        assertThat(log).contains("cie-servlet container security on for");
    }

    @Test
    @Order(2)
    void aCitizenLogsInWithCieFromTheFormLoginPageAndGetsTheRolesOfTheContainer() throws Exception {
        try (CieBrowser browser = browser()) {
            HtmlPage operators = viaCie(browser, "/operatori/", "MARIO_ROSSI");
            assertThat(operators.getUrl().getPath()).as("back to the page asked for").isEqualTo("/operatori/");
            assertThat(text(operators, "user")).isEqualTo("RSSMRA80A01H501U");
            assertThat(text(operators, "remoteUser")).isEqualTo("RSSMRA80A01H501U");
            assertThat(text(operators, "cittadino")).as("cie.baseRole").isEqualTo("true");
            assertThat(text(operators, "admin")).as("from the CieRoleSource").isEqualTo("true");
            assertThat(text(operators, "operatore")).isEqualTo("false");
            HtmlPage admin = (HtmlPage) browser.get("/admin/");
            assertThat(admin.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(text(admin, "admin")).isEqualTo("true");
        }
    }

    @Test
    @Order(3)
    void aCitizenWithoutTheRoleIsForbidden() throws Exception {
        try (CieBrowser browser = browser()) {
            Page admin = viaCie(browser, "/admin/", "BIANCA_VERDI");
            assertThat(admin.getWebResponse().getStatusCode()).isEqualTo(403);
            HtmlPage operators = (HtmlPage) browser.get("/operatori/");
            assertThat(text(operators, "user")).isEqualTo("VRDBNC92E57F205E");
            assertThat(text(operators, "admin")).isEqualTo("false");
        }
    }

    @Test
    @Order(4)
    void aWrongPasswordOnThePortalsOwnFormShowsItsErrorPage() throws Exception {
        try (CieBrowser browser = browser()) {
            HtmlPage wrong = submitPassword((HtmlPage) browser.get("/operatori/"), "nobody");
            assertThat(wrong.getElementById("error")).as(wrong.asXml()).isNotNull();
            assertThat(((HtmlPage) browser.get("/operatori/")).getElementById("password")).as("still anonymous").isNotNull();
        }
    }

    /**
     * The portal's login page asked for directly (not in place of a protected page): its bare button does not
     * bring the citizen back to the login page, but to cie.defaultTarget (the sample's /area-riservata/).
     */
    @Test
    @Order(4)
    void theBareButtonOnTheLoginPageItselfEndsAtTheDefaultTarget() throws Exception {
        try (CieBrowser browser = browser()) {
            HtmlPage login = (HtmlPage) browser.get("/login.jsp");
            HtmlAnchor cie = login.getFirstByXPath("//p[@id='cie']//a");
            assertThat(cie).as(login.asXml()).isNotNull();
            assertThat(cie.getHrefAttribute()).isEqualTo("/cie/login?target=%2Farea-riservata%2F");
            HtmlPage toIdp = cie.click();
            HtmlPage chooser = toIdp.getForms().get(0).getOneHtmlElementByAttribute("button", "type", "submit").click();
            Page area = browser.postToAcs(browser.choose(chooser, "MARIO_ROSSI", "SUCCESS", "L3"));
            assertThat(area.getUrl().getPath()).as(server.consoleTail()).isEqualTo("/area-riservata/");
            assertThat(((HtmlPage) area).getElementById("fiscalCode").asNormalizedText()).isEqualTo("RSSMRA80A01H501U");
        }
    }

    static HtmlPage submitPassword(HtmlPage login, String password) throws Exception {
        HtmlForm form = (HtmlForm) login.getElementById("password");
        assertThat(form).as(login.asXml()).isNotNull();
        form.getInputByName("j_username").setValue(DropInPortal.OPERATOR);
        form.getInputByName("j_password").setValue(password);
        return form.getOneHtmlElementByAttribute("button", "type", "submit").click();
    }

    /** Opens a protected page, gets the portal's login page, clicks its CIE button and logs in. */
    private static <P extends Page> P viaCie(CieBrowser browser, String path, String citizen) throws Exception {
        HtmlPage login = (HtmlPage) browser.get(path);
        assertThat(login.getUrl().getPath()).as("the login page is shown at the protected URL").isEqualTo(path);
        assertThat(login.getElementById("password")).as("the username/password form stays").isNotNull();
        HtmlAnchor cie = login.getFirstByXPath("//p[@id='cie']//a");
        assertThat(cie.getHrefAttribute()).as("the bare button returns to the page asked for")
                .isEqualTo("/cie/login?target=" + path.replace("/", "%2F"));
        HtmlPage toIdp = cie.click();
        HtmlPage chooser = toIdp.getForms().get(0).getOneHtmlElementByAttribute("button", "type", "submit").click();
        @SuppressWarnings("unchecked")
        P back = (P) browser.postToAcs(browser.choose(chooser, citizen, "SUCCESS", "L3"));
        return back;
    }

    static String text(HtmlPage page, String id) {
        assertThat(page.getElementById(id)).as(page.asXml()).isNotNull();
        return page.getElementById(id).asNormalizedText();
    }

    static int count(String text, String what) {
        Matcher matcher = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }
}
