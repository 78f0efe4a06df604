package io.github.cieservlet.oidc;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.spi.ProtocolEvidence;

/**
 * Reads the citizen's claims at the OP's UserInfo endpoint: the answer must be a JWT signed by the OP and encrypted
 * to the RP (as the RP's metadata asks), whose {@code sub} is the ID token's and whose {@code iss} and {@code aud},
 * when present, are the OP's and the RP's.
 */
final class UserInfoClient {

    private final OpClient op;
    private final SignedTokenReader reader;

    UserInfoClient(OpClient op, SignedTokenReader reader) {
        this.op = op;
        this.reader = reader;
    }

    /**
     * @param provider the OP
     * @param accessToken the access token of this login
     * @param subject the ID token's {@code sub}
     * @param evidence where the UserInfo JWT goes as received
     * @return the verified UserInfo claims
     * @throws CieAuthenticationException naming the refused check
     */
    JWTClaimsSet read(ResolvedProvider provider, AccessToken accessToken, String subject, ProtocolEvidence evidence)
            throws CieAuthenticationException {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, provider.userInfoEndpoint());
        request.setAuthorization(accessToken.toAuthorizationHeader());
        HTTPResponse http = op.send(request, "UserInfo endpoint");
        if (http.getStatusCode() != 200) {
            throw new CieAuthenticationException(CieError.TOKEN_REQUEST_FAILED, "UserInfo endpoint answered "
                    + http.getStatusCode());
        }
        String body = http.getBody() == null ? null : http.getBody().trim();
        if (body != null) {
            evidence.answer(body);
        }
        JWTClaimsSet claims = IdTokenChecks.claims(reader.read(body, "UserInfo", true, provider.keys()));
        if (!subject.equals(claims.getSubject())) {
            throw new CieAuthenticationException(CieError.INVALID_SUBJECT, "UserInfo sub is not the ID token's");
        }
        if (claims.getIssuer() != null && !provider.entityId().toString().equals(claims.getIssuer())) {
            throw new CieAuthenticationException(CieError.INVALID_ISSUER, "UserInfo iss is " + claims.getIssuer());
        }
        if (claims.getAudience() != null && !claims.getAudience().isEmpty()
                && !claims.getAudience().contains(op.clientId().getValue())) {
            throw new CieAuthenticationException(CieError.INVALID_AUDIENCE, "UserInfo aud " + claims.getAudience()
                    + " does not name this RP");
        }
        return claims;
    }
}
