package io.github.cieservlet.spi;

import java.time.Instant;

/**
 * Where a {@link LoginProtocol} puts, while it finishes a login, what the login's evidence record keeps (the same
 * {@code cie.evidence} record as a SAML login): the request as it was sent, each part of the answer exactly as
 * received, and the identity provider asked. The web layer records it once, accepted or refused with its code.
 */
public interface ProtocolEvidence {

    /**
     * @param id the request's identifier (OIDC: the {@code state})
     * @param asSent the request as it was sent (OIDC: the signed request object)
     * @param issuedAt when it was issued
     */
    void request(String id, String asSent, Instant issuedAt);

    /** @param part one more part of the answer, exactly as received (OIDC: the ID token, then the UserInfo JWT) */
    void answer(String part);

    /** @param entityId the identity provider the request went to */
    void identityProvider(String entityId);
}
