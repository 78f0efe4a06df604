package io.github.cieservlet.saml.validation;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.core.StatusMessage;

/**
 * The {@code Status} of the Response (saml-check cases 22-26, 32 and 104-111; CIE-SAML {@code codiciErrore.rst}).
 *
 * <p>{@code Status/StatusCode/@Value} must be present ({@link CieError#INVALID_STATUS}). A Success must carry
 * its Assertion ({@link CieError#INVALID_ASSERTION}). Any other status is the identity provider telling why it
 * did not authenticate the citizen, and is turned into the matching error from the number in the
 * {@code StatusMessage} {@code ErrorCode nrNN} (leading zeros allowed):
 * <ul>
 * <li>21 {@link CieError#IDP_TIMEOUT}, 22 {@link CieError#IDP_CONSENT_DENIED},
 * 23 {@link CieError#IDP_CARD_EXPIRED_OR_REVOKED}, 25 {@link CieError#IDP_CANCELLED};</li>
 * <li>19, 20, 24, 30 {@link CieError#IDP_AUTHENTICATION_FAILED};</li>
 * <li>8 to 18 {@link CieError#IDP_REQUEST_REJECTED};</li>
 * <li>no number, or another number: top-level {@code Requester} or {@code VersionMismatch}
 * {@link CieError#IDP_REQUEST_REJECTED}, anything else {@link CieError#IDP_AUTHENTICATION_FAILED}.</li>
 * </ul>
 */
final class StatusCheck {

    private static final Pattern ERROR_CODE = Pattern.compile("ErrorCode nr(\\d+)");
    private static final int NO_NUMBER = -1;
    private static final int MAX_DIGITS = 4;

    /**
     * @param response the received Response
     * @param hasAssertion whether it carries an Assertion
     * @param profile the profile, which may give a code another meaning than CIE's
     * @throws CieAuthenticationException when the status is missing, not Success, or a Success without Assertion
     */
    void check(Response response, boolean hasAssertion, ResponseProfile profile) throws CieAuthenticationException {
        Status status = response.getStatus();
        StatusCode code = status == null ? null : status.getStatusCode();
        String value = code == null ? null : code.getValue();
        if (value == null || value.isEmpty()) {
            throw new CieAuthenticationException(CieError.INVALID_STATUS, status == null ? "Response Status is missing"
                    : code == null ? "Response Status has no StatusCode" : "Response StatusCode has no Value");
        }
        if (StatusCode.SUCCESS.equals(value)) {
            if (!hasAssertion) {
                throw new CieAuthenticationException(CieError.INVALID_ASSERTION, "Response is a Success without an Assertion");
            }
            return;
        }
        String subCode = code.getStatusCode() == null ? null : code.getStatusCode().getValue();
        StatusMessage message = status.getStatusMessage();
        int number = errorNumber(message == null ? null : message.getValue());
        throw new CieAuthenticationException(profile.statusError(number, errorFor(value, number)), "identity provider answered " + Detail.quote(value)
                + " / " + Detail.quote(subCode) + (number == NO_NUMBER ? " without an ErrorCode" : " with ErrorCode nr" + number));
    }

    private static int errorNumber(String message) {
        if (message == null) {
            return NO_NUMBER;
        }
        Matcher matcher = ERROR_CODE.matcher(message);
        if (!matcher.find()) {
            return NO_NUMBER;
        }
        String digits = matcher.group(1).replaceFirst("^0+(?=\\d)", "");
        return digits.length() > MAX_DIGITS ? NO_NUMBER : Integer.parseInt(digits);
    }

    private static CieError errorFor(String topLevel, int number) {
        switch (number) {
            case 21:
                return CieError.IDP_TIMEOUT;
            case 22:
                return CieError.IDP_CONSENT_DENIED;
            case 23:
                return CieError.IDP_CARD_EXPIRED_OR_REVOKED;
            case 25:
                return CieError.IDP_CANCELLED;
            case 19:
            case 20:
            case 24:
            case 30:
                return CieError.IDP_AUTHENTICATION_FAILED;
            default:
                if (number >= 8 && number <= 18) {
                    return CieError.IDP_REQUEST_REJECTED;
                }
                return StatusCode.REQUESTER.equals(topLevel) || StatusCode.VERSION_MISMATCH.equals(topLevel)
                        ? CieError.IDP_REQUEST_REJECTED : CieError.IDP_AUTHENTICATION_FAILED;
        }
    }
}
