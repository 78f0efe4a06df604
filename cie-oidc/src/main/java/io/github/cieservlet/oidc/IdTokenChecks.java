package io.github.cieservlet.oidc;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.openid.connect.sdk.claims.AccessTokenHash;
import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.CieLevel;
import io.github.cieservlet.store.ReplayCache;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The checks of a verified ID token, each refused with the code the SAML side uses for its equivalent: issuer
 * ({@link CieError#INVALID_ISSUER}), audience and {@code azp} ({@link CieError#INVALID_AUDIENCE}), {@code exp},
 * {@code iat} and {@code nbf} ({@link CieError#INVALID_CONDITIONS}), {@code nonce} ({@link CieError#UNKNOWN_REQUEST}),
 * {@code sub} ({@link CieError#INVALID_SUBJECT}), {@code acr} ({@link CieError#INVALID_AUTHN_CONTEXT},
 * {@link CieError#INSUFFICIENT_LEVEL}), {@code at_hash} ({@link CieError#INVALID_TOKEN}) and {@code jti} seen before
 * ({@link CieError#REPLAYED_RESPONSE}).
 */
final class IdTokenChecks {

    private final String clientId;
    private final Duration skew;
    private final ReplayCache replayCache;

    IdTokenChecks(String clientId, Duration skew, ReplayCache replayCache) {
        this.clientId = clientId;
        this.skew = skew;
        this.replayCache = replayCache;
    }

    /**
     * @param idToken the verified ID token
     * @param accessToken the access token it came with
     * @param pending the login it answers
     * @param now the current time
     * @return the ID token's claims and the asserted level
     * @throws CieAuthenticationException naming the refused check
     */
    JWTClaimsSet check(SignedJWT idToken, AccessToken accessToken, PendingOidcLogin pending, Instant now)
            throws CieAuthenticationException {
        JWTClaimsSet claims = claims(idToken);
        String issuer = pending.providerEntityId().toString();
        if (!issuer.equals(claims.getIssuer())) {
            throw new CieAuthenticationException(CieError.INVALID_ISSUER, "ID token iss is " + claims.getIssuer()
                    + ", expected " + issuer);
        }
        List<String> audience = claims.getAudience();
        if (!audience.contains(clientId)) {
            throw new CieAuthenticationException(CieError.INVALID_AUDIENCE, "ID token aud " + audience
                    + " does not name this RP");
        }
        Object azp = claims.getClaim("azp");
        if ((audience.size() > 1 || azp != null) && !clientId.equals(azp)) {
            throw new CieAuthenticationException(CieError.INVALID_AUDIENCE, "ID token azp is " + azp);
        }
        Date expiry = claims.getExpirationTime();
        Date issued = claims.getIssueTime();
        if (expiry == null || !now.isBefore(expiry.toInstant().plus(skew))) {
            throw new CieAuthenticationException(CieError.INVALID_CONDITIONS, "ID token expired at " + expiry);
        }
        if (issued == null || issued.toInstant().isAfter(now.plus(skew))
                || issued.toInstant().isBefore(pending.startedAt().minus(skew))) {
            throw new CieAuthenticationException(CieError.INVALID_CONDITIONS, "ID token iat " + issued
                    + " is not between the login start and now");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && notBefore.toInstant().isAfter(now.plus(skew))) {
            throw new CieAuthenticationException(CieError.INVALID_CONDITIONS, "ID token not valid before " + notBefore);
        }
        Object nonce = claims.getClaim("nonce");
        if (!(nonce instanceof String) || !MessageDigest.isEqual(((String) nonce).getBytes(StandardCharsets.UTF_8),
                pending.nonce().getBytes(StandardCharsets.UTF_8))) {
            throw new CieAuthenticationException(CieError.UNKNOWN_REQUEST,
                    "ID token nonce is not the one of the login this browser started");
        }
        if (claims.getSubject() == null || claims.getSubject().isEmpty()) {
            throw new CieAuthenticationException(CieError.INVALID_SUBJECT, "ID token has no sub");
        }
        CieLevel level = level(claims);
        if (!level.isAtLeast(pending.level())) {
            throw new CieAuthenticationException(CieError.INSUFFICIENT_LEVEL, "ID token acr is " + level
                    + ", requested " + pending.level());
        }
        Object atHash = claims.getClaim("at_hash");
        AccessTokenHash expected = AccessTokenHash.compute(accessToken, idToken.getHeader().getAlgorithm(), null);
        if (expected == null || !expected.getValue().equals(atHash)) {
            throw new CieAuthenticationException(CieError.INVALID_TOKEN,
                    "ID token at_hash does not match the access token");
        }
        String jti = claims.getJWTID();
        if (jti == null || jti.isEmpty()) {
            throw new CieAuthenticationException(CieError.INVALID_TOKEN, "ID token has no jti");
        }
        if (!replayCache.firstUse("oidc-id-token:" + issuer + ":" + jti, expiry.toInstant().plus(skew))) {
            throw new CieAuthenticationException(CieError.REPLAYED_RESPONSE, "ID token jti was already used");
        }
        return claims;
    }

    /**
     * @param claims the ID token claims
     * @return the asserted level
     * @throws CieAuthenticationException if {@code acr} is missing or not a level
     */
    static CieLevel level(JWTClaimsSet claims) throws CieAuthenticationException {
        Object acr = claims.getClaim("acr");
        Optional<CieLevel> level = acr instanceof String ? CieLevel.fromUri((String) acr) : Optional.empty();
        if (level.isEmpty()) {
            throw new CieAuthenticationException(CieError.INVALID_AUTHN_CONTEXT, "ID token acr is "
                    + CallbackReader.Detail.of(String.valueOf(acr)));
        }
        return level.get();
    }

    static JWTClaimsSet claims(SignedJWT jwt) throws CieAuthenticationException {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new CieAuthenticationException(CieError.INVALID_TOKEN, "claims are not JSON: " + e.getMessage());
        }
    }
}
