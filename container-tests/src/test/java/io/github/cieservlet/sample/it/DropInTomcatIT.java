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
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@link DropInPortal} on Apache Tomcat 10.1, and next to it:
 * <ul>
 * <li>/open: the sample without its {@code <filter-mapping>}: the library refuses to start, and says why in
 * Tomcat's own log file;</li>
 * <li>a redeploy of ROOT leaves no thread behind (no "memory leak" warning).</li>
 * </ul>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DropInTomcatIT extends DropInTomcatFlow {

    @Override
    ServerProcess startServer() throws Exception {
        Path sample = ServerProcess.warsDir().resolve("sample-war.war");
        Path variants = ServerProcess.workDir().resolve("drop-in-wars-10");
        Path root = DropInPortal.of(sample, variants.resolve("ROOT.war"));
        Path open = WarVariant.of(sample, variants.resolve("open.war"),
                xml -> WarVariant.cut(xml, "<filter-mapping>", "</filter-mapping>"));
        return ServerProcess.tomcat(ServerProcess.version("tomcat10.version"), root, Map.of("open", open),
                Map.of("tomcat-users.xml", DropInPortal.TOMCAT_USERS));
    }

    @Test
    @Order(10)
    void anAppThatProtectsNothingDoesNotStartAndTomcatsOwnLogSaysWhy() throws Exception {
        assertThat(status("/open/cie/metadata")).isEqualTo(404);
        assertThat(status("/open/area-riservata/")).isEqualTo(404);
        String log = server.serverLog();
        assertThat(log).contains("cie-servlet cannot start: 1 configuration problem",
                "cie.protect: nothing is protected: no <filter-mapping> maps io.github.cieservlet.web.CieAuthenticationFilter"
                        + " (filter cie is declared without one)", "set cie.protect=none");
    }

    @Test
    @Order(11)
    void aRedeployLeavesNoThreadBehind() throws Exception {
        String before = server.serverLog();
        Path war = server.logDir().resolveSibling("webapps/ROOT.war");
        Files.setLastModifiedTime(war, FileTime.from(Instant.now().minusSeconds(2)));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        String deployed = "Deployment of web application archive [" + war + "] has finished";
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
}
