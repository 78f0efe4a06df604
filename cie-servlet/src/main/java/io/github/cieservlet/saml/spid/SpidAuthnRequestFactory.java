package io.github.cieservlet.saml.spid;

import io.github.cieservlet.CieLevel;
import io.github.cieservlet.config.LevelComparison;
import io.github.cieservlet.saml.AuthnRequestFactory;
import io.github.cieservlet.store.PendingRequest;
import java.util.Objects;
import org.opensaml.saml.saml2.core.AuthnRequest;

/**
 * Builds the {@code <samlp:AuthnRequest>} to a SPID identity provider (or FICEP for eIDAS) as the SPID rules ask.
 * It is the CIE request of {@link AuthnRequestFactory} in every rule the two share: Destination the identity
 * provider's SingleSignOnService Location for the binding used; an Issuer with {@code NameQualifier} and
 * {@code Format=entity} (both mandatory in SPID); the ACS by index 0; a transient NameIDPolicy without
 * AllowCreate; one requested level with comparison {@code minimum}; no IsPassive, no Scoping. It differs in:
 * the AttributeConsumingServiceIndex of the login (0 for SPID, 99 or 100 for eIDAS), and {@code ForceAuthn},
 * sent only for L2 and L3 (mandatory above L1; CIE always sends it). The same pending login always gives the
 * same request, so the ACS can rebuild the request as sent for the evidence.
 */
public final class SpidAuthnRequestFactory {

    private final AuthnRequestFactory requests;

    /** @param requests the CIE factory, with the service provider's entity ID (the same for CIE and SPID) */
    public SpidAuthnRequestFactory(AuthnRequestFactory requests) {
        this.requests = Objects.requireNonNull(requests, "requests");
    }

    /**
     * @param pending the login: request ID, IssueInstant, Destination, level and AttributeConsumingServiceIndex
     * @return a new, unsigned AuthnRequest
     */
    public AuthnRequest create(PendingRequest pending) {
        AuthnRequest request = requests.create(pending.requestId(), pending.issueInstant(), pending.destination(),
                pending.level(), LevelComparison.MINIMUM);
        request.setForceAuthn(pending.level() == CieLevel.L1 ? null : Boolean.TRUE);
        request.setAttributeConsumingServiceIndex(pending.attributeConsumingServiceIndex());
        return request;
    }
}
