package io.github.cieservlet.saml;

import io.github.cieservlet.CieIdentity;
import java.util.List;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.SessionIndex;
import org.opensaml.saml.saml2.core.StatusCode;

/**
 * Says whether an authentic LogoutRequest is about the session it would end (SAML core 3.7.3.2): the identity
 * provider that asserted the session's identity issued it, its NameID (value, and NameQualifier when sent) is the
 * one of that assertion, and, when it lists SessionIndex values, one of them is the assertion's SessionIndex.
 * Otherwise it is refused with {@code Requester} / {@code UnknownPrincipal}: an IdP-signed request for one citizen
 * cannot end another citizen's session.
 */
public final class LogoutSessionMatch {

    private LogoutSessionMatch() {
    }

    /**
     * @param request an authentic LogoutRequest
     * @param identity the identity of this browser's session, or null when there is none
     * @throws LogoutRefusedException when the request is not about that session
     */
    public static void check(LogoutRequest request, CieIdentity identity) throws LogoutRefusedException {
        if (identity == null) {
            throw unknown(request, "this browser has no CIE session");
        }
        if (!identity.getIdpEntityId().equals(request.getIssuer().getValue().trim())) {
            throw unknown(request, "the session was asserted by another identity provider");
        }
        NameID nameId = request.getNameID();
        if (nameId == null || nameId.getValue() == null) {
            throw unknown(request, "the LogoutRequest has no NameID");
        }
        if (!identity.getNameId().equals(nameId.getValue())) {
            throw unknown(request, "the NameID is not the session's");
        }
        if (nameId.getNameQualifier() != null && !identity.getNameIdQualifier().equals(nameId.getNameQualifier())) {
            throw unknown(request, "the NameID NameQualifier is not the session's");
        }
        List<SessionIndex> indexes = request.getSessionIndexes();
        if (!indexes.isEmpty() && indexes.stream().noneMatch(i -> i.getValue() != null
                && i.getValue().equals(identity.getSessionIndex()))) {
            throw unknown(request, "no SessionIndex is the session's");
        }
    }

    private static LogoutRefusedException unknown(LogoutRequest request, String detail) {
        return new LogoutRefusedException(request.getID(), StatusCode.REQUESTER, StatusCode.UNKNOWN_PRINCIPAL, detail);
    }
}
