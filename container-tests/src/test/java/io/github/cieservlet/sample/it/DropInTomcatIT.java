package io.github.cieservlet.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The sample portal as an existing application adopts cie-servlet, on one real Tomcat 10.1:
 * <ul>
 * <li>ROOT: web.xml {@code metadata-complete="true"} (web fragments ignored), no CIE {@code <filter>} at all but
 * {@code cie.protect=/area-riservata/*}, and both listeners declared in web.xml too (what the old error message
 * advised): the initializers start the library and the test IdP once, the private area is protected;</li>
 * <li>/open: the sample without its {@code <filter-mapping>}: the library refuses to start, and says why in
 * Tomcat's own log file;</li>
 * <li>a redeploy of ROOT leaves no thread behind (no "memory leak" warning).</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DropInTomcatIT {

    private static final String FILTER_START = "<filter>";
    private static final String FILTER_END = "</filter-mapping>";

    private ServerProcess server;
    private Path rootWar;

    @BeforeAll
    void start() throws Exception {
        Path sample = ServerProcess.warsDir().resolve("sample-war.war");
        Path variants = ServerProcess.workDir().resolve("drop-in-wars");
        rootWar = WarVariant.of(sample, variants.resolve("ROOT.war"), xml -> WarVariant.cut(xml, FILTER_START, FILTER_END)
                .replace("version=\"6.0\">", "version=\"6.0\" metadata-complete=\"true\">")
                .replace("  <servlet>", "  <context-param><param-name>cie.protect</param-name>"
                        + "<param-value>/area-riservata/*</param-value></context-param>\n"
                        + "  <listener><listener-class>io.github.cieservlet.bootstrap.CieContextListener</listener-class></listener>\n"
                        + "  <listener><listener-class>io.github.cieservlet.testidp.TestIdpListener</listener-class></listener>\n"
                        + "  <servlet>"));
        Path open = WarVariant.of(sample, variants.resolve("open.war"),
                xml -> WarVariant.cut(xml, "<filter-mapping>", FILTER_END));
        server = ServerProcess.tomcat(ServerProcess.version("tomcat10.version"), rootWar, Map.of("open", open));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private CieBrowser browser() {
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
        assertThat(log).contains("cie-servlet protects /area-riservata/* (filter cie-protect)");
    }

    @Test
    @Order(2)
    void anAppThatProtectsNothingDoesNotStartAndTomcatsOwnLogSaysWhy() throws Exception {
        assertThat(status("/open/cie/metadata")).isEqualTo(404);
        assertThat(status("/open/area-riservata/")).isEqualTo(404);
        String log = server.serverLog();
        assertThat(log).contains("cie-servlet cannot start: 1 configuration problem",
                "cie.protect: nothing is protected: no <filter-mapping> maps io.github.cieservlet.web.CieAuthenticationFilter"
                        + " (filter cie is declared without one)", "set cie.protect=none");
    }

    @Test
    @Order(3)
    void aRedeployLeavesNoThreadBehind() throws Exception {
        String before = server.serverLog();
        Files.setLastModifiedTime(server.logDir().resolveSibling("webapps/ROOT.war"),
                FileTime.from(Instant.now().minusSeconds(2)));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        String deployed = "Deployment of web application archive [" + server.logDir().resolveSibling("webapps/ROOT.war")
                + "] has finished";
        while (count(server.serverLog(), deployed) < 2) {
            assertThat(Instant.now()).as("ROOT redeployed within 90 s\n" + server.consoleTail()).isBefore(deadline);
            Thread.sleep(200);
        }
        String after = server.serverLog().substring(before.length());
        assertThat(after).as("the redeploy happened").contains("Undeploying context []", "cie-servlet started in");
        assertThat(after).doesNotContainIgnoringCase("memory leak").doesNotContain("failed to stop it");
        try (CieBrowser browser = browser()) {
            Page area = browser.login("/area-riservata/", "BIANCA_VERDI", "SUCCESS", "L3");
            assertThat(((HtmlPage) area).getElementById("fiscalCode").asNormalizedText()).isEqualTo("VRDBNC92E57F205E");
        }
    }

    private int status(String path) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) URI.create(server.baseUrl() + path).toURL().openConnection();
        connection.setInstanceFollowRedirects(false);
        try {
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }

    private static int count(String text, String what) {
        Matcher matcher = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }
}
