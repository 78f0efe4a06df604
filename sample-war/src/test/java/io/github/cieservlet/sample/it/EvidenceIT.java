package io.github.cieservlet.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.sample.EvidenceArchive;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.eclipse.jetty.server.Server;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The authentication listener receives the exact signed Response of each login and the AuthnRequest it answers,
 * equal byte for byte to the one the browser carried to the IdP.
 * The portal is started with the sample's documented {@value EvidenceArchive#DIRECTORY_PROPERTY} system property
 * set, which is outside the library's reserved {@code cie.*} prefix, so the deployment starts.
 */
class EvidenceIT {

    @TempDir
    static Path evidence;

    private static Server server;
    private static String base;

    @BeforeAll
    static void startWithTheEvidenceFolderProperty() throws Exception {
        System.setProperty(EvidenceArchive.DIRECTORY_PROPERTY, evidence.toString());
        server = PortalServer.startAnother(Map.of());
        base = PortalServer.baseUrlOf(server);
    }

    @AfterAll
    static void stopAndRestore() throws Exception {
        System.clearProperty(EvidenceArchive.DIRECTORY_PROPERTY);
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void evidenceFolderPropertyIsNotInTheLibrarysReservedPrefix() {
        assertThat(EvidenceArchive.DIRECTORY_PROPERTY).isEqualTo("sample.evidenceDir").doesNotStartWith("cie.");
    }

    @Test
    void eachLoginLeavesTheSignedResponseAndItsRequest() throws Exception {
        try (CieBrowser browser = new CieBrowser(false, "it", base)) {
            HtmlPage toIdp = (HtmlPage) browser.get("/area-riservata/");
            String requestSent = new String(Base64.getDecoder().decode(PendingLoginIT.samlRequestSent(toIdp)),
                    StandardCharsets.UTF_8);
            HtmlPage chooser = toIdp.getForms().get(0).getOneHtmlElementByAttribute("button", "type", "submit").click();
            HtmlPage autoPost = browser.choose(chooser, "BIANCA_VERDI", "SUCCESS", "L3");
            String sent = new String(Base64.getMimeDecoder().decode(CieBrowser.field(autoPost, "SAMLResponse")),
                    StandardCharsets.UTF_8);
            assertThat(browser.postToAcs(autoPost).getWebResponse().getStatusCode()).isEqualTo(200);

            Path[] responses;
            try (var files = Files.list(evidence)) {
                responses = files.filter(f -> f.getFileName().toString().endsWith("-response.xml")).toArray(Path[]::new);
            }
            assertThat(responses).hasSize(1);
            assertThat(Files.readString(responses[0])).isEqualTo(sent).contains("SignatureValue", "VRDBNC92E57F205E");
            String request = Files.readString(Path.of(responses[0].toString().replace("-response.xml", "-request.xml")));
            assertThat(request).contains("AuthnRequest", "SignatureValue", "ForceAuthn=\"true\"");
            // no server keeps the AuthnRequest: the ACS rebuilt it from the browser's sealed cookie, byte for byte
            assertThat(request).isEqualTo(requestSent);
            assertThat(sent).contains("InResponseTo=\"" + request.replaceAll("(?s).*?\\sID=\"([^\"]+)\".*", "$1") + "\"");
        }
    }
}
