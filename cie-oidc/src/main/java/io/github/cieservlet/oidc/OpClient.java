package io.github.cieservlet.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import java.io.IOException;
import java.net.URI;

/**
 * How the RP calls the OP's endpoints (token, UserInfo, revocation): its {@code client_id}, the
 * {@code private_key_jwt} client assertion signed by the RP's current key for one endpoint, and one request sent
 * with the sender's limits, where an answer too large or an OP not reached becomes the refusal with its code.
 */
final class OpClient {

    private final ClientID clientId;
    private final RpKeys keys;
    private final HTTPRequestSender sender;

    /**
     * @param settings the RP configuration (its entity ID is the {@code client_id})
     * @param keys the RP keys (the current signing key signs client assertions)
     * @param sender sends the requests
     */
    OpClient(OidcSettings settings, RpKeys keys, HTTPRequestSender sender) {
        this.clientId = new ClientID(settings.entityId().toString());
        this.keys = keys;
        this.sender = sender;
    }

    /** @return the RP's {@code client_id} */
    ClientID clientId() {
        return clientId;
    }

    /**
     * @param endpoint the OP endpoint the assertion is for (its {@code aud})
     * @return a fresh client assertion: {@code iss} = {@code sub} = the {@code client_id}, {@code jti}, short {@code exp}
     */
    PrivateKeyJWT clientAuthentication(URI endpoint) {
        try {
            return new PrivateKeyJWT(clientId, endpoint, ProfileAlgorithms.SIGN, keys.signingKey().toRSAPrivateKey(),
                    keys.signingKey().getKeyID(), null);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the client assertion", e);
        }
    }

    /**
     * @param request the request (no redirect is followed)
     * @param what the endpoint, for the refusal's detail
     * @return the answer, whatever its status
     * @throws CieAuthenticationException {@link CieError#RESPONSE_TOO_LARGE}, or
     *     {@link CieError#IDP_METADATA_UNAVAILABLE} when the OP is not reached
     */
    HTTPResponse send(HTTPRequest request, String what) throws CieAuthenticationException {
        request.setFollowRedirects(false);
        try {
            return request.send(sender);
        } catch (BoundedHttpSender.TooLargeException e) {
            throw new CieAuthenticationException(CieError.RESPONSE_TOO_LARGE, what + ": " + e.getMessage());
        } catch (IOException e) {
            throw new CieAuthenticationException(CieError.IDP_METADATA_UNAVAILABLE, what + " " + request.getURI()
                    + " not reached: " + e.getMessage(), e);
        }
    }
}
