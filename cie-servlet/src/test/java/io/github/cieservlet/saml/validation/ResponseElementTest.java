package io.github.cieservlet.saml.validation;

import static io.github.cieservlet.saml.validation.TestResponses.IDP_ENTITY_ID;
import static io.github.cieservlet.saml.validation.TestResponses.NOW;
import static io.github.cieservlet.saml.validation.TestResponses.errorOf;
import static io.github.cieservlet.saml.validation.TestResponses.issuer;
import static io.github.cieservlet.saml.validation.TestResponses.refusal;
import static io.github.cieservlet.saml.validation.TestResponses.response;
import static io.github.cieservlet.saml.validation.TestResponses.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.CieLevel;
import io.github.cieservlet.config.LevelComparison;
import io.github.cieservlet.config.RequestBinding;
import io.github.cieservlet.store.PendingRequest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;
import org.w3c.dom.Element;

/** The Response element itself (saml-check cases 8-32). */
class ResponseElementTest {

    @Test
    void case08_responseIdEmpty_isRefused() {
        Response response = response().unsignedResponse()
                .editXmlBeforeSigning(document -> document.getDocumentElement().setAttributeNS(null, "ID", "")).received();

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_MESSAGE_ATTRIBUTES);
    }

    @Test
    void case09_responseIdMissing_isRefused() {
        Response response = response().unsignedResponse().edit(r -> r.setID(null)).received();

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_MESSAGE_ATTRIBUTES);
    }

    @Test
    void signedResponseWithoutId_isRefusedAtTheSignature() {
        Response response = response().edit(r -> r.setID(null)).received();

        assertThat(errorOf(response)).isEqualTo(CieError.SIGNATURE_INVALID);
    }

    @Test
    void case10_responseVersionNot20_isRefused() {
        Response response = response().edit(r -> r.setVersion(SAMLVersion.VERSION_11)).received();

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_MESSAGE_ATTRIBUTES);
    }

    @Test
    void case12_responseIssueInstantMissing_isRefused() {
        Response response = response().edit(r -> r.setIssueInstant(null)).received();

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_ISSUE_INSTANT);
    }

    @Test
    void case14_responseIssueInstantBeforeTheRequest_isRefused() {
        Response response = response().edit(r -> r.setIssueInstant(Instant.parse("2018-01-01T00:00:00Z"))).received();

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_ISSUE_INSTANT);
    }

    @Test
    void case15_responseIssueInstantInTheFuture_isRefused() {
        Response response = response().edit(r -> r.setIssueInstant(Instant.parse("2099-01-01T00:00:00Z"))).received();

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_ISSUE_INSTANT);
    }

    @Test
    void case110_issueInstantsWithoutMilliseconds_areAccepted() throws CieAuthenticationException {
        Response response = response().editXmlBeforeSigning(document -> {
            document.getDocumentElement().setAttributeNS(null, "IssueInstant", "2025-03-14T10:15:29Z");
            TestResponses.assertionElement(document).setAttributeNS(null, "IssueInstant", "2025-03-14T10:15:29Z");
        }).received();

        assertThat(response.getDOM().getAttribute("IssueInstant")).isEqualTo("2025-03-14T10:15:29Z");
        assertThat(response.getAssertions().get(0).getIssueInstant()).isEqualTo(Instant.parse("2025-03-14T10:15:29Z"));
        assertThat(validate(response).responseId()).isEqualTo(TestResponses.RESPONSE_ID);
    }

    @Test
    void case16_inResponseToEmpty_isRefused() {
        Response response = response()
                .editXmlBeforeSigning(document -> document.getDocumentElement().setAttributeNS(null, "InResponseTo", "")).received();

        assertThat(response.getDOM().hasAttribute("InResponseTo")).isTrue();
        assertThat(errorOf(response)).isEqualTo(CieError.UNKNOWN_REQUEST);
    }

    @Test
    void case17_inResponseToMissing_isRefused() {
        assertThat(errorOf(response().edit(r -> r.setInResponseTo(null)).received())).isEqualTo(CieError.UNKNOWN_REQUEST);
    }

    @Test
    void case18_inResponseToAnotherRequest_isRefused() {
        CieAuthenticationException refusal = refusal(response().edit(r -> r.setInResponseTo("_another-request")).received());

        assertThat(refusal.error()).isEqualTo(CieError.UNKNOWN_REQUEST);
        assertThat(refusal.getMessage()).contains("'_another-request'", TestResponses.REQUEST_ID);
    }

    @Test
    void answerToAnExpiredPendingRequest_isRefused() {
        PendingRequest expired = new PendingRequest(TestResponses.REQUEST_ID, TestResponses.REQUEST_INSTANT, CieLevel.L3,
                LevelComparison.MINIMUM, "/", "https://idp.example/sso", RequestBinding.POST, NOW.minusMillis(1));

        assertThat(refusal(response().received(), expired).error()).isEqualTo(CieError.REQUEST_EXPIRED);
    }

    @Test
    void case19_destinationEmpty_isRefused() {
        Response response = response()
                .editXmlBeforeSigning(document -> document.getDocumentElement().setAttributeNS(null, "Destination", "")).received();

        assertThat(response.getDOM().hasAttribute("Destination")).isTrue();
        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_DESTINATION);
    }

    @Test
    void case20_destinationMissing_isRefused() {
        assertThat(errorOf(response().edit(r -> r.setDestination(null)).received())).isEqualTo(CieError.INVALID_DESTINATION);
    }

    @Test
    void case21_destinationNotTheAcsUrl_isRefused() {
        Response response = response().edit(r -> r.setDestination("https://portale.comune.example.it/servizi/spid/acs")).received();

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_DESTINATION);
    }

    @Test
    void case22_statusWithoutStatusCode_isRefused() {
        Response response = response().edit(r -> r.setStatus(TestResponses.build(Status.DEFAULT_ELEMENT_NAME))).received();

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_STATUS);
    }

    @Test
    void case23_statusMissing_isRefused() {
        assertThat(errorOf(response().edit(r -> r.setStatus(null)).received())).isEqualTo(CieError.INVALID_STATUS);
    }

    @Test
    void case24_statusCodeWithoutValue_isRefused() {
        Response response = response().edit(r -> r.getStatus().getStatusCode().setValue(null)).received();

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_STATUS);
    }

    @Test
    void case26_statusNotSuccess_isRefusedAsTheIdpAnswer() {
        Response response = response().edit(r -> r.getStatus().getStatusCode().setValue(StatusCode.REQUESTER)).received();

        assertThat(errorOf(response)).isEqualTo(CieError.IDP_REQUEST_REJECTED);
    }

    @Test
    void case27_issuerEmpty_isRefused() {
        assertThat(errorOf(response().edit(r -> r.setIssuer(issuer("", null))).received())).isEqualTo(CieError.INVALID_ISSUER);
    }

    @Test
    void case28_issuerMissing_isRefused() {
        assertThat(errorOf(response().edit(r -> r.setIssuer(null)).received())).isEqualTo(CieError.INVALID_ISSUER);
    }

    @Test
    void case29_issuerNotTheIdp_isRefused() {
        Response response = response().edit(r -> r.setIssuer(issuer("https://idp.attacker.example", null))).received();

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_ISSUER);
    }

    @Test
    void issuerIsTheMetadataUrlInsteadOfTheEntityId_isRefused() {
        Response response = response().edit(r -> r.setIssuer(issuer(
                "https://preproduzione.idserver.servizicie.interno.gov.it/idp/shibboleth", null))).received();

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_ISSUER);
    }

    @Test
    void case30_issuerFormatNotEntity_isRefused() {
        Response response = response().edit(r -> r.setIssuer(issuer(IDP_ENTITY_ID, NameIDType.TRANSIENT))).received();

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_ISSUER);
    }

    @Test
    void case31_issuerFormatOmitted_asCieSendsIt_isAccepted() throws CieAuthenticationException {
        Response response = response().received();

        assertThat(response.getIssuer().getFormat()).isNull();
        assertThat(validate(response).identity().getIdpEntityId()).isEqualTo(IDP_ENTITY_ID);
    }

    @Test
    void issuerFormatEntity_isAccepted() throws CieAuthenticationException {
        Response response = response().edit(r -> r.setIssuer(issuer(IDP_ENTITY_ID, NameIDType.ENTITY))).received();

        assertThat(validate(response).responseId()).isEqualTo(TestResponses.RESPONSE_ID);
    }

    @Test
    void issuersWrappedInNewlines_asCieSendsThem_areAccepted() throws CieAuthenticationException {
        Response response = response().editXmlBeforeSigning(document -> {
            issuerElement(document.getDocumentElement()).setTextContent("\n    " + IDP_ENTITY_ID + "\n  ");
            issuerElement(TestResponses.assertionElement(document)).setTextContent("\n      " + IDP_ENTITY_ID + "\n    ");
        }).received();

        assertThat(response.getIssuer().getDOM().getTextContent()).startsWith("\n");
        assertThat(response.getAssertions().get(0).getIssuer().getDOM().getTextContent()).startsWith("\n");
        assertThat(validate(response).responseId()).isEqualTo(TestResponses.RESPONSE_ID);
    }

    @Test
    void case32_successWithoutAssertion_isRefused() {
        Response response = response().edit(r -> r.getAssertions().clear()).received();

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_ASSERTION);
    }

    private static Element issuerElement(Element parent) {
        return TestResponses.child(parent, SAMLConstants.SAML20_NS, Issuer.DEFAULT_ELEMENT_LOCAL_NAME);
    }
}
