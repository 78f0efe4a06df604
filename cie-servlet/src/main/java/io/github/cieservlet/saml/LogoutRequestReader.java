package io.github.cieservlet.saml;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.config.CieSettings;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.NameIDType;

/**
 * Reads a {@code <samlp:LogoutRequest>} received on the SP SingleLogoutService, over HTTP-Redirect (query
 * signature) or HTTP-POST (enveloped signature), and accepts it only if the identity provider signed it with a
 * key from its metadata, its Issuer is the identity provider and its Destination, when present, is this SP's
 * SingleLogoutService. CIE sends no logout requests today; this keeps the endpoint the metadata must declare
 * safe.
 */
public final class LogoutRequestReader {

    /** The query or form parameter that carries a request. */
    public static final String PARAM = "SAMLRequest";

    private final String sloUrl;
    private final int maxBytes;

    /** @param settings the SP settings (SingleLogoutService URL; largest message accepted) */
    public LogoutRequestReader(CieSettings settings) {
        this.sloUrl = settings.endpoints().sloUrl();
        this.maxBytes = settings.maxResponseBytes();
    }

    /**
     * @param rawQuery the query string exactly as received, still URL-encoded
     * @param idp the identity provider's metadata
     * @return the verified request
     * @throws CieAuthenticationException with {@link CieError#INVALID_LOGOUT_MESSAGE} when it is not acceptable
     */
    public LogoutRequest fromRedirect(String rawQuery, IdpMetadata idp) throws CieAuthenticationException {
        if (!RedirectBinding.verify(rawQuery, PARAM, idp.signingCertificates())) {
            throw invalid("the Redirect query is not signed with an IdP metadata key (or SigAlg is not allowed)");
        }
        String encoded = URLDecoder.decode(RedirectBinding.rawParameters(rawQuery).get(PARAM), StandardCharsets.UTF_8);
        try {
            return checked(SecureXml.parse(RedirectBinding.decodeAndInflate(encoded, maxBytes), LogoutRequest.class),
                    idp);
        } catch (SamlXmlException e) {
            throw new CieAuthenticationException(CieError.INVALID_LOGOUT_MESSAGE, e.getMessage(), e);
        }
    }

    /**
     * @param samlRequest the {@code SAMLRequest} form field (base64)
     * @param idp the identity provider's metadata
     * @return the verified request
     * @throws CieAuthenticationException with {@link CieError#INVALID_LOGOUT_MESSAGE} when it is not acceptable
     */
    public LogoutRequest fromPost(String samlRequest, IdpMetadata idp) throws CieAuthenticationException {
        if (samlRequest == null) {
            throw invalid("no SAMLRequest");
        }
        byte[] xml;
        try {
            xml = Base64.getMimeDecoder().decode(samlRequest);
        } catch (IllegalArgumentException e) {
            throw new CieAuthenticationException(CieError.INVALID_LOGOUT_MESSAGE, "SAMLRequest is not base64", e);
        }
        if (xml.length > maxBytes) {
            throw invalid("SAMLRequest is larger than " + maxBytes + " bytes");
        }
        LogoutRequest request;
        try {
            request = SecureXml.parse(xml, LogoutRequest.class);
        } catch (SamlXmlException e) {
            throw new CieAuthenticationException(CieError.INVALID_LOGOUT_MESSAGE, e.getMessage(), e);
        }
        if (!EnvelopedSignatureVerifier.isValid(request, idp.signingCertificates())) {
            throw invalid("the LogoutRequest is not signed with an IdP metadata key as the SAML profile requires");
        }
        return checked(request, idp);
    }

    private LogoutRequest checked(LogoutRequest request, IdpMetadata idp) throws CieAuthenticationException {
        if (request.getID() == null || request.getID().isBlank()) {
            throw invalid("the LogoutRequest has no ID");
        }
        if (!SAMLVersion.VERSION_20.equals(request.getVersion())) {
            throw invalid("the LogoutRequest Version is not 2.0");
        }
        Issuer issuer = request.getIssuer();
        if (issuer == null || issuer.getValue() == null || !idp.entityId().equals(issuer.getValue().trim())) {
            throw invalid("the LogoutRequest Issuer is not the IdP " + idp.entityId());
        }
        if (issuer.getFormat() != null && !NameIDType.ENTITY.equals(issuer.getFormat())) {
            throw invalid("the LogoutRequest Issuer Format is not " + NameIDType.ENTITY);
        }
        if (request.getDestination() != null && !sloUrl.equals(request.getDestination())) {
            throw invalid("the LogoutRequest Destination is not " + sloUrl);
        }
        return request;
    }

    private static CieAuthenticationException invalid(String detail) {
        return new CieAuthenticationException(CieError.INVALID_LOGOUT_MESSAGE, detail);
    }
}
