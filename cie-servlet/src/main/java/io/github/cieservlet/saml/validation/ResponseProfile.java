package io.github.cieservlet.saml.validation;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.CieIdentity;
import org.opensaml.saml.saml2.core.Assertion;

/**
 * What differs between the Response profiles of CIE and of SPID (eIDAS through FICEP is a SPID identity
 * provider): every other check of {@link ResponseValidator} is the same for both.
 */
public interface ResponseProfile {

    /**
     * @return whether the Assertion's Issuer must carry {@code Format=urn:oasis:names:tc:SAML:2.0:nameid-format:entity}
     *     (SPID, saml-check cases 70-71); otherwise it may be absent (CIE)
     */
    boolean assertionIssuerFormatRequired();

    /**
     * @param errorCode the number of the StatusMessage {@code ErrorCode nrNN}, or -1 when there is none
     * @param cieMeaning what the number means in the CIE profile
     * @return what it means in this profile
     */
    CieError statusError(int errorCode, CieError cieMeaning);

    /**
     * Checks the attributes of the Assertion against what was asked and starts the identity with them and the
     * scheme.
     *
     * @param assertion the signature-verified Assertion
     * @param attributeConsumingServiceIndex the AttributeConsumingServiceIndex the AuthnRequest carried
     * @return a builder with the scheme and the attributes set
     * @throws CieAuthenticationException with {@link CieError#INVALID_ATTRIBUTES} when they are not as asked
     */
    CieIdentity.Builder identity(Assertion assertion, int attributeConsumingServiceIndex) throws CieAuthenticationException;
}
