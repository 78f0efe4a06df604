package io.github.cieservlet.oidc;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.CieIdentity;
import io.github.cieservlet.CieLevel;
import io.github.cieservlet.spi.ProtocolEvidence;
import io.github.cieservlet.spi.ProtocolLogin;
import io.github.cieservlet.store.ReplayCache;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
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

    private static final ProtocolEvidence NO_EVIDENCE = new ProtocolEvidence() {
        @Override
        public void request(String id, String asSent, Instant issuedAt) {
            // not recorded
        }

        @Override
        public void answer(String part) {
            // not recorded
        }

        @Override
        public void identityProvider(String entityId) {
            // not recorded
        }
    };

    private final OidcSettings settings;
    private final ProviderResolver resolver;
    private final AuthorizationRequestFactory requests;
    private final CallbackReader callbacks;
    private final TokenClient tokens;
    private final SignedTokenReader tokenReader;
    private final IdTokenChecks idTokenChecks;
    private final UserInfoClient userInfo;
    private final RevocationClient revocation;
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
        OpClient op = new OpClient(settings, keys, sender);
        this.tokens = new TokenClient(settings, op);
        this.tokenReader = new SignedTokenReader(keys.decryptionJwks(), settings.maxResponseBytes());
        this.idTokenChecks = new IdTokenChecks(settings.entityId().toString(), settings.clockSkew(), replayCache);
        this.userInfo = new UserInfoClient(op, tokenReader);
        this.revocation = new RevocationClient(op);
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
        return finish(callbackParameters, pending, NO_EVIDENCE).identity();
    }

    /**
     * @param callbackParameters the query parameters of the callback
     * @param pending the login this browser started (use it once)
     * @param evidence gets the OP, the request object as sent ({@code state} as its ID), then the ID token and the
     *     UserInfo JWT as received
     * @return the citizen's identity, and the session state {@link #logout(byte[])} needs (the OP and the access
     *     token)
     * @throws CieAuthenticationException naming the refused check
     */
    public ProtocolLogin finish(Map<String, List<String>> callbackParameters, PendingOidcLogin pending,
            ProtocolEvidence evidence) throws CieAuthenticationException {
        if (pending == null) {
            throw new CieAuthenticationException(CieError.UNKNOWN_REQUEST, "no login in progress in this browser");
        }
        evidence.identityProvider(pending.providerEntityId().toString());
        evidence.request(pending.state(), requests.requestObject(pending), pending.startedAt());
        String code = callbacks.read(callbackParameters, pending, clock.instant());
        ResolvedProvider provider = resolver.resolve(pending.providerEntityId());
        OIDCTokens issued = tokens.redeem(code, pending, provider);
        evidence.answer(issued.getIDTokenString());
        SignedJWT idToken = tokenReader.read(issued.getIDTokenString(), "ID token", true, provider.keys());
        JWTClaimsSet idClaims = idTokenChecks.check(idToken, issued.getAccessToken(), pending, clock.instant());
        JWTClaimsSet userInfoClaims = userInfo.read(provider, issued.getAccessToken(), idClaims.getSubject(), evidence);
        CieIdentity identity = OidcIdentityMapper.map(idClaims, userInfoClaims, IdTokenChecks.level(idClaims),
                provider.entityId().toString());
        return new ProtocolLogin(identity, (provider.entityId() + " " + issued.getAccessToken().getValue())
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Revokes the login's access token at the OP's revocation endpoint ({@code private_key_jwt}).
     *
     * @param sessionState {@link ProtocolLogin#sessionState()} of the login
     * @throws CieAuthenticationException when the state is not one of this RP's, or the OP refused or was not reached
     */
    public void logout(byte[] sessionState) throws CieAuthenticationException {
        String[] parts = new String(sessionState, StandardCharsets.UTF_8).split(" ", -1);
        if (parts.length != 2 || parts[1].isEmpty()) {
            throw new CieAuthenticationException(CieError.UNKNOWN_REQUEST, "the session keeps no OIDC login");
        }
        URI op;
        try {
            op = new URI(parts[0]);
        } catch (URISyntaxException e) {
            throw new CieAuthenticationException(CieError.UNKNOWN_REQUEST, "the session keeps no OIDC login");
        }
        revocation.revoke(resolver.resolve(op), parts[1]);
    }

    /** @return the RP's entity configuration, signed now */
    public String entityConfiguration() {
        return entityConfiguration.sign(clock.instant());
    }
}
