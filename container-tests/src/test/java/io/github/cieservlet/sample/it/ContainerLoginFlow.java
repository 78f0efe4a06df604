package io.github.cieservlet.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.htmlunit.Page;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The sample portal's login and logout, walked with the sample's own {@link CieBrowser}, on a real server
 * distribution started by a subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ContainerLoginFlow {

    private ServerProcess server;

    /** Starts the server with the WAR deployed at context {@code /}. */
    abstract ServerProcess startServer() throws Exception;

    @BeforeAll
    void start() throws Exception {
        server = startServer();
    }

    private CieBrowser browser() {
        return new CieBrowser(false, "it-IT,it;q=0.9,en;q=0.5", server.baseUrl());
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void loginShowsTheCitizenAndLogoutEndsTheSession() throws Exception {
        try (CieBrowser browser = browser()) {
            Page area = browser.login("/area-riservata/", "MARIO_ROSSI", "SUCCESS", "L3");
            assertThat(area.getWebResponse().getStatusCode()).as(server.consoleTail()).isEqualTo(200);
            assertThat(area.getUrl().toString()).isEqualTo(server.baseUrl() + "/area-riservata/");
            HtmlPage page = (HtmlPage) area;
            assertThat(page.getElementById("greeting").asNormalizedText()).isEqualTo("Benvenuto/a, MARIO ROSSI!");
            assertThat(page.getElementById("fiscalCode").asNormalizedText()).isEqualTo("RSSMRA80A01H501U");
            assertThat(browser.get("/area-riservata/whoami").getWebResponse().getContentAsString())
                    .contains("remoteUser=RSSMRA80A01H501U", "authType=CIE");

            Page home = ((HtmlAnchor) page.getElementById("logout")).click();
            assertThat(home.getUrl().toString()).isEqualTo(server.baseUrl() + "/");
            assertThat(((HtmlPage) home).getElementById("logged-in")).isNull();

            HtmlPage again = (HtmlPage) browser.get("/area-riservata/");
            assertThat(again.getUrl().getPath()).isEqualTo("/cie/login");
            assertThat(again.getForms().get(0).getInputsByName("SAMLRequest")).isNotEmpty();
            Page relogin = browser.postToAcs(browser.choose(browser.openProtectedPageUntilIdp("/area-riservata/"),
                    "BIANCA_VERDI", "SUCCESS", "L3"));
            assertThat(((HtmlPage) relogin).getElementById("fiscalCode").asNormalizedText()).isEqualTo("VRDBNC92E57F205E");
        }
    }

    @Test
    void aRefusedLoginShowsTheCieErrorPage() throws Exception {
        try (CieBrowser browser = browser()) {
            HtmlPage page = (HtmlPage) browser.login("/area-riservata/", "MARIO_ROSSI", "CANCELLED", "L3");
            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(401);
            assertThat(page.asNormalizedText()).contains("CIE-IDP_CANCELLED").doesNotContain("Exception");
        }
    }

    /**
     * With no logging setup in the application (java.util.logging, no SLF4J binding needed), the library's
     * startup INFO lines and the WARN line of a refused login are in the server's own log file.
     */
    @Test
    void theLibrarysLinesAreInTheServersOwnLogFile() throws Exception {
        try (CieBrowser browser = browser()) {
            browser.login("/area-riservata/", "MARIO_ROSSI", "CANCELLED", "L3");
        }
        String log = server.serverLog();
        assertThat(log).as(server.logDir().toString())
                .contains("cie-servlet started in", "entityId=http://localhost:8080/cie")
                .contains("cie-servlet protects /area-riservata/* (filter cie)")
                .contains("cie-test-idp is ACTIVE")
                .containsPattern("(WARN|WARNING).*\\R?.*CIE /cie/acs refused \\(CIE-IDP_CANCELLED\\)");
    }
}
