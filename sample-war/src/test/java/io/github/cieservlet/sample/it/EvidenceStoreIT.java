package io.github.cieservlet.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.evidence.ChainVerifier;
import io.github.cieservlet.evidence.EvidenceOutcome;
import io.github.cieservlet.evidence.EvidenceQuery;
import io.github.cieservlet.evidence.EvidenceRecord;
import io.github.cieservlet.evidence.FileEvidenceSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Server;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cie.evidence=file:... over real HTTP: an accepted login and a refused replay are both recorded, with the exact
 * Response bytes and the AuthnRequest they answer, in an intact chain; when the store cannot write, the login is
 * refused with CIE-EVIDENCE_UNAVAILABLE (503) and the citizen is not logged in.
 */
class EvidenceStoreIT {

    @TempDir
    static Path temp;

    private static final String TOKEN = "health-token-0123456789-abcdefghijklmnop";

    private static Path evidence;
    private static Server server;

    @BeforeAll
    static void start() throws Exception {
        evidence = temp.resolve("evidence");
        server = PortalServer.startAnother(Map.of("cie.evidence", "file:" + evidence, "cie.health", "token:" + TOKEN));
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    private static List<EvidenceRecord> records() throws Exception {
        List<EvidenceRecord> records = new ArrayList<>();
        new FileEvidenceSource(evidence).forEach(EvidenceQuery.all(), records::add);
        return records;
    }

    @Test
    void acceptedLoginAndRefusedReplayAreRecordedInAnIntactChain() throws Exception {
        int before = records().size();
        try (CieBrowser browser = new CieBrowser(false, "it", PortalServer.baseUrlOf(server))) {
            HtmlPage autoPost = browser.choose(browser.openProtectedPageUntilIdp("/area-riservata/"),
                    "BIANCA_VERDI", "SUCCESS", "L3");
            String samlResponse = CieBrowser.field(autoPost, "SAMLResponse");
            byte[] sent = Base64.getMimeDecoder().decode(samlResponse);
            assertThat(browser.postToAcs(autoPost).getWebResponse().getStatusCode()).isEqualTo(200);
            Page replay = browser.postResponse(samlResponse, CieBrowser.field(autoPost, "RelayState"));
            assertThat(replay.getWebResponse().getStatusCode()).isEqualTo(403);

            List<EvidenceRecord> records = records().subList(before, before + 2);
            EvidenceRecord accepted = records.get(0);
            assertThat(accepted.entry().outcome()).isEqualTo(EvidenceOutcome.ACCEPTED);
            assertThat(accepted.entry().fiscalCode()).isEqualTo("TINIT-VRDBNC92E57F205E");
            assertThat(accepted.entry().response()).isEqualTo(sent);
            assertThat(accepted.entry().authnRequestXml()).contains("AuthnRequest", "SignatureValue",
                    "ID=\"" + accepted.entry().requestId() + "\"");
            assertThat(new String(sent, StandardCharsets.UTF_8))
                    .contains("InResponseTo=\"" + accepted.entry().requestId() + "\"");
            assertThat(accepted.entry().idpEntityId()).isNotBlank();
            assertThat(accepted.entry().requestedAt()).isBeforeOrEqualTo(accepted.entry().receivedAt());

            EvidenceRecord refused = records.get(1);
            assertThat(refused.entry().outcome()).isEqualTo(EvidenceOutcome.REFUSED);
            assertThat(refused.entry().errorCode()).isEqualTo("CIE-UNKNOWN_REQUEST");
            assertThat(refused.entry().response()).isEqualTo(sent);
            assertThat(refused.entry().fiscalCode()).isNull();
        }
        ChainVerifier.Result chain = ChainVerifier.verify(new FileEvidenceSource(evidence));
        assertThat(chain.problem()).isEmpty();
        assertThat(chain.checked()).isEqualTo(before + 2);
    }

    @Test
    void healthEndpointShowsTheCountersToTokenHoldersOnly() throws Exception {
        try (CieBrowser browser = new CieBrowser(false, "it", PortalServer.baseUrlOf(server))) {
            assertThat(browser.login("/area-riservata/", "BIANCA_VERDI", "SUCCESS", "L3").getWebResponse()
                    .getStatusCode()).isEqualTo(200);
            assertThat(browser.get("/cie/health").getWebResponse().getStatusCode()).isEqualTo(404);
            browser.client().addRequestHeader("Authorization", "Bearer " + TOKEN.replace('0', '1'));
            assertThat(browser.get("/cie/health").getWebResponse().getStatusCode()).isEqualTo(404);
            browser.client().addRequestHeader("Authorization", "Bearer " + TOKEN);
            Page health = browser.get("/cie/health");
            assertThat(health.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(health.getWebResponse().getContentType()).isEqualTo("application/json");
            assertThat(health.getWebResponse().getContentAsString()).startsWith("{\"status\":\"UP\"")
                    .containsPattern("\"loginsAccepted\":[1-9]").contains("\"evidenceStoreFailures\":",
                            "\"idpMetadataLastRefreshOutcome\":\"loaded\"", "\"spCertificateDaysToExpiry\":");
        }
    }

    @Test
    void whenTheStoreCannotWriteTheLoginIsRefused() throws Exception {
        // Directories where today's and tomorrow's files go (a file already there is set aside): every write
        // fails, as on a broken disk.
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Path> blocked = List.of(evidence.resolve("evidence-" + today + ".jsonl"),
                evidence.resolve("evidence-" + today.plusDays(1) + ".jsonl"));
        for (Path file : blocked) {
            if (Files.exists(file)) {
                Files.move(file, aside(file));
            }
            Files.createDirectory(file);
        }
        try (CieBrowser browser = new CieBrowser(false, "en", PortalServer.baseUrlOf(server))) {
            Page refused = browser.login("/area-riservata/", "BIANCA_VERDI", "SUCCESS", "L3");
            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(503);
            assertThat(refused.getWebResponse().getContentAsString()).contains("CIE-EVIDENCE_UNAVAILABLE",
                    "cannot record your login");
            HtmlPage again = (HtmlPage) browser.get("/area-riservata/");
            assertThat(again.getForms().get(0).getInputsByName("SAMLRequest")).isNotEmpty();
        } finally {
            for (Path file : blocked) {
                Files.delete(file);
                if (Files.exists(aside(file))) {
                    Files.move(aside(file), file);
                }
            }
        }
    }

    private static Path aside(Path file) {
        return file.resolveSibling(file.getFileName() + ".aside");
    }
}
