package io.github.cieservlet.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.util.URLUtils;
import io.github.cieservlet.evidence.ChainVerifier;
import io.github.cieservlet.evidence.EvidenceEntry;
import io.github.cieservlet.evidence.EvidenceOutcome;
import io.github.cieservlet.evidence.EvidenceQuery;
import io.github.cieservlet.evidence.EvidenceRecord;
import io.github.cieservlet.evidence.FileEvidenceSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Server;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sample portal switched to CIE OpenID Connect with one param ({@code cie.protocol=oidc}): whole logins through
 * the test IdP's local OP and trust anchor (the OP reads the portal's entity configuration), the same protected
 * page and identity as with SAML; every OP error and every wrong answer the test OP can give on the same error page
 * with its code and a 4xx; each login (refused ones too) in {@code cie.evidence} and counted; logout revokes the
 * access token at the OP.
 */
class OidcLoginIT {

    private static final String HEALTH_TOKEN = "health-token-oidc-0123456789-abcdefghijkl";

    @TempDir
    static Path temp;

    private static Server portal;
    private static String baseUrl;
    private static Path evidence;

    @BeforeAll
    static void startOidcPortal() throws Exception {
        evidence = temp.resolve("evidence");
        portal = PortalServer.startAnother(Map.of("cie.protocol", "oidc", "cie.evidence", "file:" + evidence,
                "cie.health", "token:" + HEALTH_TOKEN));
        baseUrl = PortalServer.baseUrlOf(portal);
    }

    private static List<EvidenceRecord> records() throws Exception {
        List<EvidenceRecord> records = new ArrayList<>();
        new FileEvidenceSource(evidence).forEach(EvidenceQuery.all(), records::add);
        return records;
    }

    private static String requestObjectOf(HtmlPage chooser) {
        return URLUtils.parseParameters(chooser.getUrl().getQuery()).get("request").get(0);
    }

    @AfterAll
    static void stopOidcPortal() throws Exception {
        portal.stop();
    }

    @Test
    void protectedPageLeadsThroughTheOpAndBackWithTheSameIdentityAsSaml() throws Exception {
        try (CieBrowser browser = new CieBrowser(false, "it-IT,it;q=0.9,en;q=0.5", baseUrl)) {
            HtmlPage chooser = (HtmlPage) browser.get("/area-riservata/");
            assertThat(chooser.getUrl().getPath()).isEqualTo("/cie-test-idp/oidc/op/authorization");
            assertThat(chooser.getUrl().getQuery()).contains("client_id=" + java.net.URLEncoder.encode(
                    baseUrl + "/cie/oidc", java.nio.charset.StandardCharsets.UTF_8), "code_challenge_method=S256");

            Page area = browser.choose(chooser, "MARIO_ROSSI", "SUCCESS", "L3");

            browser.assertOnMarioRossisArea(area);
            assertThat(browser.client().getCookieManager().getCookies()).noneMatch(c -> c.getName().startsWith("cie_pending_"));
        }
    }

    @Test
    void theLoginIsInTheEvidenceWithTheRequestObjectAsSentAndTheTokensAsReceived() throws Exception {
        int before = records().size();
        try (CieBrowser browser = new CieBrowser(false, "it", baseUrl)) {
            HtmlPage chooser = (HtmlPage) browser.get("/area-riservata/");
            String requestObject = requestObjectOf(chooser);
            browser.assertOnMarioRossisArea(browser.choose(chooser, "MARIO_ROSSI", "SUCCESS", "L3"));

            List<EvidenceRecord> added = records().subList(before, records().size());
            assertThat(added).hasSize(1);
            EvidenceEntry entry = added.get(0).entry();
            assertThat(entry.outcome()).isEqualTo(EvidenceOutcome.ACCEPTED);
            assertThat(entry.authnRequestXml()).isEqualTo(requestObject);
            assertThat(entry.fiscalCode()).isEqualTo("TINIT-RSSMRA80A01H501U");
            assertThat(entry.idpEntityId()).isEqualTo(baseUrl + "/cie-test-idp/oidc/op");
            assertThat(entry.requestedAt()).isBeforeOrEqualTo(entry.receivedAt());
            String[] answer = new String(entry.response(), StandardCharsets.UTF_8).split("\n");
            assertThat(answer).hasSize(3);
            assertThat(answer[0]).contains("code=", "state=" + entry.requestId(), "iss=");
            assertThat(answer[1].split("\\.")).hasSize(5); // the ID token: a JWE, as received
            assertThat(answer[2].split("\\.")).hasSize(5); // the UserInfo JWT: a JWE, as received
        }
        assertThat(ChainVerifier.verify(new FileEvidenceSource(evidence)).problem()).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
        "ACCESS_DENIED, CIE-IDP_AUTHENTICATION_FAILED, 401",
        "SERVER_ERROR, CIE-IDP_AUTHENTICATION_FAILED, 401",
        "CONSENT_REQUIRED, CIE-IDP_CONSENT_DENIED, 401",
        "INVALID_REQUEST_OBJECT, CIE-IDP_REQUEST_REJECTED, 400",
        "WRONG_ISSUER, CIE-INVALID_ISSUER, 403",
        "WRONG_NONCE, CIE-UNKNOWN_REQUEST, 403",
        "EXPIRED_ID_TOKEN, CIE-INVALID_CONDITIONS, 400",
        "WRONG_AUDIENCE, CIE-INVALID_AUDIENCE, 403"
    })
    void eachOpOutcomeEndsOnTheErrorPageWithItsCodeIsRecordedAndCounted(String outcome, String code, int status)
            throws Exception {
        int before = records().size();
        try (CieBrowser browser = new CieBrowser(false, "en", baseUrl)) {
            HtmlPage chooser = (HtmlPage) browser.get("/area-riservata/");
            String requestObject = requestObjectOf(chooser);
            HtmlPage page = browser.choose(chooser, "MARIO_ROSSI", outcome, "L3");

            assertThat(page.getUrl().getPath()).isEqualTo("/cie/oidc/callback");
            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(status);
            assertThat(page.asNormalizedText()).contains(code).doesNotContain("Exception", "at io.github");
            assertThat(browser.get("/area-riservata/").getUrl().getPath()).isNotEqualTo("/area-riservata/");

            List<EvidenceRecord> added = records().subList(before, records().size());
            assertThat(added).hasSize(1);
            EvidenceEntry entry = added.get(0).entry();
            assertThat(entry.outcome()).isEqualTo(EvidenceOutcome.REFUSED);
            assertThat(entry.errorCode()).isEqualTo(code);
            assertThat(entry.authnRequestXml()).isEqualTo(requestObject);
            assertThat(entry.idpEntityId()).isEqualTo(baseUrl + "/cie-test-idp/oidc/op");
            assertThat(new String(entry.response(), StandardCharsets.UTF_8)).contains("state=" + entry.requestId());

            browser.client().addRequestHeader("Authorization", "Bearer " + HEALTH_TOKEN);
            Page health = browser.get("/cie/health");
            assertThat(health.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(health.getWebResponse().getContentAsString()).startsWith("{\"status\":\"UP\"")
                    .containsPattern("\"" + code + "\":[1-9]");
        }
    }

    @ParameterizedTest(name = "OP asserts {0} for L3")
    @ValueSource(strings = {"L1", "L2"})
    void aLowerLevelThanRequestedIsRefused(String asserted) throws Exception {
        try (CieBrowser browser = new CieBrowser(false, "en", baseUrl)) {
            HtmlPage page = browser.choose((HtmlPage) browser.get("/area-riservata/"), "MARIO_ROSSI", "SUCCESS", asserted);
            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(403);
            assertThat(page.asNormalizedText()).contains("CIE-INSUFFICIENT_LEVEL");
        }
    }

    @Test
    void logoutRevokesTheAccessTokenAtTheOpThenEndsTheSession() throws Exception {
        try (CieBrowser browser = new CieBrowser(false, "it", baseUrl)) {
            HtmlPage area = (HtmlPage) browser.choose((HtmlPage) browser.get("/area-riservata/"), "MARIO_ROSSI",
                    "SUCCESS", "L3");
            String revokedBefore = browser.get("/cie-test-idp/oidc/op/revocations").getWebResponse().getContentAsString();

            Page home = area.getElementById("logout").click();

            assertThat(home.getUrl().toString()).isEqualTo(baseUrl + "/");
            assertThat(((HtmlPage) home).getElementById("logged-in")).isNull();
            String revoked = browser.get("/cie-test-idp/oidc/op/revocations").getWebResponse().getContentAsString();
            assertThat(count(revoked, baseUrl + "/cie/oidc ")).isEqualTo(count(revokedBefore, baseUrl + "/cie/oidc ") + 1);
            assertThat(browser.get("/area-riservata/").getUrl().getPath()).isEqualTo("/cie-test-idp/oidc/op/authorization");
        }
    }

    /** @return how often {@code part} occurs in the JSON {@code text} (whose slashes may be escaped) */
    private static int count(String text, String part) {
        return text.replace("\\/", "/").split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void anOpErrorEndsOnTheBilingualErrorPageWith401AndNoSession() throws Exception {
        try (CieBrowser browser = new CieBrowser(false, "it-IT,it;q=0.9,en;q=0.5", baseUrl)) {
            HtmlPage page = browser.choose((HtmlPage) browser.get("/area-riservata/"), "MARIO_ROSSI", "CONSENT_REQUIRED", "L3");
            assertThat(page.getUrl().getPath()).isEqualTo("/cie/oidc/callback");
            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(401);
            assertThat(page.getTitleText()).isEqualTo("Consenso negato");
            assertThat(page.asNormalizedText()).contains("CIE-IDP_CONSENT_DENIED").doesNotContain("Exception", "at io.github");
            assertThat(browser.get("/area-riservata/").getUrl().getPath()).isNotEqualTo("/area-riservata/");
        }
        try (CieBrowser browser = new CieBrowser(false, "en-GB,en;q=0.8", baseUrl)) {
            HtmlPage page = browser.choose((HtmlPage) browser.get("/area-riservata/"), "MARIO_ROSSI", "CONSENT_REQUIRED", "L3");
            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(401);
            assertThat(page.getTitleText()).isEqualTo("Consent denied");
        }
    }

    @Test
    void aCallbackWithoutThisBrowsersLoginIsRefused() throws Exception {
        try (CieBrowser browser = new CieBrowser(false, "it-IT,it;q=0.9,en;q=0.5", baseUrl)) {
            HtmlPage page = (HtmlPage) browser.get("/cie/oidc/callback?code=x&state=" + "A".repeat(43) + "&iss=x");
            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(403);
            assertThat(page.asNormalizedText()).contains("CIE-UNKNOWN_REQUEST");
        }
    }

    @Test
    void theEntityConfigurationIsServedUnderThePathPrefix() throws Exception {
        try (CieBrowser browser = new CieBrowser(false, "it", baseUrl)) {
            Page statement = browser.get("/cie/oidc/.well-known/openid-federation");
            assertThat(statement.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(statement.getWebResponse().getContentType()).isEqualTo("application/entity-statement+jwt");
            assertThat(statement.getWebResponse().getContentAsString()).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        }
    }
}
