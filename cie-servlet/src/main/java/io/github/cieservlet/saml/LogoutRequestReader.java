package io.github.cieservlet.saml;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.config.CieSettings;
import io.github.cieservlet.store.ReplayCache;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.StatusCode;

/**
 * Reads a {@code <samlp:LogoutRequest>} received on the SP SingleLogoutService, over HTTP-Redirect (query
 * signature) or HTTP-POST (enveloped signature). CIE sends no logout requests today; this keeps the endpoint the
 * metadata must declare safe, with the SAML/SPID LogoutRequest rules:
 * <ol>
 * <li>authentic: signed with a key from the identity provider metadata, with an ID, Version 2.0 and the identity
 * provider as Issuer; otherwise {@link CieAuthenticationException} ({@link CieError#INVALID_LOGOUT_MESSAGE}), and
 * nothing is answered;</li>
 * <li>then, refused with a {@link LogoutRefusedException} ({@code Requester} / {@code RequestDenied}, answered with
 * a signed LogoutResponse): Destination missing or not this SP's SingleLogoutService; IssueInstant missing, not a
 * full xs:dateTime, or more than the clock skew away from now; NotOnOrAfter, when present, passed (minus the skew);
 * the ID already used (remembered in the {@link ReplayCache} as {@code "logout:" + ID} until IssueInstant plus
 * twice the skew, after which the request is too old anyway).</li>
 * </ol>
 * Whether the request is about this browser's session is {@link LogoutSessionMatch}'s job.
 */
public final class LogoutRequestReader {

    /** The query or form parameter that carries a request. */
    public static final String PARAM = "SAMLRequest";

    private final String sloUrl;
    private final int maxBytes;
    private final Duration skew;
    private final Clock clock;
    private final ReplayCache replayCache;

    /**
     * @param settings the SP settings (SingleLogoutService URL; largest message accepted; clock skew)
     * @param clock the clock that says what "now" is
     * @param replayCache where used LogoutRequest IDs are remembered
     */
    public LogoutRequestReader(CieSettings settings, Clock clock, ReplayCache replayCache) {
        this.sloUrl = settings.endpoints().sloUrl();
        this.maxBytes = settings.maxResponseBytes();
        this.skew = settings.clockSkew();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.replayCache = Objects.requireNonNull(replayCache, "replayCache");
    }

    /**
     * @param rawQuery the query string exactly as received, still URL-encoded
     * @param idp the identity provider's metadata
     * @return the verified request
     * @throws CieAuthenticationException with {@link CieError#INVALID_LOGOUT_MESSAGE} when it is not authentic
     * @throws LogoutRefusedException when it is authentic but breaks a rule
     */
    public LogoutRequest fromRedirect(String rawQuery, IdpMetadata idp)
            throws CieAuthenticationException, LogoutRefusedException {
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
     * @throws CieAuthenticationException with {@link CieError#INVALID_LOGOUT_MESSAGE} when it is not authentic
     * @throws LogoutRefusedException when it is authentic but breaks a rule
     */
    public LogoutRequest fromPost(String samlRequest, IdpMetadata idp)
            throws CieAuthenticationException, LogoutRefusedException {
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

    private LogoutRequest checked(LogoutRequest request, IdpMetadata idp)
            throws CieAuthenticationException, LogoutRefusedException {
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
        if (!sloUrl.equals(request.getDestination())) {
            throw denied(request, request.getDestination() == null ? "the LogoutRequest has no Destination"
                    : "the LogoutRequest Destination is not " + sloUrl);
        }
        Instant now = clock.instant();
        Instant issueInstant = checkedIssueInstant(request, now);
        Instant notOnOrAfter = request.getNotOnOrAfter();
        if (notOnOrAfter != null && (!XsDateTime.isFullDateTime(request.getDOM().getAttributeNS(null, "NotOnOrAfter"))
                || !notOnOrAfter.isAfter(now.minus(skew)))) {
            throw denied(request, "the LogoutRequest NotOnOrAfter " + notOnOrAfter + " has passed or is malformed: now is "
                    + now + ", skew " + skew);
        }
        if (!replayCache.firstUse("logout:" + request.getID(), issueInstant.plus(skew).plus(skew))) {
            throw denied(request, "the LogoutRequest ID was already used (replay)");
        }
        return request;
    }

    private Instant checkedIssueInstant(LogoutRequest request, Instant now) throws LogoutRefusedException {
        Instant issueInstant = request.getIssueInstant();
        if (issueInstant == null || !XsDateTime.isFullDateTime(request.getDOM().getAttributeNS(null, "IssueInstant"))) {
            throw denied(request, "the LogoutRequest IssueInstant is missing or not a full xs:dateTime with a time zone");
        }
        if (issueInstant.isAfter(now.plus(skew)) || issueInstant.isBefore(now.minus(skew))) {
            throw denied(request, "the LogoutRequest IssueInstant " + issueInstant + " is not within the clock skew "
                    + skew + " of now " + now);
        }
        return issueInstant;
    }

    private static LogoutRefusedException denied(LogoutRequest request, String detail) {
        return new LogoutRefusedException(request.getID(), StatusCode.REQUESTER, StatusCode.REQUEST_DENIED, detail);
    }

    private static CieAuthenticationException invalid(String detail) {
        return new CieAuthenticationException(CieError.INVALID_LOGOUT_MESSAGE, detail);
    }
}
