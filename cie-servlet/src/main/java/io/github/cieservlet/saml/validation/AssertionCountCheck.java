package io.github.cieservlet.saml.validation;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Response;

/**
 * The shape of the Response, checked before anything is verified or read: at most one {@code Assertion}
 * child, and no {@code EncryptedAssertion} (CIE does not encrypt, and this service provider publishes no
 * encryption key). Whether a Success has its Assertion is checked with the status ({@link StatusCheck}).
 */
final class AssertionCountCheck {

    /**
     * @param response the received Response
     * @return its only Assertion, or {@code null} when it has none
     * @throws CieAuthenticationException {@link CieError#INVALID_ASSERTION} when the shape is wrong
     */
    Assertion check(Response response) throws CieAuthenticationException {
        if (!response.getEncryptedAssertions().isEmpty()) {
            throw new CieAuthenticationException(CieError.INVALID_ASSERTION,
                    "Response contains " + response.getEncryptedAssertions().size() + " EncryptedAssertion(s); not supported");
        }
        int count = response.getAssertions().size();
        if (count > 1) {
            throw new CieAuthenticationException(CieError.INVALID_ASSERTION,
                    "Response contains " + count + " Assertions; exactly one is allowed");
        }
        return count == 0 ? null : response.getAssertions().get(0);
    }
}
