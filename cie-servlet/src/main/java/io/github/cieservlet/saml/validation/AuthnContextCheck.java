package io.github.cieservlet.saml.validation;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.CieLevel;
import io.github.cieservlet.store.PendingRequest;
import java.util.Optional;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.AuthnContext;
import org.opensaml.saml.saml2.core.AuthnContextClassRef;
import org.opensaml.saml.saml2.core.AuthnStatement;

/**
 * How the citizen was authenticated (saml-check cases 88-97).
 *
 * <p>Exactly one {@code AuthnStatement}, with an {@code AuthnInstant} and an
 * {@code AuthnContext/AuthnContextClassRef} that is exactly one of the three SPID level URIs
 * ({@link CieLevel#fromUri}; legacy values such as {@code urn:oasis:names:tc:SAML:2.0:ac:classes:SpidL1} are
 * refused): otherwise {@link CieError#INVALID_AUTHN_CONTEXT}.
 *
 * <p>The level must be at least the requested one, else {@link CieError#INSUFFICIENT_LEVEL}. This holds for
 * both comparisons: with {@code minimum} by definition, and with {@code exact} too, because SPID-RT lets the
 * identity provider authenticate at a higher level than requested without failing the request (and CIE
 * allows {@code exact} only with L3, the highest level, where the two readings coincide).
 */
final class AuthnContextCheck {

    /**
     * @param assertion the signature-verified Assertion
     * @param pending the AuthnRequest, with the requested level and comparison
     * @return the level the identity provider asserted
     * @throws CieAuthenticationException when the context is missing, unknown or too low
     */
    CieLevel check(Assertion assertion, PendingRequest pending) throws CieAuthenticationException {
        if (assertion.getAuthnStatements().size() != 1) {
            throw new CieAuthenticationException(CieError.INVALID_AUTHN_CONTEXT,
                    "Assertion has " + assertion.getAuthnStatements().size() + " AuthnStatements, expected exactly one");
        }
        AuthnStatement statement = assertion.getAuthnStatements().get(0);
        if (statement.getAuthnInstant() == null) {
            throw new CieAuthenticationException(CieError.INVALID_AUTHN_CONTEXT, "AuthnStatement AuthnInstant is missing");
        }
        AuthnContext context = statement.getAuthnContext();
        if (context == null) {
            throw new CieAuthenticationException(CieError.INVALID_AUTHN_CONTEXT, "AuthnStatement AuthnContext is missing");
        }
        AuthnContextClassRef classRef = context.getAuthnContextClassRef();
        if (classRef == null) {
            throw new CieAuthenticationException(CieError.INVALID_AUTHN_CONTEXT, "AuthnContextClassRef is missing");
        }
        String uri = DomText.of(classRef, CieError.INVALID_AUTHN_CONTEXT, "AuthnContextClassRef");
        Optional<CieLevel> level = CieLevel.fromUri(uri);
        if (!level.isPresent()) {
            throw new CieAuthenticationException(CieError.INVALID_AUTHN_CONTEXT,
                    "AuthnContextClassRef " + Detail.quote(uri) + " is not one of the SpidL1/SpidL2/SpidL3 URIs");
        }
        if (!level.get().isAtLeast(pending.level())) {
            throw new CieAuthenticationException(CieError.INSUFFICIENT_LEVEL, "identity provider asserted " + level.get()
                    + " but " + pending.level() + " was requested (comparison " + pending.comparison().wireValue() + ")");
        }
        return level.get();
    }
}
