package io.github.cieservlet.saml.validation;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import java.util.Objects;
import org.opensaml.saml.saml2.core.Audience;
import org.opensaml.saml.saml2.core.AudienceRestriction;
import org.opensaml.saml.saml2.core.Conditions;

/**
 * The Assertion is meant for this service provider (saml-check cases 83-87): at least one
 * {@code AudienceRestriction}, and every one of them (they all apply) names this service provider's entity ID
 * in one of its {@code Audience} elements, compared with surrounding white space ignored. Every failure is
 * {@link CieError#INVALID_AUDIENCE}.
 */
final class AudienceCheck {

    private final String spEntityId;

    /** @param spEntityId this service provider's entity ID */
    AudienceCheck(String spEntityId) {
        this.spEntityId = Objects.requireNonNull(spEntityId, "spEntityId").trim();
    }

    /**
     * @param conditions the Conditions of the signature-verified Assertion
     * @throws CieAuthenticationException when no restriction names this service provider
     */
    void check(Conditions conditions) throws CieAuthenticationException {
        if (conditions.getAudienceRestrictions().isEmpty()) {
            throw new CieAuthenticationException(CieError.INVALID_AUDIENCE, "Conditions have no AudienceRestriction");
        }
        for (AudienceRestriction restriction : conditions.getAudienceRestrictions()) {
            if (restriction.getAudiences().isEmpty()) {
                throw new CieAuthenticationException(CieError.INVALID_AUDIENCE, "AudienceRestriction has no Audience");
            }
            if (!namesThisServiceProvider(restriction)) {
                throw new CieAuthenticationException(CieError.INVALID_AUDIENCE, "AudienceRestriction names "
                        + audiences(restriction) + ", not this service provider " + Detail.quote(spEntityId));
            }
        }
    }

    private boolean namesThisServiceProvider(AudienceRestriction restriction) throws CieAuthenticationException {
        for (Audience audience : restriction.getAudiences()) {
            if (spEntityId.equals(DomText.of(audience, CieError.INVALID_AUDIENCE, "Audience").trim())) {
                return true;
            }
        }
        return false;
    }

    private static String audiences(AudienceRestriction restriction) {
        StringBuilder names = new StringBuilder();
        for (Audience audience : restriction.getAudiences()) {
            if (names.length() > 0) {
                names.append(", ");
            }
            names.append(Detail.quote(audience.getURI()));
        }
        return names.toString();
    }
}
