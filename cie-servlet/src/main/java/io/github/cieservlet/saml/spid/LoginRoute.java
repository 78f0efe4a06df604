package io.github.cieservlet.saml.spid;

import io.github.cieservlet.CieLevel;
import io.github.cieservlet.LoginScheme;
import io.github.cieservlet.config.LevelComparison;
import io.github.cieservlet.saml.IdpMetadata;
import java.util.Objects;

/**
 * Where one login goes: its scheme, the identity provider's metadata, and what the AuthnRequest asks (level,
 * comparison, AttributeConsumingServiceIndex). Immutable.
 */
public final class LoginRoute {

    private final LoginScheme scheme;
    private final IdpMetadata idp;
    private final CieLevel level;
    private final LevelComparison comparison;
    private final int attributeConsumingServiceIndex;

    LoginRoute(LoginScheme scheme, IdpMetadata idp, CieLevel level, LevelComparison comparison,
            int attributeConsumingServiceIndex) {
        this.scheme = Objects.requireNonNull(scheme, "scheme");
        this.idp = Objects.requireNonNull(idp, "idp");
        this.level = Objects.requireNonNull(level, "level");
        this.comparison = Objects.requireNonNull(comparison, "comparison");
        this.attributeConsumingServiceIndex = attributeConsumingServiceIndex;
    }

    /** @return the scheme */
    public LoginScheme scheme() {
        return scheme;
    }

    /** @return the identity provider's metadata: its SSO endpoints and the only keys trusted for the answer */
    public IdpMetadata idp() {
        return idp;
    }

    /** @return the identity provider's entity ID to record in the pending login; null for CIE (its one IdP) */
    public String recordedIdpEntityId() {
        return scheme == LoginScheme.CIE ? null : idp.entityId();
    }

    /** @return the requested level */
    public CieLevel level() {
        return level;
    }

    /** @return the comparison of the requested level */
    public LevelComparison comparison() {
        return comparison;
    }

    /** @return the AttributeConsumingServiceIndex of the AuthnRequest */
    public int attributeConsumingServiceIndex() {
        return attributeConsumingServiceIndex;
    }
}
