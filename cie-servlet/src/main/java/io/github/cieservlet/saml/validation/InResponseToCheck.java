package io.github.cieservlet.saml.validation;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.store.PendingRequest;

/**
 * The message answers the AuthnRequest this browser is waiting for (saml-check cases 16-18 and 60-62):
 * {@code InResponseTo} present and equal to the pending request's ID, else {@link CieError#UNKNOWN_REQUEST}.
 * Unsolicited (IdP-initiated) Responses are refused this way. Also refuses, with
 * {@link CieError#REQUEST_EXPIRED}, an answer to a pending request that is past its expiry.
 */
final class InResponseToCheck {

    /**
     * @param inResponseTo the InResponseTo attribute, possibly null
     * @param what where it was read (e.g. {@code "Response"}), for the refusal detail
     * @param pending the AuthnRequest this browser is waiting for
     * @throws CieAuthenticationException when the value is missing or another request's ID
     */
    void check(String inResponseTo, String what, PendingRequest pending) throws CieAuthenticationException {
        if (inResponseTo == null || inResponseTo.isEmpty()) {
            throw new CieAuthenticationException(CieError.UNKNOWN_REQUEST, what + " InResponseTo is missing or empty");
        }
        if (!inResponseTo.equals(pending.requestId())) {
            throw new CieAuthenticationException(CieError.UNKNOWN_REQUEST, what + " InResponseTo is "
                    + Detail.quote(inResponseTo) + ", expected the pending request ID " + Detail.quote(pending.requestId()));
        }
    }

    /**
     * @param pending the AuthnRequest this browser is waiting for
     * @param window now
     * @throws CieAuthenticationException {@link CieError#REQUEST_EXPIRED} when the pending request has expired
     */
    void checkNotExpired(PendingRequest pending, TimeWindow window) throws CieAuthenticationException {
        if (window.now().isAfter(pending.expiresAt())) {
            throw new CieAuthenticationException(CieError.REQUEST_EXPIRED, "the pending request " + Detail.quote(pending.requestId())
                    + " expired at " + pending.expiresAt() + ", now is " + window.now());
        }
    }
}
