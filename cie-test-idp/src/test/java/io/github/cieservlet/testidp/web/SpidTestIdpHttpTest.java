package io.github.cieservlet.testidp.web;

import static io.github.cieservlet.testidp.testing.LocalPortal.field;
import static io.github.cieservlet.testidp.testing.LocalPortal.formAction;
import static io.github.cieservlet.testidp.testing.LocalPortal.samlResponse;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.CieLevel;
import io.github.cieservlet.saml.EnvelopedSignatureVerifier;
import io.github.cieservlet.saml.SecureXml;
import io.github.cieservlet.testidp.idp.IdpEndpoints;
import io.github.cieservlet.testidp.idp.IdpScheme;
import io.github.cieservlet.testidp.testing.LocalPortal;
import io.github.cieservlet.testidp.testing.TestSp;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.support.SignatureValidator;

/**
 * The SPID and FICEP test IdPs in a real servlet container, next to a stand-in service provider publishing its
 * SPID metadata at {@code /cie/metadata/spid}: a browser's logins, request by request, driving the choice page
 * by the ids and names the module README documents.
 */
class SpidTestIdpHttpTest {

    private static final String SPID = "/cie-test-idp/spid";
    private static final String FICEP = "/cie-test-idp/ficep";

    private static LocalPortal portal;

    @BeforeAll
    static void start() throws Exception {
        portal = LocalPortal.start();
    }

    @AfterAll
    static void stop() throws Exception {
        portal.close();
    }

    @Test
    void aSpidPostLoginEndsWithTheRequestedAttributesSignedByTheSpidIdpKey() throws Exception {
        AuthnRequest request = TestSp.validSpidRequest(portal.base() + SPID + "/sso", Instant.now());
        HttpResponse<String> chooser = portal.post(SPID + "/sso", Map.of(
                "SAMLRequest", TestSp.signedPost(request, TestSp.key()), "RelayState", "abc"));
        assertThat(chooser.statusCode()).isEqualTo(200);
        assertThat(chooser.body()).contains("Entra con SPID", "id=\"citizen-MARIO_ROSSI\"",
                "id=\"outcome-SUCCESS\"", "id=\"outcome-WRONG_CREDENTIALS\"", "id=\"outcome-WRONG_IDENTITY_TYPE\"",
                "id=\"level-L2\"", "name, familyName, fiscalNumber, dateOfBirth", "D&#39;Angelo")
                .doesNotContain("CARD_EXPIRED_OR_REVOKED", "<script");
        assertThat(formAction(chooser.body())).isEqualTo(portal.base() + SPID + "/continue");

        HttpResponse<String> autoPost = portal.post(SPID + "/continue", Map.of("token", field(chooser.body(), "token"),
                "citizen", "ANNA_MARIA_BIANCHI", "outcome", "SUCCESS", "level", "L2"));
        assertThat(autoPost.statusCode()).isEqualTo(200);
        assertThat(formAction(autoPost.body())).isEqualTo(portal.acsUrl());
        assertThat(field(autoPost.body(), "RelayState")).isEqualTo("abc");
        Response response = samlResponse(autoPost.body());
        X509Certificate spidKey = portal.idpCertificate(SPID + "/metadata");
        assertThat(spidKey).isNotEqualTo(portal.idpCertificate(IdpEndpoints.METADATA_PATH));
        SignatureValidator.validate(response.getSignature(), new BasicX509Credential(spidKey));
        Assertion assertion = response.getAssertions().get(0);
        SignatureValidator.validate(assertion.getSignature(), new BasicX509Credential(spidKey));
        assertThat(response.getIssuer().getValue()).isEqualTo(portal.base() + SPID);
        assertThat(response.getInResponseTo()).isEqualTo(request.getID());
        assertThat(assertion.getAuthnStatements().get(0).getAuthnContext().getAuthnContextClassRef().getURI())
                .isEqualTo(CieLevel.L2.uri());
        assertThat(attributes(assertion)).containsExactly(Map.entry("name", "Anna Maria"),
                Map.entry("familyName", "Bianchi"), Map.entry("fiscalNumber", "TINIT-BNCNMR92E57F205N"),
                Map.entry("dateOfBirth", "1992-05-17"));
    }

    @Test
    void aSpidRedirectLoginCanEndWithEachSpidErrorCode() throws Exception {
        for (String outcome : List.of("WRONG_CREDENTIALS", "NO_CREDENTIALS_FOR_LEVEL", "TIMEOUT", "CONSENT_DENIED",
                "IDENTITY_SUSPENDED_OR_REVOKED", "CANCELLED", "WRONG_IDENTITY_TYPE")) {
            AuthnRequest request = TestSp.validSpidRequest(portal.base() + SPID + "/sso", Instant.now());
            String query = TestSp.redirectQuery(SecureXml.toXml(request), "xyz", TestSp.key());
            HttpResponse<String> chooser = portal.get(SPID + "/sso?" + query);
            assertThat(chooser.statusCode()).as(outcome).isEqualTo(200);
            HttpResponse<String> autoPost = portal.post(SPID + "/continue", Map.of("token",
                    field(chooser.body(), "token"), "citizen", "MARIO_ROSSI", "outcome", outcome, "level", "L2"));
            Response response = samlResponse(autoPost.body());
            assertThat(response.getStatus().getStatusCode().getValue()).isEqualTo(StatusCode.RESPONDER);
            assertThat(response.getStatus().getStatusMessage().getValue()).as(outcome).matches("ErrorCode nr\\d\\d");
            assertThat(response.getAssertions()).isEmpty();
            assertThat(autoPost.body()).contains(response.getStatus().getStatusMessage().getValue().substring(10));
        }
    }

    @Test
    void anOutcomeOrATokenOfAnotherIdpIsRefused() throws Exception {
        HttpResponse<String> cieOutcome = portal.post(SPID + "/continue", Map.of("token", spidToken(),
                "citizen", "MARIO_ROSSI", "outcome", "CARD_EXPIRED_OR_REVOKED", "level", "L2"));
        assertThat(cieOutcome.statusCode()).isEqualTo(400);
        HttpResponse<String> ciePerson = portal.post(SPID + "/continue", Map.of("token", spidToken(),
                "citizen", "BIANCA_VERDI", "outcome", "SUCCESS", "level", "L2"));
        assertThat(ciePerson.statusCode()).isEqualTo(400);
        HttpResponse<String> spidTokenAtCie = portal.post(IdpEndpoints.CONTINUE_PATH, Map.of("token", spidToken(),
                "citizen", "MARIO_ROSSI", "outcome", "SUCCESS", "level", "L2"));
        assertThat(spidTokenAtCie.statusCode()).isEqualTo(400);
    }

    @Test
    void aBadSpidRequestGoesBackAsAnErrorResponse() throws Exception {
        AuthnRequest request = TestSp.validSpidRequest(portal.base() + SPID + "/sso", Instant.now());
        request.setForceAuthn(Boolean.FALSE);
        HttpResponse<String> autoPost = portal.post(SPID + "/sso", Map.of(
                "SAMLRequest", TestSp.signedPost(request, TestSp.key())));
        Response response = samlResponse(autoPost.body());
        assertThat(response.getStatus().getStatusMessage().getValue()).isEqualTo("ErrorCode nr08");
        assertThat(response.getIssuer().getValue()).isEqualTo(portal.base() + SPID);
    }

    @Test
    void ficepReleasesTheFullEidasSetOfAForeignCitizen() throws Exception {
        AuthnRequest request = TestSp.validSpidRequest(portal.base() + FICEP + "/sso", Instant.now());
        request.setAttributeConsumingServiceIndex(100);
        HttpResponse<String> chooser = portal.post(FICEP + "/sso", Map.of(
                "SAMLRequest", TestSp.signedPost(request, TestSp.key())));
        assertThat(chooser.statusCode()).isEqualTo(200);
        assertThat(chooser.body()).contains("Entra con eIDAS (FICEP)", "id=\"citizen-LUCIA_ESPOSITO\"",
                "id=\"citizen-HANS_MUELLER\"", "AttributeConsumingServiceIndex 100");
        HttpResponse<String> autoPost = portal.post(FICEP + "/continue", Map.of("token", field(chooser.body(), "token"),
                "citizen", "HANS_MUELLER", "outcome", "SUCCESS", "level", "L3"));
        Response response = samlResponse(autoPost.body());
        SignatureValidator.validate(response.getSignature(),
                new BasicX509Credential(portal.idpCertificate(FICEP + "/metadata")));
        assertThat(response.getIssuer().getValue()).isEqualTo(portal.base() + FICEP);
        assertThat(attributes(response.getAssertions().get(0))).containsOnlyKeys("spidCode", "name", "familyName",
                "dateOfBirth", "placeOfBirth", "address", "gender").containsEntry("familyName", "Müller");
    }

    @Test
    void metadataIsSignedAndTheSsoRefusesOtherMethods() throws Exception {
        for (String idp : List.of(SPID, FICEP)) {
            HttpResponse<String> metadata = portal.get(idp + "/metadata");
            assertThat(metadata.statusCode()).isEqualTo(200);
            assertThat(metadata.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/samlmetadata+xml"));
            EntityDescriptor entity = SecureXml.parse(metadata.body().getBytes(StandardCharsets.UTF_8),
                    EntityDescriptor.class);
            assertThat(entity.getEntityID()).isEqualTo(portal.base() + idp);
            assertThat(EnvelopedSignatureVerifier.isValid(entity, List.of(portal.idpCertificate(idp + "/metadata"))))
                    .isTrue();
        }
        assertThat(new IdpEndpoints(IdpScheme.SPID, portal.base()).metadataUrl()).isEqualTo(portal.base() + SPID
                + "/metadata");
        assertThat(portal.get(SPID + "/continue").body()).contains("ErrorCode nr06");
        assertThat(portal.get(SPID + "/slo").body()).contains("Logout effettuato con successo");
    }

    @Test
    void aLogoutRequestIsAnsweredWithASignedLogoutResponseToTheSpSingleLogoutService() throws Exception {
        LogoutRequest request = TestSp.logoutRequest(portal.base() + SPID + "/slo", portal.base() + SPID, Instant.now());
        String query = TestSp.redirectQuery(SecureXml.toXml(request), "rs1", TestSp.key());
        HttpResponse<String> autoPost = portal.get(SPID + "/slo?" + query);
        assertThat(autoPost.statusCode()).isEqualTo(200);
        assertThat(formAction(autoPost.body())).isEqualTo("http://localhost:8080/portale/cie/slo");
        assertThat(field(autoPost.body(), "RelayState")).isEqualTo("rs1");
        LogoutResponse response = SecureXml.parse(Base64.getDecoder().decode(field(autoPost.body(), "SAMLResponse")),
                LogoutResponse.class);
        SignatureValidator.validate(response.getSignature(),
                new BasicX509Credential(portal.idpCertificate(SPID + "/metadata")));
        assertThat(response.getInResponseTo()).isEqualTo(request.getID());
        assertThat(response.getStatus().getStatusCode().getValue()).isEqualTo(StatusCode.SUCCESS);
        assertThat(response.getIssuer().getValue()).isEqualTo(portal.base() + SPID);
        assertThat(response.getIssuer().getFormat()).isEqualTo(NameIDType.ENTITY);
        assertThat(response.getDestination()).isEqualTo("http://localhost:8080/portale/cie/slo");
    }

    @Test
    void aMisaddressedLogoutRequestIsDeniedAndAnUnsignedOneIsRefusedOnTheIdpPage() throws Exception {
        LogoutRequest misaddressed = TestSp.logoutRequest(portal.base() + SPID + "/sso", portal.base() + SPID,
                Instant.now());
        HttpResponse<String> denied = portal.post(FICEP + "/slo", Map.of(
                "SAMLRequest", TestSp.signedPost(misaddressed, TestSp.key())));
        LogoutResponse response = SecureXml.parse(Base64.getDecoder().decode(field(denied.body(), "SAMLResponse")),
                LogoutResponse.class);
        assertThat(response.getStatus().getStatusCode().getValue()).isEqualTo(StatusCode.REQUESTER);
        assertThat(response.getStatus().getStatusCode().getStatusCode().getValue()).isEqualTo(StatusCode.REQUEST_DENIED);
        assertThat(response.getIssuer().getValue()).isEqualTo(portal.base() + FICEP);

        LogoutRequest unsigned = TestSp.logoutRequest(portal.base() + SPID + "/slo", portal.base() + SPID,
                Instant.now());
        HttpResponse<String> refused = portal.post(SPID + "/slo", Map.of("SAMLRequest",
                TestSp.base64(SecureXml.toXml(unsigned))));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("ErrorCode nr07").doesNotContain("SAMLResponse");
    }

    private static String spidToken() throws Exception {
        AuthnRequest request = TestSp.validSpidRequest(portal.base() + SPID + "/sso", Instant.now());
        HttpResponse<String> chooser = portal.post(SPID + "/sso", Map.of(
                "SAMLRequest", TestSp.signedPost(request, TestSp.key())));
        return field(chooser.body(), "token");
    }

    private static Map<String, String> attributes(Assertion assertion) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Attribute attribute : assertion.getAttributeStatements().get(0).getAttributes()) {
            values.put(attribute.getName(), attribute.getAttributeValues().get(0).getDOM().getTextContent());
        }
        return values;
    }
}
