package io.github.cieservlet.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.saml.MetadataKeys;
import io.github.cieservlet.saml.RedirectBinding;
import io.github.cieservlet.saml.SamlIds;
import io.github.cieservlet.saml.SamlObjects;
import io.github.cieservlet.saml.SecureXml;
import io.github.cieservlet.testidp.idp.IdpCredentials;
import io.github.cieservlet.testidp.idp.IdpEndpoints;
import io.github.cieservlet.testidp.response.TestCitizen;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.htmlunit.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.SessionIndex;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.SPSSODescriptor;

/**
 * The SingleLogoutService of a portal that trusts an IdP key held by this test, over real HTTP: the test logs a
 * browser in with a Response signed by that key, then sends IdP-signed LogoutRequests. One for that browser's
 * NameID and SessionIndex ends the session and gets a signed Success LogoutResponse; an old one without
 * Destination, a replayed one, or one for another citizen's NameID leaves the session alive and gets a signed
 * refusal; one signed by anyone else gets the error page.
 */
class SingleLogoutIT {

    private static final IdpEndpoints IDP = TrustedIdp.ENDPOINTS;
    @RegisterExtension
    static final TrustedPortal PORTAL = new TrustedPortal();
    private static final TrustedIdp TRUSTED = PORTAL.idp();
    private static final IdpCredentials IDP_KEY = TRUSTED.key();
    private static final IdpCredentials ATTACKER = IdpCredentials.generate(Clock.systemUTC());


    /** The NameID and SessionIndex of a browser's CIE session. */
    private record Session(String nameId, String sessionIndex) {
    }

    /**
     * Logs the browser in: starts a login at the portal, answers its AuthnRequest with a Response signed by the
     * trusted IdP key (as the IdP would post it), and returns the session's NameID and SessionIndex.
     */
    private static Session logIn(CieBrowser browser, TestCitizen citizen) throws Exception {
        TrustedIdp.LoginStart login = TrustedIdp.startLogin(browser, PORTAL.base());
        String xml = TRUSTED.success(login, citizen);
        Page landed = TrustedIdp.post(browser, login, xml);
        assertThat(landed.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(isLoggedIn(browser)).isTrue();
        Assertion assertion = SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8), Response.class).getAssertions().get(0);
        return new Session(assertion.getSubject().getNameID().getValue(),
                assertion.getAuthnStatements().get(0).getSessionIndex());
    }

    private static boolean isLoggedIn(CieBrowser browser) throws Exception {
        boolean redirects = browser.client().getOptions().isRedirectEnabled();
        browser.client().getOptions().setRedirectEnabled(false);
        try {
            return browser.get("/area-riservata/whoami").getWebResponse().getStatusCode() == 200;
        } finally {
            browser.client().getOptions().setRedirectEnabled(redirects);
        }
    }

    private static String signedLogoutRequest(String id, IdpCredentials signer) {
        return signedLogoutRequest(id, signer, new Session("_transient-name-id", null), Instant.now(), PORTAL.base() + "/cie/slo");
    }

    private static String signedLogoutRequest(String id, IdpCredentials signer, Session session, Instant issueInstant,
            String destination) {
        LogoutRequest request = SamlObjects.build(LogoutRequest.DEFAULT_ELEMENT_NAME, LogoutRequest.class);
        request.setID(id);
        request.setVersion(SAMLVersion.VERSION_20);
        request.setIssueInstant(issueInstant);
        request.setDestination(destination);
        Issuer issuer = SamlObjects.build(Issuer.DEFAULT_ELEMENT_NAME, Issuer.class);
        issuer.setFormat(NameIDType.ENTITY);
        issuer.setValue(IDP.entityId());
        request.setIssuer(issuer);
        NameID nameId = SamlObjects.build(NameID.DEFAULT_ELEMENT_NAME, NameID.class);
        nameId.setFormat(NameIDType.TRANSIENT);
        nameId.setNameQualifier(IDP.entityId());
        nameId.setValue(session.nameId());
        request.setNameID(nameId);
        if (session.sessionIndex() != null) {
            SessionIndex index = SamlObjects.build(SessionIndex.DEFAULT_ELEMENT_NAME, SessionIndex.class);
            index.setValue(session.sessionIndex());
            request.getSessionIndexes().add(index);
        }
        return RedirectBinding.signedQuery("SAMLRequest", SecureXml.toXml(request), "rs-1", signer.privateKey(),
                signer.certificate());
    }

    private static List<X509Certificate> spCertificates(CieBrowser browser) throws Exception {
        byte[] metadata = browser.get("/cie/metadata").getWebResponse().getContentAsString().getBytes(StandardCharsets.UTF_8);
        EntityDescriptor sp = SecureXml.parse(metadata, EntityDescriptor.class);
        return MetadataKeys.signingCertificates(sp.getSPSSODescriptor("urn:oasis:names:tc:SAML:2.0:protocol"));
    }

    /** Sends a LogoutRequest query and returns the LogoutResponse the portal redirects to, signature checked. */
    private static LogoutResponse answerTo(CieBrowser browser, String query) throws Exception {
        boolean redirects = browser.client().getOptions().isRedirectEnabled();
        browser.client().getOptions().setRedirectEnabled(false);
        try {
            Page answer = browser.get("/cie/slo?" + query);
            assertThat(answer.getWebResponse().getStatusCode()).isEqualTo(303);
            URI location = URI.create(answer.getWebResponse().getResponseHeaderValue("Location"));
            String responseQuery = location.getRawQuery();
            assertThat(RedirectBinding.verify(responseQuery, "SAMLResponse", spCertificates(browser))).isTrue();
            String encoded = java.net.URLDecoder.decode(responseQuery.replaceAll("^SAMLResponse=([^&]*).*$", "$1"),
                    StandardCharsets.UTF_8);
            return SecureXml.parse(RedirectBinding.decodeAndInflate(encoded, 100_000), LogoutResponse.class);
        } finally {
            browser.client().getOptions().setRedirectEnabled(redirects);
        }
    }

    private static void assertRefusedWith(LogoutResponse response, String requestId, String subStatus) {
        assertThat(response.getInResponseTo()).isEqualTo(requestId);
        assertThat(response.getStatus().getStatusCode().getValue()).isEqualTo(StatusCode.REQUESTER);
        assertThat(response.getStatus().getStatusCode().getStatusCode().getValue()).isEqualTo(subStatus);
    }

    @Test
    void logoutRequestForThisSessionEndsItAndGetsASignedSuccess() throws Exception {
        try (CieBrowser browser = new CieBrowser(false, "it", PORTAL.base())) {
            Session session = logIn(browser, TestCitizen.MARIO_ROSSI);
            String requestId = SamlIds.newId();
            LogoutResponse response = answerTo(browser,
                    signedLogoutRequest(requestId, IDP_KEY, session, Instant.now(), PORTAL.base() + "/cie/slo"));
            assertThat(response.getInResponseTo()).isEqualTo(requestId);
            assertThat(response.getStatus().getStatusCode().getValue()).isEqualTo(StatusCode.SUCCESS);
            assertThat(isLoggedIn(browser)).isFalse();
        }
    }

    @Test
    void yearOldLogoutRequestWithoutDestinationIsRefusedAndTheSessionLives() throws Exception {
        try (CieBrowser browser = new CieBrowser(false, "it", PORTAL.base())) {
            Session session = logIn(browser, TestCitizen.MARIO_ROSSI);
            String requestId = SamlIds.newId();
            LogoutResponse response = answerTo(browser, signedLogoutRequest(requestId, IDP_KEY, session,
                    Instant.now().minus(Duration.ofDays(365)), null));
            assertRefusedWith(response, requestId, StatusCode.REQUEST_DENIED);
            assertThat(isLoggedIn(browser)).isTrue();
        }
    }

    @Test
    void replayedLogoutRequestIsRefusedAndEndsNoOtherSession() throws Exception {
        try (CieBrowser first = new CieBrowser(false, "it", PORTAL.base());
                CieBrowser second = new CieBrowser(false, "it", PORTAL.base())) {
            Session session = logIn(first, TestCitizen.MARIO_ROSSI);
            logIn(second, TestCitizen.MARIO_ROSSI);
            String requestId = SamlIds.newId();
            String query = signedLogoutRequest(requestId, IDP_KEY, session, Instant.now(), PORTAL.base() + "/cie/slo");
            assertThat(answerTo(first, query).getStatus().getStatusCode().getValue()).isEqualTo(StatusCode.SUCCESS);

            assertRefusedWith(answerTo(second, query), requestId, StatusCode.REQUEST_DENIED);
            assertThat(isLoggedIn(second)).isTrue();
        }
    }

    @Test
    void logoutRequestForAnotherCitizensNameIdIsRefusedAndTheSessionLives() throws Exception {
        try (CieBrowser victim = new CieBrowser(false, "it", PORTAL.base());
                CieBrowser other = new CieBrowser(false, "it", PORTAL.base())) {
            logIn(victim, TestCitizen.BIANCA_VERDI);
            Session others = logIn(other, TestCitizen.MARIO_ROSSI);
            String requestId = SamlIds.newId();
            LogoutResponse response = answerTo(victim,
                    signedLogoutRequest(requestId, IDP_KEY, others, Instant.now(), PORTAL.base() + "/cie/slo"));
            assertRefusedWith(response, requestId, StatusCode.UNKNOWN_PRINCIPAL);
            assertThat(isLoggedIn(victim)).isTrue();
        }
    }

    @Test
    void logoutRequestSignedByTheIdpGetsASignedLogoutResponse() throws Exception {
        try (CieBrowser browser = new CieBrowser(false, "it", PORTAL.base())) {
            Session session = logIn(browser, TestCitizen.GIUSEPPE_ESPOSITO);
            browser.client().getOptions().setRedirectEnabled(false);
            String requestId = SamlIds.newId();
            Page answer = browser.get("/cie/slo?" + signedLogoutRequest(requestId, IDP_KEY, session, Instant.now(),
                    PORTAL.base() + "/cie/slo"));
            assertThat(answer.getWebResponse().getStatusCode()).isEqualTo(303);
            URI location = URI.create(answer.getWebResponse().getResponseHeaderValue("Location"));
            assertThat(location.getScheme() + "://" + location.getRawAuthority() + location.getRawPath())
                    .isEqualTo(IDP.sloRedirectUrl());
            String query = location.getRawQuery();
            assertThat(query).contains("&RelayState=rs-1&SigAlg=");
            assertThat(RedirectBinding.verify(query, "SAMLResponse", spCertificates(browser))).isTrue();
            String encoded = java.net.URLDecoder.decode(query.replaceAll("^SAMLResponse=([^&]*).*$", "$1"), StandardCharsets.UTF_8);
            LogoutResponse response = SecureXml.parse(RedirectBinding.decodeAndInflate(encoded, 100_000), LogoutResponse.class);
            assertThat(response.getInResponseTo()).isEqualTo(requestId);
            assertThat(response.getDestination()).isEqualTo(IDP.sloRedirectUrl());
            assertThat(response.getStatus().getStatusCode().getValue()).isEqualTo(StatusCode.SUCCESS);
        }
    }

    @Test
    void logoutRequestSignedByAnotherKeyIsRefused() throws Exception {
        try (CieBrowser browser = new CieBrowser(false, "it", PORTAL.base())) {
            Page answer = browser.get("/cie/slo?" + signedLogoutRequest(SamlIds.newId(), ATTACKER));
            assertThat(answer.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(answer.getWebResponse().getContentAsString()).contains("CIE-INVALID_LOGOUT_MESSAGE");
        }
    }

    @Test
    void unexpectedLogoutResponseLeadsHome() throws Exception {
        try (CieBrowser browser = new CieBrowser(false, "it", PORTAL.base())) {
            browser.client().getOptions().setRedirectEnabled(false);
            Page answer = browser.get("/cie/slo?SAMLResponse=anything");
            assertThat(answer.getWebResponse().getStatusCode()).isEqualTo(303);
            assertThat(answer.getWebResponse().getResponseHeaderValue("Location")).isEqualTo(PORTAL.base() + "/");
        }
    }
}
