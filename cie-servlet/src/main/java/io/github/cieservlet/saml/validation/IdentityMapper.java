package io.github.cieservlet.saml.validation;

import io.github.cieservlet.CieIdentity;
import io.github.cieservlet.CieLevel;
import io.github.cieservlet.saml.IdpMetadata;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.AuthnStatement;
import org.opensaml.saml.saml2.core.NameID;

/**
 * Builds the {@link CieIdentity} from an Assertion that passed every check: the attributes and level as
 * parsed by {@link AttributesCheck} and {@link AuthnContextCheck}, the transient NameID and its NameQualifier
 * (kept for a later LogoutRequest), the SessionIndex and AuthnInstant of the AuthnStatement, and the identity
 * provider's entity ID from its metadata (not from the message).
 */
final class IdentityMapper {

    /**
     * @param assertion the signature-verified Assertion, already checked (so its NameID is plain text and it
     *        has exactly one AuthnStatement with an AuthnInstant)
     * @param level the level asserted
     * @param citizen the identity so far: scheme and attributes, from the {@link ResponseProfile}
     * @param idp the identity provider metadata
     * @return the identity
     */
    CieIdentity map(Assertion assertion, CieLevel level, CieIdentity.Builder citizen, IdpMetadata idp) {
        NameID nameId = assertion.getSubject().getNameID();
        AuthnStatement authn = assertion.getAuthnStatements().get(0);
        return citizen
                .level(level)
                .nameId(nameId.getValue())
                .nameIdQualifier(nameId.getNameQualifier().trim())
                .sessionIndex(authn.getSessionIndex())
                .authnInstant(authn.getAuthnInstant())
                .idpEntityId(idp.entityId())
                .build();
    }
}
