package io.github.cieservlet.saml.validation;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.saml.IdpMetadata;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameIDType;

/**
 * The {@code Issuer} of the Response and of the Assertion (saml-check cases 27-31 and 67-72): present; its
 * text, surrounding white space ignored (the CIE identity provider wraps it in newlines), equal to the
 * identity provider's entity ID from its metadata; {@code Format} absent (as CIE sends it) or exactly
 * {@code urn:oasis:names:tc:SAML:2.0:nameid-format:entity} (an empty {@code Format=""}, which OpenSAML reads as
 * absent, is read from the DOM and refused); in the SPID profile the Assertion's {@code Format} must be present.
 * Every failure is {@link CieError#INVALID_ISSUER}.
 */
final class IssuerCheck {

    /**
     * @param issuer the Issuer element, possibly null
     * @param what {@code "Response"} or {@code "Assertion"}, for the refusal detail
     * @param idp the identity provider metadata
     * @param formatRequired whether Format must be present (SPID Assertion); otherwise it may be absent
     * @throws CieAuthenticationException when the Issuer is missing or wrong
     */
    void check(Issuer issuer, String what, IdpMetadata idp, boolean formatRequired) throws CieAuthenticationException {
        if (issuer == null) {
            throw new CieAuthenticationException(CieError.INVALID_ISSUER, what + " Issuer is missing");
        }
        String value = DomText.of(issuer, CieError.INVALID_ISSUER, what + " Issuer").trim();
        String expected = idp.entityId().trim();
        if (!expected.equals(value)) {
            throw new CieAuthenticationException(CieError.INVALID_ISSUER,
                    what + " Issuer is " + Detail.quote(value) + ", expected " + Detail.quote(expected));
        }
        String format = issuer.getFormat();
        if (format == null && issuer.getDOM() != null && issuer.getDOM().hasAttributeNS(null, "Format")) {
            // OpenSAML reads Format="" as absent; an empty Format is present and is not entity (saml-check case 70)
            format = issuer.getDOM().getAttributeNS(null, "Format");
        }
        if (format == null && formatRequired) {
            throw new CieAuthenticationException(CieError.INVALID_ISSUER, what + " Issuer has no Format; the SPID"
                    + " profile requires " + Detail.quote(NameIDType.ENTITY));
        }
        if (format != null && !NameIDType.ENTITY.equals(format)) {
            throw new CieAuthenticationException(CieError.INVALID_ISSUER, what + " Issuer Format is " + Detail.quote(format)
                    + ", expected absent or " + Detail.quote(NameIDType.ENTITY));
        }
    }
}
