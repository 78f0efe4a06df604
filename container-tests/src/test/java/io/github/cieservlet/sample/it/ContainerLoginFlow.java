package io.github.cieservlet.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.htmlunit.Page;
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
            // the filter returns the citizen to what the container served (servlet path + path info): on Tomcat a
            // welcome file is served as /area-riservata/index.jsp
            assertThat(area.getUrl().toString()).isIn(server.baseUrl() + "/area-riservata/",
                    server.baseUrl() + "/area-riservata/index.jsp");
            HtmlPage page = (HtmlPage) area;
            assertThat(page.getElementById("greeting").asNormalizedText()).isEqualTo("Benvenuto/a, MARIO ROSSI!");
            assertThat(page.getElementById("fiscalCode").asNormalizedText()).isEqualTo("RSSMRA80A01H501U");
            assertThat(browser.get("/area-riservata/whoami").getWebResponse().getContentAsString())
                    .contains("remoteUser=RSSMRA80A01H501U", "authType=CIE");

            Page home = page.getElementById("logout").click();
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

    /** Issue 9 item 1: dot segments, {@code ..;}, encoded dots, path parameters, double encoding, {@code //}. */
    @Test
    void pathVariantsThroughTheEndpointsPrefixEndAtTheLogin() throws Exception {
        System.out.print(AttackChecks.pathVariantsEndAtTheLogin(server.baseUrl()));
    }

    /** Issue 9 item 6: no caching, no framing of protected pages; SameSite=Lax session cookie. */
    @Test
    void protectedPagesAreNotCachedNorFramedAndTheSessionCookieIsLax() throws Exception {
        AttackChecks.protectedPagesAreNotCachedNorFramedAndTheSessionCookieIsLax(server.baseUrl());
    }

    /** Issue 9 item 7: non-ASCII login targets are percent-encoded into Location. */
    @Test
    void nonAsciiTargetsArePercentEncodedInLocation() throws Exception {
        AttackChecks.nonAsciiTargetsArePercentEncodedInLocation(server.baseUrl());
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

    @Test
    void theTestIdpRefusesARequestThatCameThroughAProxy() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        URI metadata = URI.create(server.baseUrl() + "/cie-test-idp/metadata");
        HttpResponse<String> direct = client.send(HttpRequest.newBuilder(metadata).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(direct.statusCode()).as(server.consoleTail()).isEqualTo(200);
        HttpResponse<String> proxied = client.send(HttpRequest.newBuilder(metadata)
                .header("X-Forwarded-For", "192.0.2.99").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(proxied.statusCode()).isEqualTo(403);
        assertThat(proxied.body()).contains("Access denied").doesNotContain("EntityDescriptor");
    }
}
