package io.github.cieservlet.oidc;

import com.nimbusds.jwt.JWTClaimsSet;
import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.CieIdentity;
import io.github.cieservlet.CieLevel;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Builds the same {@link CieIdentity} as the SAML side from the verified claims: given and family name, birth date
 * and the {@code TINIT-} fiscal number from UserInfo (CIE sends them in the ID token too; UserInfo wins); the
 * pairwise {@code sub} stands where SAML has the NameID, qualified by the OP's entity ID.
 */
final class OidcIdentityMapper {

    private static final Pattern FISCAL_NUMBER = Pattern.compile("TINIT-[A-Z0-9]{11,16}");

    private OidcIdentityMapper() {
    }

    /**
     * @param idToken the checked ID token claims
     * @param userInfo the checked UserInfo claims
     * @param level the asserted level
     * @param providerEntityId the OP
     * @return the identity
     * @throws CieAuthenticationException {@link CieError#INVALID_ATTRIBUTES} when a claim is missing or malformed
     */
    static CieIdentity map(JWTClaimsSet idToken, JWTClaimsSet userInfo, CieLevel level, String providerEntityId)
            throws CieAuthenticationException {
        String fiscalNumber = text(idToken, userInfo, CitizenClaims.FISCAL_NUMBER);
        if (!FISCAL_NUMBER.matcher(fiscalNumber).matches()) {
            throw new CieAuthenticationException(CieError.INVALID_ATTRIBUTES, "fiscal_number is not TINIT- and a code");
        }
        LocalDate birthdate;
        try {
            birthdate = LocalDate.parse(text(idToken, userInfo, CitizenClaims.BIRTHDATE));
        } catch (DateTimeParseException e) {
            throw new CieAuthenticationException(CieError.INVALID_ATTRIBUTES, "birthdate is not YYYY-MM-DD");
        }
        return CieIdentity.builder()
                .name(text(idToken, userInfo, CitizenClaims.GIVEN_NAME))
                .familyName(text(idToken, userInfo, CitizenClaims.FAMILY_NAME))
                .dateOfBirth(birthdate)
                .fiscalNumber(fiscalNumber)
                .level(level)
                .nameId(idToken.getSubject())
                .nameIdQualifier(providerEntityId)
                .authnInstant(idToken.getIssueTime().toInstant())
                .idpEntityId(providerEntityId)
                .build();
    }

    private static String text(JWTClaimsSet idToken, JWTClaimsSet userInfo, String name)
            throws CieAuthenticationException {
        Object value = userInfo.getClaim(name);
        if (value == null) {
            value = idToken.getClaim(name);
        }
        if (!(value instanceof String) || ((String) value).isBlank()) {
            throw new CieAuthenticationException(CieError.INVALID_ATTRIBUTES, name + " missing or not text");
        }
        return ((String) value).trim();
    }
}
