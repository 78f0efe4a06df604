package io.github.cieservlet.saml.validation;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import java.util.Objects;

/**
 * The message was meant for this service provider's Assertion Consumer Service (saml-check cases 19-21 and
 * 57-59): the Response {@code Destination} and the SubjectConfirmationData {@code Recipient} are present and
 * exactly equal to the ACS URL, else {@link CieError#INVALID_DESTINATION}.
 */
final class DestinationCheck {

    private final String acsUrl;

    /** @param acsUrl the URL of this service provider's Assertion Consumer Service */
    DestinationCheck(String acsUrl) {
        this.acsUrl = Objects.requireNonNull(acsUrl, "acsUrl");
    }

    /**
     * @param destination the Destination or Recipient attribute, possibly null
     * @param what which attribute, for the refusal detail
     * @throws CieAuthenticationException when it is missing or another URL
     */
    void check(String destination, String what) throws CieAuthenticationException {
        if (destination == null || destination.isEmpty()) {
            throw new CieAuthenticationException(CieError.INVALID_DESTINATION, what + " is missing or empty");
        }
        if (!acsUrl.equals(destination)) {
            throw new CieAuthenticationException(CieError.INVALID_DESTINATION,
                    what + " is " + Detail.quote(destination) + ", expected the ACS URL " + Detail.quote(acsUrl));
        }
    }
}
