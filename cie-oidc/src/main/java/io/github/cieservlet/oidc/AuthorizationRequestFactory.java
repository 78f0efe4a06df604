package io.github.cieservlet.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.nimbusds.openid.connect.sdk.OIDCClaimsRequest;
import com.nimbusds.openid.connect.sdk.claims.ClaimRequirement;
import com.nimbusds.openid.connect.sdk.claims.ClaimsSetRequest;
import io.github.cieservlet.CieLevel;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Builds the authorization request of the profile: a request object signed by the RP ({@code iss} = {@code client_id},
 * {@code aud} = the OP), PKCE S256, fresh {@code state} and {@code nonce}, {@code acr_values}, {@code prompt} and the
 * {@code claims} for the citizen's data (in the ID token and in UserInfo, as CIE releases both). {@code scope},
 * {@code client_id}, {@code response_type} and the PKCE challenge are repeated as query parameters, as the profile asks.
 */
public final class AuthorizationRequestFactory {

    private final OidcSettings settings;
    private final RpKeys keys;

    /**
     * @param settings the RP configuration
     * @param keys the RP keys (the current signing key signs the request object)
     */
    public AuthorizationRequestFactory(OidcSettings settings, RpKeys keys) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /**
     * @param provider the OP, resolved through its trust chain
     * @param level the level to request
     * @param now the current time
     * @return the redirect and the login to remember
     */
    public LoginRedirect create(ResolvedProvider provider, CieLevel level, Instant now) {
        String state = RandomTokens.next();
        String nonce = RandomTokens.next();
        CodeVerifier verifier = new CodeVerifier();
        CodeChallenge challenge = CodeChallenge.compute(CodeChallengeMethod.S256, verifier);
        String clientId = settings.entityId().toString();
        JWTClaimsSet requestObject = new JWTClaimsSet.Builder()
                .issuer(clientId)
                .audience(provider.entityId().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(settings.loginTimeout())))
                .jwtID(UUID.randomUUID().toString())
                .claim("client_id", clientId)
                .claim("response_type", "code")
                .claim("scope", "openid")
                .claim("redirect_uri", settings.redirectUri().toString())
                .claim("state", state)
                .claim("nonce", nonce)
                .claim("code_challenge", challenge.getValue())
                .claim("code_challenge_method", CodeChallengeMethod.S256.getValue())
                .claim("acr_values", level.uri())
                .claim("prompt", settings.prompt())
                .claim("claims", claims().toJSONObject())
                .build();
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("client_id", List.of(clientId));
        query.put("response_type", List.of("code"));
        query.put("scope", List.of("openid"));
        query.put("code_challenge", List.of(challenge.getValue()));
        query.put("code_challenge_method", List.of(CodeChallengeMethod.S256.getValue()));
        query.put("request", List.of(sign(requestObject)));
        URI location = URI.create(provider.authorizationEndpoint() + "?" + URLUtils.serializeParameters(query));
        return new LoginRedirect(location,
                new PendingOidcLogin(state, nonce, verifier.getValue(), level, provider.entityId(), now));
    }

    private OIDCClaimsRequest claims() {
        ClaimsSetRequest set = new ClaimsSetRequest();
        for (String name : CitizenClaims.requested(settings)) {
            set = set.add(new ClaimsSetRequest.Entry(name).withClaimRequirement(ClaimRequirement.ESSENTIAL));
        }
        return new OIDCClaimsRequest().withIDTokenClaimsRequest(set).withUserInfoClaimsRequest(set);
    }

    private String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(ProfileAlgorithms.SIGN)
                .keyID(keys.signingKey().getKeyID()).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(keys.signingKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the request object", e);
        }
        return jwt.serialize();
    }
}
