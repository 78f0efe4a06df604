package io.github.cieservlet.oidc;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import java.io.IOException;

/**
 * Reads the citizen's claims at the OP's UserInfo endpoint: the answer must be a JWT signed by the OP and encrypted
 * to the RP (as the RP's metadata asks), whose {@code sub} is the ID token's and whose {@code iss} and {@code aud},
 * when present, are the OP's and the RP's.
 */
final class UserInfoClient {

    private final String clientId;
    private final SignedTokenReader reader;
    private final HTTPRequestSender sender;

    UserInfoClient(String clientId, SignedTokenReader reader, HTTPRequestSender sender) {
        this.clientId = clientId;
        this.reader = reader;
        this.sender = sender;
    }

    /**
     * @param provider the OP
     * @param accessToken the access token of this login
     * @param subject the ID token's {@code sub}
     * @return the verified UserInfo claims
     * @throws CieAuthenticationException naming the refused check
     */
    JWTClaimsSet read(ResolvedProvider provider, AccessToken accessToken, String subject)
            throws CieAuthenticationException {
        HTTPResponse http;
        try {
            HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, provider.userInfoEndpoint());
            request.setAuthorization(accessToken.toAuthorizationHeader());
            request.setFollowRedirects(false);
            http = request.send(sender);
        } catch (BoundedHttpSender.TooLargeException e) {
            throw new CieAuthenticationException(CieError.RESPONSE_TOO_LARGE, "UserInfo: " + e.getMessage());
        } catch (IOException e) {
            throw new CieAuthenticationException(CieError.IDP_METADATA_UNAVAILABLE, "UserInfo endpoint not reached: "
                    + e.getMessage(), e);
        }
        if (http.getStatusCode() != 200) {
            throw new CieAuthenticationException(CieError.TOKEN_REQUEST_FAILED, "UserInfo endpoint answered "
                    + http.getStatusCode());
        }
        JWTClaimsSet claims = IdTokenChecks.claims(
                reader.read(http.getBody() == null ? null : http.getBody().trim(), "UserInfo", true, provider.keys()));
        if (!subject.equals(claims.getSubject())) {
            throw new CieAuthenticationException(CieError.INVALID_SUBJECT, "UserInfo sub is not the ID token's");
        }
        if (claims.getIssuer() != null && !provider.entityId().toString().equals(claims.getIssuer())) {
            throw new CieAuthenticationException(CieError.INVALID_ISSUER, "UserInfo iss is " + claims.getIssuer());
        }
        if (claims.getAudience() != null && !claims.getAudience().isEmpty()
                && !claims.getAudience().contains(clientId)) {
            throw new CieAuthenticationException(CieError.INVALID_AUDIENCE, "UserInfo aud " + claims.getAudience()
                    + " does not name this RP");
        }
        return claims;
    }
}
