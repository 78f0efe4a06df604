package io.github.cieservlet.saml.validation;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import java.time.Instant;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Conditions;

/**
 * The validity period of the Assertion (saml-check cases 73-82): {@code Conditions} present, with
 * {@code NotBefore} present and not later than now plus the skew, and {@code NotOnOrAfter} present and later
 * than now minus the skew. Every failure is {@link CieError#INVALID_CONDITIONS}. The audience is checked by
 * {@link AudienceCheck}.
 */
final class ConditionsCheck {

    /**
     * @param assertion the signature-verified Assertion
     * @param window now and the skew
     * @return the Conditions, valid now
     * @throws CieAuthenticationException when they are missing or not valid now
     */
    Conditions check(Assertion assertion, TimeWindow window) throws CieAuthenticationException {
        Conditions conditions = assertion.getConditions();
        if (conditions == null) {
            throw new CieAuthenticationException(CieError.INVALID_CONDITIONS, "Assertion Conditions are missing");
        }
        Instant notBefore = conditions.getNotBefore();
        if (notBefore == null) {
            throw new CieAuthenticationException(CieError.INVALID_CONDITIONS, "Conditions NotBefore is missing");
        }
        if (!window.isNotInFuture(notBefore)) {
            throw new CieAuthenticationException(CieError.INVALID_CONDITIONS, "Conditions NotBefore " + notBefore
                    + " is in the future: now is " + window.now() + ", skew " + window.skew());
        }
        Instant notOnOrAfter = conditions.getNotOnOrAfter();
        if (notOnOrAfter == null) {
            throw new CieAuthenticationException(CieError.INVALID_CONDITIONS, "Conditions NotOnOrAfter is missing");
        }
        if (!window.isNotExpired(notOnOrAfter)) {
            throw new CieAuthenticationException(CieError.INVALID_CONDITIONS, "Conditions NotOnOrAfter " + notOnOrAfter
                    + " has passed: now is " + window.now() + ", skew " + window.skew());
        }
        return conditions;
    }
}
