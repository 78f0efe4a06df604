package io.github.cieservlet.oidc;

import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import java.net.URI;

/**
 * Logout as the profile says: the access token of the login is revoked at the OP's {@code revocation_endpoint}
 * (RFC 7009, {@code token_type_hint=access_token}, {@code private_key_jwt} with {@code aud} = that endpoint).
 */
final class RevocationClient {

    private final OpClient op;

    RevocationClient(OpClient op) {
        this.op = op;
    }

    /**
     * @param provider the OP that issued the token
     * @param accessToken the access token of the login
     * @throws CieAuthenticationException {@link CieError#IDP_METADATA_UNAVAILABLE} when the OP publishes no revocation
     *     endpoint or is not reached, {@link CieError#TOKEN_REQUEST_FAILED} when it refuses
     */
    void revoke(ResolvedProvider provider, String accessToken) throws CieAuthenticationException {
        URI endpoint = provider.revocationEndpoint();
        if (endpoint == null) {
            throw new CieAuthenticationException(CieError.IDP_METADATA_UNAVAILABLE, "the OP "
                    + provider.entityId() + " publishes no revocation_endpoint");
        }
        TokenRevocationRequest request = new TokenRevocationRequest(endpoint, op.clientAuthentication(endpoint),
                new BearerAccessToken(accessToken));
        HTTPResponse http = op.send(request.toHTTPRequest(), "revocation endpoint");
        if (http.getStatusCode() != 200) {
            throw new CieAuthenticationException(CieError.TOKEN_REQUEST_FAILED, "revocation endpoint answered "
                    + http.getStatusCode());
        }
    }
}
