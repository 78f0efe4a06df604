package io.github.cieservlet.saml.validation;

import static io.github.cieservlet.saml.validation.TestResponses.IDP_ENTITY_ID;
import static io.github.cieservlet.saml.validation.TestResponses.errorOf;
import static io.github.cieservlet.saml.validation.TestResponses.issuer;
import static io.github.cieservlet.saml.validation.TestResponses.response;
import static io.github.cieservlet.saml.validation.TestResponses.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.Response;

/**
 * The Assertion's own attributes and Issuer (saml-check cases 33-40 and 67-72). Cases 33-34 (Assertion ID
 * empty or missing) are refused at the signature, see {@link SignatureValidationTest}.
 */
class AssertionElementTest {

    @Test
    void case35_assertionVersionNot20_isRefused() {
        Response response = response().editAssertion(assertion -> assertion.setVersion(SAMLVersion.VERSION_11)).received();

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_MESSAGE_ATTRIBUTES);
    }

    @Test
    void case37_assertionIssueInstantMissing_isRefused() {
        Response response = response().editAssertion(assertion -> assertion.setIssueInstant(null)).received();

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_ISSUE_INSTANT);
    }

    @Test
    void case39_assertionIssueInstantBeforeTheRequest_isRefused() {
        Response response = response()
                .editAssertion(assertion -> assertion.setIssueInstant(Instant.parse("2018-01-01T00:00:00Z"))).received();

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_ISSUE_INSTANT);
    }

    @Test
    void case40_assertionIssueInstantInTheFuture_isRefused() {
        Response response = response()
                .editAssertion(assertion -> assertion.setIssueInstant(Instant.parse("2099-01-01T00:00:00Z"))).received();

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_ISSUE_INSTANT);
    }

    @Test
    void case67_assertionIssuerEmpty_isRefused() {
        Response response = response().editAssertion(assertion -> assertion.setIssuer(issuer("", null))).received();

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_ISSUER);
    }

    @Test
    void case68_assertionIssuerMissing_isRefused() {
        Response response = response().editAssertion(assertion -> assertion.setIssuer(null)).received();

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_ISSUER);
    }

    @Test
    void case69_assertionIssuerNotTheIdp_isRefused() {
        Response response = response()
                .editAssertion(assertion -> assertion.setIssuer(issuer("https://idp.attacker.example", null))).received();

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_ISSUER);
    }

    @Test
    void case71_assertionIssuerFormatOmitted_isAcceptedForCie() throws CieAuthenticationException {
        Response response = response().received();

        assertThat(response.getAssertions().get(0).getIssuer().getFormat()).isNull();
        assertThat(validate(response).assertionId()).isEqualTo(TestResponses.ASSERTION_ID);
    }

    @Test
    void assertionIssuerFormatEntity_asInTheLongCieExample_isAccepted() throws CieAuthenticationException {
        Response response = response()
                .editAssertion(assertion -> assertion.setIssuer(issuer(IDP_ENTITY_ID, NameIDType.ENTITY))).received();

        assertThat(validate(response).assertionId()).isEqualTo(TestResponses.ASSERTION_ID);
    }

    /** Guards IssuerCheck reading an empty Format from the DOM: OpenSAML alone reads Format="" as absent. */
    @Test
    void case70_assertionIssuerFormatEmpty_isRefused() {
        Response response = response().editXmlBeforeSigning(document -> TestResponses.child(
                TestResponses.assertionElement(document), SAMLConstants.SAML20_NS, "Issuer").setAttributeNS(null, "Format", ""))
                .received();

        assertThat(response.getAssertions().get(0).getIssuer().getFormat()).isNull();
        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_ISSUER);
    }

    @Test
    void responseIssuerFormatEmpty_isRefused() {
        Response response = response().editXmlBeforeSigning(document -> TestResponses.child(
                document.getDocumentElement(), SAMLConstants.SAML20_NS, "Issuer").setAttributeNS(null, "Format", ""))
                .received();

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_ISSUER);
    }

    @Test
    void case72_assertionIssuerFormatNotEntity_isRefused() {
        Response response = response()
                .editAssertion(assertion -> assertion.setIssuer(issuer(IDP_ENTITY_ID, NameIDType.UNSPECIFIED))).received();

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_ISSUER);
    }
}
