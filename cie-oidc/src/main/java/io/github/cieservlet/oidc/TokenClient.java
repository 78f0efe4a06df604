package io.github.cieservlet.oidc;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Redeems the authorization code at the OP's token endpoint with {@code private_key_jwt} (a client assertion signed
 * by the RP's current key, {@code aud} = the token endpoint) and the PKCE code verifier.
 */
final class TokenClient {

    private final OidcSettings settings;
    private final OpClient op;

    TokenClient(OidcSettings settings, OpClient op) {
        this.settings = settings;
        this.op = op;
    }

    /**
     * @param code the authorization code
     * @param pending the login it answers
     * @param provider the OP
     * @return the tokens (ID token not yet verified)
     * @throws CieAuthenticationException {@link CieError#TOKEN_REQUEST_FAILED} when refused,
     *     {@link CieError#IDP_METADATA_UNAVAILABLE} when not reached, {@link CieError#RESPONSE_TOO_LARGE}
     */
    OIDCTokens redeem(String code, PendingOidcLogin pending, ResolvedProvider provider)
            throws CieAuthenticationException {
        URI endpoint = provider.tokenEndpoint();
        TokenRequest request = new TokenRequest(endpoint, op.clientAuthentication(endpoint),
                new AuthorizationCodeGrant(new AuthorizationCode(code), settings.redirectUri(),
                        new CodeVerifier(pending.codeVerifier())),
                null, null, Map.of("client_id", List.of(op.clientId().getValue())));
        HTTPResponse http = op.send(request.toHTTPRequest(), "token endpoint");
        TokenResponse response;
        try {
            response = OIDCTokenResponseParser.parse(http);
        } catch (ParseException e) {
            throw new CieAuthenticationException(CieError.TOKEN_REQUEST_FAILED, "token endpoint answered "
                    + http.getStatusCode() + " with no token response: " + e.getMessage());
        }
        if (!response.indicatesSuccess()) {
            TokenErrorResponse error = response.toErrorResponse();
            throw new CieAuthenticationException(CieError.TOKEN_REQUEST_FAILED, "token endpoint refused the code: "
                    + error.getErrorObject().getCode() + " ("
                    + CallbackReader.Detail.of(error.getErrorObject().getDescription()) + ")");
        }
        OIDCTokens tokens = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens();
        if (tokens.getIDTokenString() == null || tokens.getAccessToken() == null) {
            throw new CieAuthenticationException(CieError.TOKEN_REQUEST_FAILED, "token response without ID token");
        }
        return tokens;
    }
}
