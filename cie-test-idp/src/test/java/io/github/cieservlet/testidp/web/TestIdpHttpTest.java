package io.github.cieservlet.testidp.web;

import static org.assertj.core.api.Assertions.assertThat;
import static io.github.cieservlet.testidp.testing.LocalPortal.field;
import static io.github.cieservlet.testidp.testing.LocalPortal.formAction;
import static io.github.cieservlet.testidp.testing.LocalPortal.samlResponse;

import io.github.cieservlet.CieLevel;
import io.github.cieservlet.saml.SecureXml;
import io.github.cieservlet.testidp.idp.IdpEndpoints;
import io.github.cieservlet.testidp.testing.LocalPortal;
import io.github.cieservlet.testidp.testing.TestSp;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.support.SignatureValidator;

/**
 * The test IdP inside a real servlet container, next to a stand-in service provider that only publishes its
 * metadata: what a browser does, request by request.
 */
class TestIdpHttpTest {

    private static LocalPortal portal;
    private static String base;
    private static String acsUrl;

    @BeforeAll
    static void start() throws Exception {
        portal = LocalPortal.start();
        base = portal.base();
        acsUrl = portal.acsUrl();
    }

    @AfterAll
    static void stop() throws Exception {
        portal.close();
    }

    @Test
    void postLoginEndsWithASignedAssertionForTheChosenCitizenAndLevel() throws Exception {
        X509Certificate idpCertificate = idpCertificate();
        AuthnRequest authnRequest = TestSp.validRequest(base + IdpEndpoints.SSO_POST_PATH, Instant.now());
        HttpResponse<String> chooser = post(IdpEndpoints.SSO_POST_PATH, Map.of(
                "SAMLRequest", TestSp.signedPost(authnRequest, TestSp.key()), "RelayState", "abc"));
        assertThat(chooser.statusCode()).isEqualTo(200);
        assertThat(chooser.body()).contains("MARIO ROSSI", "RSSMRA80A01H501U", "D&#39;ANGELO", "nr22", "nr25")
                .doesNotContain("<script");
        assertThat(formAction(chooser.body())).isEqualTo(base + IdpEndpoints.CONTINUE_PATH);
        assertThat(portal.spMetadataReads()).isPositive();
        String token = field(chooser.body(), "token");

        HttpResponse<String> autoPost = post(IdpEndpoints.CONTINUE_PATH, Map.of("token", token,
                "citizen", "ANNA_MARIA_D_ANGELO", "outcome", "SUCCESS", "level", "L2"));
        assertThat(autoPost.statusCode()).isEqualTo(200);
        assertThat(autoPost.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'none'", "script-src 'sha256-"));
        assertThat(autoPost.body()).contains("<noscript>", "<button type=\"submit\">");
        assertThat(formAction(autoPost.body())).isEqualTo(acsUrl);
        assertThat(field(autoPost.body(), "RelayState")).isEqualTo("abc");

        Response response = samlResponse(autoPost.body());
        assertThat(response.getInResponseTo()).isEqualTo(authnRequest.getID());
        SignatureValidator.validate(response.getSignature(), new BasicX509Credential(idpCertificate));
        Assertion assertion = response.getAssertions().get(0);
        SignatureValidator.validate(assertion.getSignature(), new BasicX509Credential(idpCertificate));
        assertThat(assertion.getAuthnStatements().get(0).getAuthnContext().getAuthnContextClassRef().getURI())
                .isEqualTo(CieLevel.L2.uri());
        assertThat(assertion.getAttributeStatements().get(0).getAttributes()).anySatisfy(attribute ->
                assertThat(attribute.getDOM().getTextContent()).isEqualTo("TINIT-DNGNMR01P49L219V"));

        HttpResponse<String> replay = post(IdpEndpoints.CONTINUE_PATH, Map.of("token", token,
                "citizen", "MARIO_ROSSI", "outcome", "SUCCESS", "level", "L3"));
        assertThat(replay.statusCode()).isEqualTo(400);
    }

    @Test
    void redirectLoginCanEndWithDeniedConsent() throws Exception {
        AuthnRequest authnRequest = TestSp.validRequest(base + IdpEndpoints.SSO_REDIRECT_PATH, Instant.now());
        String query = TestSp.redirectQuery(SecureXml.toXml(authnRequest), "xyz", TestSp.key());
        HttpResponse<String> chooser = get(IdpEndpoints.SSO_REDIRECT_PATH + "?" + query);
        assertThat(chooser.statusCode()).isEqualTo(200);

        HttpResponse<String> autoPost = post(IdpEndpoints.CONTINUE_PATH, Map.of("token", field(chooser.body(), "token"),
                "citizen", "MARIO_ROSSI", "outcome", "CONSENT_DENIED", "level", "L3"));
        Response response = samlResponse(autoPost.body());
        assertThat(response.getStatus().getStatusCode().getValue()).isEqualTo(StatusCode.RESPONDER);
        assertThat(response.getStatus().getStatusMessage().getValue()).isEqualTo("ErrorCode nr22");
        assertThat(response.getAssertions()).isEmpty();
        assertThat(field(autoPost.body(), "RelayState")).isEqualTo("xyz");
    }

    @Test
    void aBadRequestGoesBackAsAnErrorResponseWithItsRelayStateEscaped() throws Exception {
        AuthnRequest authnRequest = TestSp.validRequest(base + IdpEndpoints.SSO_REDIRECT_PATH, Instant.now());
        String relayState = "\"><script>alert(1)</script>";
        HttpResponse<String> autoPost = post(IdpEndpoints.SSO_POST_PATH, Map.of(
                "SAMLRequest", TestSp.signedPost(authnRequest, TestSp.key()), "RelayState", relayState));
        assertThat(autoPost.statusCode()).isEqualTo(200);
        assertThat(autoPost.body()).doesNotContain("<script>alert").contains("&quot;&gt;&lt;script&gt;");
        assertThat(field(autoPost.body(), "RelayState")).isEqualTo(relayState);
        Response response = samlResponse(autoPost.body());
        assertThat(response.getStatus().getStatusMessage().getValue()).isEqualTo("ErrorCode nr14");
        assertThat(response.getDestination()).isEqualTo(acsUrl);
    }

    @Test
    void theIdpShowsItsOwnPageForSignatureAndMethodErrors() throws Exception {
        String unsigned = TestSp.base64(SecureXml.toXml(TestSp.validRequest(base + IdpEndpoints.SSO_POST_PATH,
                Instant.now())));
        HttpResponse<String> nr07 = post(IdpEndpoints.SSO_POST_PATH, Map.of("SAMLRequest", unsigned));
        assertThat(nr07.statusCode()).isEqualTo(403);
        assertThat(nr07.body()).contains("ErrorCode nr07").doesNotContain("Exception");

        HttpResponse<String> nr06 = get(IdpEndpoints.SSO_POST_PATH);
        assertThat(nr06.statusCode()).isEqualTo(403);
        assertThat(nr06.body()).contains("ErrorCode nr06");
        assertThat(post(IdpEndpoints.SSO_REDIRECT_PATH, Map.of("SAMLRequest", "x")).body()).contains("nr06");
        assertThat(post(IdpEndpoints.METADATA_PATH, Map.of()).statusCode()).isEqualTo(403);
    }

    @Test
    void logoutShowsTheMinistrysPageAndIgnoresTheRequest() throws Exception {
        HttpResponse<String> page = get(IdpEndpoints.SLO_REDIRECT_PATH + "?SAMLRequest=anything&RelayState=x");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Logout effettuato con successo").contains("lang=\"it\"");
    }

    @Test
    void metadataIsServedWithItsMediaType() throws Exception {
        HttpResponse<String> metadata = get(IdpEndpoints.METADATA_PATH);
        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(metadata.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/samlmetadata+xml"));
        EntityDescriptor entity = SecureXml.parse(metadata.body().getBytes(StandardCharsets.UTF_8), EntityDescriptor.class);
        assertThat(entity.getEntityID()).isEqualTo(base + IdpEndpoints.SSO_POST_PATH);
    }

    private static X509Certificate idpCertificate() throws Exception {
        return portal.idpCertificate(IdpEndpoints.METADATA_PATH);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return portal.get(path);
    }

    private static HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        return portal.post(path, form);
    }
}
