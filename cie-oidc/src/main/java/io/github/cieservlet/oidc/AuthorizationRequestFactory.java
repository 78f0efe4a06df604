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
import java.nio.charset.StandardCharsets;
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
        PendingOidcLogin pending = new PendingOidcLogin(RandomTokens.next(), RandomTokens.next(),
                new CodeVerifier().getValue(), level, provider.entityId(), now);
        CodeChallenge challenge = challenge(pending);
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("client_id", List.of(settings.entityId().toString()));
        query.put("response_type", List.of("code"));
        query.put("scope", List.of("openid"));
        query.put("code_challenge", List.of(challenge.getValue()));
        query.put("code_challenge_method", List.of(CodeChallengeMethod.S256.getValue()));
        query.put("request", List.of(requestObject(pending)));
        URI location = URI.create(provider.authorizationEndpoint() + "?" + URLUtils.serializeParameters(query));
        return new LoginRedirect(location, pending);
    }

    /**
     * The signed request object of a login, byte for byte as {@link #create} sent it (RS256 signatures are
     * deterministic; {@code jti} is derived from the {@code state}), for the login's evidence record; while the
     * signing key is the same one.
     *
     * @param pending the login
     * @return the request object (compact JWS)
     */
    public String requestObject(PendingOidcLogin pending) {
        String clientId = settings.entityId().toString();
        Instant issuedAt = pending.startedAt();
        JWTClaimsSet requestObject = new JWTClaimsSet.Builder()
                .issuer(clientId)
                .audience(pending.providerEntityId().toString())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(settings.loginTimeout())))
                .jwtID(UUID.nameUUIDFromBytes(("request-object:" + pending.state()).getBytes(StandardCharsets.UTF_8))
                        .toString())
                .claim("client_id", clientId)
                .claim("response_type", "code")
                .claim("scope", "openid")
                .claim("redirect_uri", settings.redirectUri().toString())
                .claim("state", pending.state())
                .claim("nonce", pending.nonce())
                .claim("code_challenge", challenge(pending).getValue())
                .claim("code_challenge_method", CodeChallengeMethod.S256.getValue())
                .claim("acr_values", pending.level().uri())
                .claim("prompt", settings.prompt())
                .claim("claims", claims().toJSONObject())
                .build();
        return sign(requestObject);
    }

    private static CodeChallenge challenge(PendingOidcLogin pending) {
        return CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(pending.codeVerifier()));
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
