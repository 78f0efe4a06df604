package io.github.cieservlet;

import java.time.Instant;
import java.util.Objects;

/**
 * The evidence of one successful CIE login: the identity, the exact XML of the signed Response as it was
 * received, the AuthnRequest it answers, and their IDs.
 */
public final class CieAuthenticationEvent {

    private final CieIdentity identity;
    private final String responseXml;
    private final String authnRequestXml;
    private final String requestId;
    private final String responseId;
    private final String assertionId;
    private final Instant receivedAt;

    /**
     * @param identity the authenticated citizen
     * @param responseXml the Response exactly as received (base64-decoded, signatures intact)
     * @param authnRequestXml the signed AuthnRequest that was sent
     * @param requestId the AuthnRequest ID (the Response's InResponseTo)
     * @param responseId the Response ID
     * @param assertionId the Assertion ID
     * @param receivedAt when the Response reached the Assertion Consumer Service
     */
    public CieAuthenticationEvent(CieIdentity identity, String responseXml, String authnRequestXml,
            String requestId, String responseId, String assertionId, Instant receivedAt) {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.responseXml = Objects.requireNonNull(responseXml, "responseXml");
        this.authnRequestXml = Objects.requireNonNull(authnRequestXml, "authnRequestXml");
        this.requestId = Objects.requireNonNull(requestId, "requestId");
        this.responseId = Objects.requireNonNull(responseId, "responseId");
        this.assertionId = Objects.requireNonNull(assertionId, "assertionId");
        this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** @return the authenticated citizen */
    public CieIdentity getIdentity() {
        return identity;
    }

    /** @return the signed Response exactly as received */
    public String getResponseXml() {
        return responseXml;
    }

    /** @return the signed AuthnRequest this Response answers */
    public String getAuthnRequestXml() {
        return authnRequestXml;
    }

    /** @return the AuthnRequest ID */
    public String getRequestId() {
        return requestId;
    }

    /** @return the Response ID */
    public String getResponseId() {
        return responseId;
    }

    /** @return the Assertion ID */
    public String getAssertionId() {
        return assertionId;
    }

    /** @return when the Response was received */
    public Instant getReceivedAt() {
        return receivedAt;
    }
}
