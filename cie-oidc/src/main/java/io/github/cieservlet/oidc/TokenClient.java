package io.github.cieservlet.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Redeems the authorization code at the OP's token endpoint with {@code private_key_jwt} (a client assertion signed
 * by the RP's current key, {@code aud} = the token endpoint) and the PKCE code verifier.
 */
final class TokenClient {

    private final OidcSettings settings;
    private final RpKeys keys;
    private final HTTPRequestSender sender;

    TokenClient(OidcSettings settings, RpKeys keys, HTTPRequestSender sender) {
        this.settings = settings;
        this.keys = keys;
        this.sender = sender;
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
        ClientID clientId = new ClientID(settings.entityId().toString());
        URI endpoint = provider.tokenEndpoint();
        HTTPResponse http;
        try {
            PrivateKeyJWT assertion = new PrivateKeyJWT(clientId, endpoint, ProfileAlgorithms.SIGN,
                    keys.signingKey().toRSAPrivateKey(), keys.signingKey().getKeyID(), null);
            TokenRequest request = new TokenRequest(endpoint, assertion,
                    new AuthorizationCodeGrant(new AuthorizationCode(code), settings.redirectUri(),
                            new CodeVerifier(pending.codeVerifier())),
                    null, null, Map.of("client_id", List.of(clientId.getValue())));
            http = request.toHTTPRequest().send(sender);
        } catch (BoundedHttpSender.TooLargeException e) {
            throw new CieAuthenticationException(CieError.RESPONSE_TOO_LARGE, "token endpoint: " + e.getMessage());
        } catch (IOException e) {
            throw new CieAuthenticationException(CieError.IDP_METADATA_UNAVAILABLE, "token endpoint " + endpoint
                    + " not reached: " + e.getMessage(), e);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the client assertion", e);
        }
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
