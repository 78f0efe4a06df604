package io.github.cieservlet.store;

import java.util.Optional;

/** Keeps the AuthnRequests sent and not yet answered, keyed by the opaque RelayState token sent with each. */
public interface PendingRequestStore {

    /**
     * @param relayState the token sent as RelayState
     * @param request what the answer must match
     * @return false when the store is full (too many logins in progress): the login must not start
     */
    boolean save(String relayState, PendingRequest request);

    /**
     * Removes and returns the request of a token: each pending request can be answered once only, whatever
     * the outcome of the answer's validation. An expired request is still returned, so that the caller can
     * say "expired" rather than "unknown"; the caller must check {@link PendingRequest#expiresAt()}.
     *
     * @param relayState the RelayState received
     * @return the request, or empty when no request has that token (unsolicited, or already answered)
     */
    Optional<PendingRequest> consume(String relayState);
}
