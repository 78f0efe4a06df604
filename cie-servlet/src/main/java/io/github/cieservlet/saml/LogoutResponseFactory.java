package io.github.cieservlet.saml;

import io.github.cieservlet.config.CieSettings;
import io.github.cieservlet.config.SpCredentials;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;

/**
 * Builds the SP's {@code <samlp:LogoutResponse>} to an identity provider's LogoutRequest (Success, or a refusal
 * with a second-level status) and encodes it for the HTTP-Redirect binding, signed with the SP key.
 */
public final class LogoutResponseFactory {

    /** The query parameter that carries a response. */
    public static final String PARAM = "SAMLResponse";

    private final String entityId;
    private final SpCredentials credentials;

    /** @param settings the SP settings (entity ID, credentials) */
    public LogoutResponseFactory(CieSettings settings) {
        this.entityId = settings.entityId();
        this.credentials = settings.credentials();
    }

    /**
     * @param responseId the response ID, e.g. from {@link SamlIds#newId()}
     * @param inResponseTo the ID of the LogoutRequest answered
     * @param issueInstant now; sent in UTC with millisecond precision
     * @param destination the IdP HTTP-Redirect SingleLogoutService Location
     * @return a new, unsigned LogoutResponse with status Success
     */
    public LogoutResponse create(String responseId, String inResponseTo, Instant issueInstant, String destination) {
        return create(responseId, inResponseTo, issueInstant, destination, StatusCode.SUCCESS, null);
    }

    /**
     * @param responseId the response ID, e.g. from {@link SamlIds#newId()}
     * @param inResponseTo the ID of the LogoutRequest answered
     * @param issueInstant now; sent in UTC with millisecond precision
     * @param destination the IdP HTTP-Redirect SingleLogoutService Location
     * @param statusCode the top-level status, e.g. {@link StatusCode#REQUESTER}
     * @param subStatusCode the second-level status, e.g. {@link StatusCode#REQUEST_DENIED}, or null for none
     * @return a new, unsigned LogoutResponse with that status
     */
    public LogoutResponse create(String responseId, String inResponseTo, Instant issueInstant, String destination,
            String statusCode, String subStatusCode) {
        LogoutResponse response = SamlObjects.build(LogoutResponse.DEFAULT_ELEMENT_NAME, LogoutResponse.class);
        response.setID(Objects.requireNonNull(responseId, "responseId"));
        response.setVersion(SAMLVersion.VERSION_20);
        response.setIssueInstant(issueInstant.truncatedTo(ChronoUnit.MILLIS));
        response.setInResponseTo(Objects.requireNonNull(inResponseTo, "inResponseTo"));
        response.setDestination(Objects.requireNonNull(destination, "destination"));
        response.setIssuer(SamlObjects.entityIssuer(entityId));
        StatusCode code = SamlObjects.build(StatusCode.DEFAULT_ELEMENT_NAME, StatusCode.class);
        code.setValue(Objects.requireNonNull(statusCode, "statusCode"));
        if (subStatusCode != null) {
            StatusCode second = SamlObjects.build(StatusCode.DEFAULT_ELEMENT_NAME, StatusCode.class);
            second.setValue(subStatusCode);
            code.setStatusCode(second);
        }
        Status status = SamlObjects.build(Status.DEFAULT_ELEMENT_NAME, Status.class);
        status.setStatusCode(code);
        response.setStatus(status);
        return response;
    }

    /**
     * @param response the response
     * @param relayState the RelayState received with the request, or null
     * @return {@code SAMLResponse=...[&RelayState=...]&SigAlg=...&Signature=...}, to append to its Destination
     */
    public String redirectQuery(LogoutResponse response, String relayState) {
        return RedirectBinding.signedQuery(PARAM, SecureXml.toXml(response), relayState, credentials.privateKey(),
                credentials.certificate());
    }
}
