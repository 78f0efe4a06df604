package io.github.cieservlet.saml.validation;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.CieIdentity;
import io.github.cieservlet.LoginScheme;
import java.util.Map;
import org.opensaml.saml.saml2.core.Assertion;

/**
 * The CIE profile: Assertion Issuer Format may be absent, the CIE meaning of every error code, and the four
 * attributes of {@link AttributesCheck}.
 */
final class CieResponseProfile implements ResponseProfile {

    /** The one instance. */
    static final CieResponseProfile INSTANCE = new CieResponseProfile();

    private final AttributesCheck attributes = new AttributesCheck();

    private CieResponseProfile() {
    }

    @Override
    public boolean assertionIssuerFormatRequired() {
        return false;
    }

    @Override
    public CieError statusError(int errorCode, CieError cieMeaning) {
        return cieMeaning;
    }

    @Override
    public CieIdentity.Builder identity(Assertion assertion, int attributeConsumingServiceIndex)
            throws CieAuthenticationException {
        CitizenAttributes citizen = attributes.check(assertion);
        return CieIdentity.builder()
                .scheme(LoginScheme.CIE)
                .name(citizen.name())
                .familyName(citizen.familyName())
                .dateOfBirth(citizen.dateOfBirth())
                .fiscalNumber(citizen.fiscalNumber())
                .attributes(Map.of("name", citizen.name(), "familyName", citizen.familyName(),
                        "dateOfBirth", citizen.dateOfBirth().toString(), "fiscalNumber", citizen.fiscalNumber()));
    }
}
