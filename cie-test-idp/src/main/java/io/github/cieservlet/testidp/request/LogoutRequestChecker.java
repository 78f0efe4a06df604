package io.github.cieservlet.testidp.request;

import io.github.cieservlet.testidp.idp.ErrorCode;
import io.github.cieservlet.testidp.idp.IdpEndpoints;
import java.util.Objects;
import org.opensaml.saml.saml2.core.LogoutRequest;

/**
 * Checks a LogoutRequest the service provider sends to the SPID or FICEP test IdP's SingleLogoutService: the same
 * binding, Issuer and signature checks as for an AuthnRequest ({@link SignedRequestReader}: nr04, nr10, nr05/nr07,
 * shown on the IdP error page), then, for an authentic request, whether it is addressed to this IdP's
 * SingleLogoutService and has an ID; a request that is not is answered with a LogoutResponse that refuses it
 * (Requester / RequestDenied). The test IdP keeps no session, so an acceptable request always ends in Success.
 */
public final class LogoutRequestChecker {

    private final IdpEndpoints idp;
    private final SignedRequestReader reader;

    /**
     * An authentic LogoutRequest and how to answer it.
     *
     * @param replyTo where the LogoutResponse goes: the service provider's SingleLogoutService (in
     *     {@link ReplyTo#acsUrl()}), the request's ID and RelayState
     * @param refusal why the logout is refused (answered with Requester / RequestDenied), or null for Success
     */
    public record ValidLogout(ReplyTo replyTo, String refusal) {
        /** Checks the mandatory field. */
        public ValidLogout {
            Objects.requireNonNull(replyTo, "replyTo");
        }
    }

    /**
     * @param idp the IdP's own URLs (for Destination)
     * @param spMetadata the service provider's metadata
     */
    public LogoutRequestChecker(IdpEndpoints idp, SpMetadataSource spMetadata) {
        this.idp = Objects.requireNonNull(idp, "idp");
        this.reader = new SignedRequestReader(spMetadata, idp.scheme().followsSpidRules());
    }

    /**
     * @param samlRequest the {@code SAMLRequest} form parameter (base64), or null
     * @param relayState the {@code RelayState} form parameter, or null
     * @return the authentic request and its answer
     * @throws RequestRefusedException when it is not authentic (an IdP error page)
     */
    public ValidLogout checkPost(String samlRequest, String relayState) throws RequestRefusedException {
        return answer(reader.post(samlRequest, relayState, LogoutRequest.class));
    }

    /**
     * @param rawQuery the query string exactly as received, still URL-encoded
     * @return the authentic request and its answer
     * @throws RequestRefusedException when it is not authentic (an IdP error page)
     */
    public ValidLogout checkRedirect(String rawQuery) throws RequestRefusedException {
        return answer(reader.redirect(rawQuery, LogoutRequest.class));
    }

    private ValidLogout answer(SignedRequestReader.Received<LogoutRequest> received) throws RequestRefusedException {
        SpMetadata sp = received.sp();
        if (sp.singleLogoutUrl() == null) {
            throw new RequestRefusedException(ErrorCode.NR10, "the service provider metadata declares no"
                    + " SingleLogoutService to send the LogoutResponse to", null);
        }
        LogoutRequest request = received.request();
        ReplyTo to = new ReplyTo(sp.entityId(), sp.singleLogoutUrl(), request.getID(), received.relayState());
        String expected = idp.sloRedirectUrl();
        if (request.getID() == null || request.getID().isBlank()) {
            return new ValidLogout(to, "the LogoutRequest has no ID");
        }
        if (!expected.equals(request.getDestination())) {
            return new ValidLogout(to, "Destination is " + (request.getDestination() == null ? "missing"
                    : "'" + request.getDestination() + "'") + "; it must be '" + expected + "'");
        }
        return new ValidLogout(to, null);
    }
}
