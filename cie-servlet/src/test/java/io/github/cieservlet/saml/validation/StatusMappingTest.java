package io.github.cieservlet.saml.validation;

import static io.github.cieservlet.saml.validation.TestResponses.error;
import static io.github.cieservlet.saml.validation.TestResponses.errorOf;
import static io.github.cieservlet.saml.validation.TestResponses.refusal;
import static io.github.cieservlet.saml.validation.TestResponses.response;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.testing.TestCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.StatusCode;

/**
 * Error Responses of the identity provider (saml-check cases 26 and 104-111; CIE-SAML {@code codiciErrore.rst}):
 * the {@code ErrorCode nrNN} becomes the error the citizen is shown, but only for a Response that answers this
 * browser's request and, when signed, is signed by the identity provider.
 */
class StatusMappingTest {

    private static final String PREFIX = "urn:oasis:names:tc:SAML:2.0:status:";

    @ParameterizedTest(name = "{0}/{1} ''{2}'' -> {3}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            Responder | AuthnFailed        | ErrorCode nr21 | IDP_TIMEOUT
            Responder | AuthnFailed        | ErrorCode nr22 | IDP_CONSENT_DENIED
            Responder | AuthnFailed        | ErrorCode nr23 | IDP_CARD_EXPIRED_OR_REVOKED
            Responder | AuthnFailed        | ErrorCode nr25 | IDP_CANCELLED
            Responder | AuthnFailed        | ErrorCode nr19 | IDP_AUTHENTICATION_FAILED
            Responder | AuthnFailed        | ErrorCode nr20 | IDP_AUTHENTICATION_FAILED
            Responder | AuthnFailed        | ErrorCode nr24 | IDP_AUTHENTICATION_FAILED
            Responder | AuthnFailed        | ErrorCode nr30 | IDP_AUTHENTICATION_FAILED
            Requester | RequestUnsupported | ErrorCode nr08 | IDP_REQUEST_REJECTED
            VersionMismatch | null       | ErrorCode nr09 | IDP_REQUEST_REJECTED
            Requester | NoAuthnContext     | ErrorCode nr12 | IDP_REQUEST_REJECTED
            Requester | RequestUnsupported | ErrorCode nr18 | IDP_REQUEST_REJECTED
            Responder | AuthnFailed        | ErrorCode nr021 | IDP_TIMEOUT
            Responder | AuthnFailed        | Errore: ErrorCode nr22 - consenso negato | IDP_CONSENT_DENIED
            Responder | AuthnFailed        | ErrorCode nr99 | IDP_AUTHENTICATION_FAILED
            Requester | RequestDenied      | ErrorCode nr99 | IDP_REQUEST_REJECTED
            Responder | AuthnFailed        | ErrorCode nr000000000000000000000000000021 | IDP_TIMEOUT
            Responder | AuthnFailed        | ErrorCode nr99999999999999999999 | IDP_AUTHENTICATION_FAILED
            Requester | null               | null           | IDP_REQUEST_REJECTED
            Responder | null               | null           | IDP_AUTHENTICATION_FAILED
            Responder | AuthnFailed        | autenticazione fallita | IDP_AUTHENTICATION_FAILED
            Responder | AuthnFailed        | ErrorCode nr7  | IDP_AUTHENTICATION_FAILED
            Responder | AuthnFailed        | ErrorCode nr8  | IDP_REQUEST_REJECTED
            Responder | AuthnFailed        | ErrorCode nr18 | IDP_REQUEST_REJECTED
            """)
    void errorStatus_isTheMatchingIdpError(String topLevel, String subLevel, String message, CieError expected) {
        Response response = error(PREFIX + topLevel, subLevel == null ? null : PREFIX + subLevel, message).received();

        assertThat(errorOf(response)).isEqualTo(expected);
    }

    @Test
    void case106_timeout_detailNamesTheStatusAndTheCode() {
        CieAuthenticationException refusal = refusal(error(StatusCode.RESPONDER, StatusCode.AUTHN_FAILED, "ErrorCode nr21").received());

        assertThat(refusal.error()).isEqualTo(CieError.IDP_TIMEOUT);
        assertThat(refusal.getMessage()).contains(StatusCode.RESPONDER, StatusCode.AUTHN_FAILED, "nr21");
    }

    @Test
    void unsignedErrorResponse_isStillTheIdpAnswer() {
        Response response = error(StatusCode.RESPONDER, StatusCode.AUTHN_FAILED, "ErrorCode nr22").unsignedResponse().received();

        assertThat(errorOf(response)).isEqualTo(CieError.IDP_CONSENT_DENIED);
    }

    @Test
    void errorResponseSignedWithAnotherKey_isRefused() {
        Response response = error(StatusCode.RESPONDER, StatusCode.AUTHN_FAILED, "ErrorCode nr22")
                .responseSignedBy(TestCredentials.attacker()).received();

        assertThat(errorOf(response)).isEqualTo(CieError.SIGNATURE_INVALID);
    }

    @Test
    void errorResponseToAnotherRequest_isRefused() {
        Response response = error(StatusCode.RESPONDER, StatusCode.AUTHN_FAILED, "ErrorCode nr25")
                .edit(r -> r.setInResponseTo("_another-request")).received();

        assertThat(errorOf(response)).isEqualTo(CieError.UNKNOWN_REQUEST);
    }

    @Test
    void errorResponseForAnotherAcs_isRefused() {
        Response response = error(StatusCode.RESPONDER, StatusCode.AUTHN_FAILED, "ErrorCode nr25")
                .edit(r -> r.setDestination("https://other.example.it/acs")).received();

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_DESTINATION);
    }

    @Test
    void errorResponseFromAnotherIssuer_isRefused() {
        Response response = error(StatusCode.RESPONDER, StatusCode.AUTHN_FAILED, "ErrorCode nr25")
                .edit(r -> r.setIssuer(TestResponses.issuer("https://idp.attacker.example", null))).received();

        assertThat(errorOf(response)).isEqualTo(CieError.INVALID_ISSUER);
    }

    /** The detail says whether a number was read: none without a StatusMessage or an "ErrorCode nr", up to 4 digits. */
    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            null                   | without an ErrorCode
            autenticazione fallita | without an ErrorCode
            ErrorCode nr1008       | with ErrorCode nr1008
            ErrorCode nr10080      | without an ErrorCode
            ErrorCode nr0          | with ErrorCode nr0
            """)
    void refusalDetail_saysWhichErrorCodeWasRead(String message, String expected) {
        CieAuthenticationException refusal = refusal(error(StatusCode.RESPONDER, StatusCode.AUTHN_FAILED, message).received());

        assertThat(refusal.getMessage()).endsWith(expected);
    }

    /** A Status without its parts: the detail names the part that is missing. */
    @Test
    void incompleteStatus_detailNamesWhatIsMissing() {
        assertThat(refusal(response().edit(r -> r.setStatus(null)).received()).getMessage())
                .isEqualTo("Response Status is missing");
        assertThat(refusal(response().edit(r -> r.getStatus().setStatusCode(null)).received()).getMessage())
                .isEqualTo("Response Status has no StatusCode");
        assertThat(refusal(response().edit(r -> r.getStatus().getStatusCode().setValue(null)).received()).getMessage())
                .isEqualTo("Response StatusCode has no Value");
        assertThat(refusal(response().edit(r -> r.getStatus().getStatusCode().setValue(null)).received()).error())
                .isEqualTo(CieError.INVALID_STATUS);
    }
}
