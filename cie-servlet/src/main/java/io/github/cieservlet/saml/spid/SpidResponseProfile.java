package io.github.cieservlet.saml.spid;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.CieIdentity;
import io.github.cieservlet.LoginScheme;
import io.github.cieservlet.config.EidasAttributeSet;
import io.github.cieservlet.saml.validation.ReleasedAttributesCheck;
import io.github.cieservlet.saml.validation.ResponseProfile;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.opensaml.saml.saml2.core.Assertion;

/**
 * The SPID Response profile, for a SPID identity provider or for FICEP (eIDAS); every check not named here is the
 * CIE one of {@link io.github.cieservlet.saml.validation.ResponseValidator}.
 * <ul>
 * <li>The Assertion's Issuer must carry {@code Format=entity} (saml-check cases 70-71; CIE may omit it).</li>
 * <li>Error codes with a SPID meaning of their own: nr19 {@link CieError#IDP_TOO_MANY_ATTEMPTS}, nr20
 * {@link CieError#IDP_LEVEL_NOT_AVAILABLE}, nr23 {@link CieError#IDP_IDENTITY_SUSPENDED} (CIE: card expired),
 * nr30 {@link CieError#IDP_WRONG_IDENTITY_TYPE}; nr21, nr22, nr25 and nr08-nr18 mean what they mean for CIE.</li>
 * <li>Attributes ({@link ReleasedAttributesCheck}): SPID releases exactly the attributes asked
 * ({@code cie.spid.attributes}), each once; FICEP releases those of the eIDAS set asked (index 99 or 100), of which
 * {@code spidCode} (the eIDAS person identifier), {@code name}, {@code familyName} and {@code dateOfBirth} are
 * mandatory; a citizen of another country may have no Italian fiscal number, so {@code fiscalNumber} is optional
 * for eIDAS and a foreign one is kept only as an attribute.</li>
 * </ul>
 */
public final class SpidResponseProfile implements ResponseProfile {

    private static final List<String> EIDAS_REQUIRED = List.of(CieIdentity.SPID_CODE, "name", "familyName", "dateOfBirth");

    private final LoginScheme scheme;
    private final int attributeConsumingServiceIndex;
    private final ReleasedAttributesCheck attributes;

    private SpidResponseProfile(LoginScheme scheme, int attributeConsumingServiceIndex, ReleasedAttributesCheck attributes) {
        this.scheme = scheme;
        this.attributeConsumingServiceIndex = attributeConsumingServiceIndex;
        this.attributes = attributes;
    }

    /**
     * @param asked the SPID attributes asked for ({@code cie.spid.attributes}), all required
     * @return the profile of a SPID login (AttributeConsumingServiceIndex 0)
     */
    public static SpidResponseProfile spid(List<String> asked) {
        return new SpidResponseProfile(LoginScheme.SPID, 0, new ReleasedAttributesCheck(asked, asked, false));
    }

    /**
     * @param set the eIDAS attribute set asked for
     * @return the profile of an eIDAS login through FICEP
     */
    public static SpidResponseProfile eidas(EidasAttributeSet set) {
        return new SpidResponseProfile(LoginScheme.EIDAS, set.index(),
                new ReleasedAttributesCheck(set.attributes(), EIDAS_REQUIRED, true));
    }

    /** @return the scheme of the logins this profile checks */
    public LoginScheme scheme() {
        return scheme;
    }

    /** @return the AttributeConsumingServiceIndex the AuthnRequests of this profile carry */
    public int attributeConsumingServiceIndex() {
        return attributeConsumingServiceIndex;
    }

    @Override
    public boolean assertionIssuerFormatRequired() {
        return true;
    }

    @Override
    public CieError statusError(int errorCode, CieError cieMeaning) {
        switch (errorCode) {
            case 19:
                return CieError.IDP_TOO_MANY_ATTEMPTS;
            case 20:
                return CieError.IDP_LEVEL_NOT_AVAILABLE;
            case 23:
                return CieError.IDP_IDENTITY_SUSPENDED;
            case 30:
                return CieError.IDP_WRONG_IDENTITY_TYPE;
            default:
                return cieMeaning;
        }
    }

    @Override
    public CieIdentity.Builder identity(Assertion assertion, int requestedIndex) throws CieAuthenticationException {
        Map<String, String> released = attributes.check(assertion);
        String fiscalNumber = released.get("fiscalNumber");
        String dateOfBirth = released.get("dateOfBirth");
        return CieIdentity.builder()
                .scheme(scheme)
                .attributes(released)
                .name(released.get("name"))
                .familyName(released.get("familyName"))
                .dateOfBirth(dateOfBirth == null ? null : LocalDate.parse(dateOfBirth))
                .fiscalNumber(fiscalNumber != null && fiscalNumber.startsWith(CieIdentity.FISCAL_NUMBER_PREFIX)
                        ? fiscalNumber : null);
    }
}
