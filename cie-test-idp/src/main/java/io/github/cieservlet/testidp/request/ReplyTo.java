package io.github.cieservlet.testidp.request;

import java.util.Objects;

/**
 * Where and to what a Response goes back: the service provider, its ACS, the request answered and the
 * RelayState to return unchanged.
 *
 * @param spEntityId the service provider's entity ID (Audience and SPNameQualifier)
 * @param acsUrl the Assertion Consumer Service URL (Destination and Recipient)
 * @param inResponseTo the ID of the AuthnRequest, or null when it had none
 * @param relayState the RelayState received, or null
 */
public record ReplyTo(String spEntityId, String acsUrl, String inResponseTo, String relayState) {

    /** Checks the mandatory fields. */
    public ReplyTo {
        Objects.requireNonNull(spEntityId, "spEntityId");
        Objects.requireNonNull(acsUrl, "acsUrl");
    }
}
