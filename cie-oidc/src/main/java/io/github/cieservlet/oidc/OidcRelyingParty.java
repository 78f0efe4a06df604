package io.github.cieservlet.oidc;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.CieIdentity;
import io.github.cieservlet.CieLevel;
import io.github.cieservlet.store.ReplayCache;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The CIE OpenID Connect login, start to finish, without servlets: {@link #start()} resolves the OP through the
 * federation and builds the redirect; {@link #finish(Map, PendingOidcLogin)} checks the callback, redeems the code,
 * verifies the ID token and the encrypted UserInfo and returns the same {@link CieIdentity} as SAML.
 * {@link #entityConfiguration()} is the RP's signed entity configuration.
 */
public final class OidcRelyingParty {

    private final OidcSettings settings;
    private final ProviderResolver resolver;
    private final AuthorizationRequestFactory requests;
    private final CallbackReader callbacks;
    private final TokenClient tokens;
    private final SignedTokenReader tokenReader;
    private final IdTokenChecks idTokenChecks;
    private final UserInfoClient userInfo;
    private final RpEntityConfiguration entityConfiguration;
    private final Clock clock;

    /**
     * @param settings the RP configuration
     * @param keys the RP keys
     * @param replayCache where used ID token {@code jti}s are remembered
     * @param clock the clock
     */
    public OidcRelyingParty(OidcSettings settings, RpKeys keys, ReplayCache replayCache, Clock clock) {
        this(settings, keys, replayCache, clock, new BoundedHttpSender(settings.maxResponseBytes()));
    }

    OidcRelyingParty(OidcSettings settings, RpKeys keys, ReplayCache replayCache, Clock clock,
            HTTPRequestSender sender) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.resolver = new ProviderResolver(settings.trustAnchors(), sender, clock);
        this.requests = new AuthorizationRequestFactory(settings, keys);
        this.callbacks = new CallbackReader(settings.loginTimeout());
        this.tokens = new TokenClient(settings, keys, sender);
        this.tokenReader = new SignedTokenReader(keys.decryptionJwks(), settings.maxResponseBytes());
        this.idTokenChecks = new IdTokenChecks(settings.entityId().toString(), settings.clockSkew(), replayCache);
        this.userInfo = new UserInfoClient(settings.entityId().toString(), tokenReader, sender);
        this.entityConfiguration = new RpEntityConfiguration(settings, keys);
    }

    /**
     * @return the redirect to the OP at the configured level, and the login to remember
     * @throws CieAuthenticationException when the OP's trust chain cannot be resolved or verified
     */
    public LoginRedirect start() throws CieAuthenticationException {
        return start(settings.level());
    }

    /**
     * @param level the level to request
     * @return the redirect to the OP, and the login to remember
     * @throws CieAuthenticationException when the OP's trust chain cannot be resolved or verified
     */
    public LoginRedirect start(CieLevel level) throws CieAuthenticationException {
        ResolvedProvider provider = resolver.resolve(settings.providerEntityId());
        return requests.create(provider, level, clock.instant());
    }

    /**
     * @param callbackParameters the query parameters of the callback
     * @param pending the login this browser started (use it once)
     * @return the citizen's identity
     * @throws CieAuthenticationException naming the refused check
     */
    public CieIdentity finish(Map<String, List<String>> callbackParameters, PendingOidcLogin pending)
            throws CieAuthenticationException {
        if (pending == null) {
            throw new CieAuthenticationException(CieError.UNKNOWN_REQUEST, "no login in progress in this browser");
        }
        String code = callbacks.read(callbackParameters, pending, clock.instant());
        ResolvedProvider provider = resolver.resolve(pending.providerEntityId());
        OIDCTokens issued = tokens.redeem(code, pending, provider);
        SignedJWT idToken = tokenReader.read(issued.getIDTokenString(), "ID token", true, provider.keys());
        JWTClaimsSet idClaims = idTokenChecks.check(idToken, issued.getAccessToken(), pending, clock.instant());
        JWTClaimsSet userInfoClaims = userInfo.read(provider, issued.getAccessToken(), idClaims.getSubject());
        return OidcIdentityMapper.map(idClaims, userInfoClaims, IdTokenChecks.level(idClaims),
                provider.entityId().toString());
    }

    /** @return the RP's entity configuration, signed now */
    public String entityConfiguration() {
        return entityConfiguration.sign(clock.instant());
    }
}
