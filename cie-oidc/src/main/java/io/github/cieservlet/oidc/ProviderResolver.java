package io.github.cieservlet.oidc;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.openid.connect.sdk.federation.entities.EntityID;
import com.nimbusds.openid.connect.sdk.federation.entities.EntityType;
import com.nimbusds.openid.connect.sdk.federation.policy.MetadataPolicy;
import com.nimbusds.openid.connect.sdk.federation.policy.language.PolicyViolationException;
import com.nimbusds.openid.connect.sdk.federation.trust.DefaultEntityStatementRetriever;
import com.nimbusds.openid.connect.sdk.federation.trust.ResolveException;
import com.nimbusds.openid.connect.sdk.federation.trust.TrustChain;
import com.nimbusds.openid.connect.sdk.federation.trust.TrustChainResolver;
import com.nimbusds.openid.connect.sdk.federation.trust.constraints.TrustChainConstraints;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.logging.Log;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.minidev.json.JSONObject;

/**
 * Resolves an OpenID Provider through OpenID Federation: fetches its entity configuration and the subordinate
 * statements up to a configured trust anchor (Nimbus {@link TrustChainResolver}), verifies every signature and
 * expiry with the trust anchor's pinned keys, applies the chain's combined metadata policy, and checks what the
 * profile needs of the result. The result is cached until the chain expires; a failure is answered from memory for
 * {@link #RETRY_AFTER}, so that logins cannot turn into a flood of requests to the federation.
 */
public final class ProviderResolver {

    private static final Log LOG = Log.of(ProviderResolver.class);

    private final TrustChainResolver resolver;
    private final HTTPRequestSender sender;
    private final Clock clock;
    private final Map<URI, ResolvedProvider> cache = new ConcurrentHashMap<>();
    private final Map<URI, Failure> failures = new ConcurrentHashMap<>();

    /** How long a failed resolution is answered from memory, so that logins cannot hammer the federation. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    private static final class Failure {
        final CieAuthenticationException error;
        final Instant until;

        Failure(CieAuthenticationException error, Instant until) {
            this.error = error;
            this.until = until;
        }
    }

    /**
     * @param trustAnchors the trust anchors with their pinned keys
     * @param maxResponseBytes the largest statement read
     * @param clock the clock that decides cache expiry
     */
    public ProviderResolver(List<TrustAnchor> trustAnchors, int maxResponseBytes, Clock clock) {
        this(trustAnchors, new BoundedHttpSender(maxResponseBytes), clock);
    }

    ProviderResolver(List<TrustAnchor> trustAnchors, HTTPRequestSender sender, Clock clock) {
        Map<EntityID, JWKSet> anchors = new LinkedHashMap<>();
        for (TrustAnchor anchor : trustAnchors) {
            anchors.put(new EntityID(anchor.entityId().toString()), anchor.keys());
        }
        this.sender = sender;
        this.resolver = new TrustChainResolver(anchors, TrustChainConstraints.NO_CONSTRAINTS,
                new DefaultEntityStatementRetriever(sender));
        this.clock = clock;
    }

    /**
     * @param providerEntityId the OP's entity ID
     * @return the OP as its trust chain describes it, from the cache while the chain is valid
     * @throws CieAuthenticationException {@link CieError#TRUST_CHAIN_INVALID} when the chain does not verify,
     *     {@link CieError#IDP_METADATA_UNAVAILABLE} when a statement cannot be fetched
     */
    public ResolvedProvider resolve(URI providerEntityId) throws CieAuthenticationException {
        Instant now = clock.instant();
        ResolvedProvider cached = cache.get(providerEntityId);
        if (cached != null && now.isBefore(cached.expiresAt())) {
            return cached;
        }
        Failure failure = failures.get(providerEntityId);
        if (failure != null && now.isBefore(failure.until)) {
            throw new CieAuthenticationException(failure.error.error(), failure.error.getMessage()
                    + " (resolution not retried before " + failure.until + ")");
        }
        ResolvedProvider fresh;
        try {
            fresh = resolveNow(providerEntityId);
        } catch (CieAuthenticationException e) {
            failures.put(providerEntityId, new Failure(e, now.plus(RETRY_AFTER)));
            throw e;
        }
        failures.remove(providerEntityId);
        cache.put(providerEntityId, fresh);
        LOG.info("OpenID Provider {} resolved through trust anchor {}; trust chain valid until {}",
                providerEntityId, fresh.trustAnchor(), fresh.expiresAt());
        return fresh;
    }

    private ResolvedProvider resolveNow(URI providerEntityId) throws CieAuthenticationException {
        TrustChain chain;
        try {
            chain = resolver.resolveTrustChains(new EntityID(providerEntityId.toString())).getShortest();
        } catch (ResolveException e) {
            throw new CieAuthenticationException(causedByIo(e) ? CieError.IDP_METADATA_UNAVAILABLE
                    : CieError.TRUST_CHAIN_INVALID, "no valid trust chain for " + providerEntityId + ": "
                    + describe(e), e);
        }
        JSONObject metadata = chain.getLeafConfiguration().getClaimsSet().getMetadata(EntityType.OPENID_PROVIDER);
        if (metadata == null) {
            throw invalid(providerEntityId, "its entity configuration has no openid_provider metadata");
        }
        OIDCProviderMetadata provider;
        try {
            MetadataPolicy policy = chain.resolveCombinedMetadataPolicy(EntityType.OPENID_PROVIDER);
            provider = OIDCProviderMetadata.parse(policy.apply(metadata));
        } catch (PolicyViolationException e) {
            throw invalid(providerEntityId, "metadata policy violated: " + e.getMessage());
        } catch (ParseException e) {
            throw invalid(providerEntityId, "openid_provider metadata malformed after the policy: " + e.getMessage());
        }
        if (!providerEntityId.toString().equals(provider.getIssuer().getValue())) {
            throw invalid(providerEntityId, "its issuer is " + provider.getIssuer());
        }
        URI authorization = endpoint(providerEntityId, "authorization_endpoint", provider.getAuthorizationEndpointURI());
        URI token = endpoint(providerEntityId, "token_endpoint", provider.getTokenEndpointURI());
        URI userInfo = endpoint(providerEntityId, "userinfo_endpoint", provider.getUserInfoEndpointURI());
        URI revocation = provider.getRevocationEndpointURI() == null ? null
                : endpoint(providerEntityId, "revocation_endpoint", provider.getRevocationEndpointURI());
        return new ResolvedProvider(providerEntityId, URI.create(chain.getTrustAnchorEntityID().getValue()),
                authorization, token, userInfo, revocation, keys(providerEntityId, provider),
                chain.resolveExpirationTime().toInstant());
    }

    private JWKSet keys(URI providerEntityId, OIDCProviderMetadata provider) throws CieAuthenticationException {
        JWKSet inline = provider.getJWKSet();
        if (inline != null && !inline.getKeys().isEmpty()) {
            return inline;
        }
        URI jwksUri = provider.getJWKSetURI();
        if (jwksUri == null) {
            throw invalid(providerEntityId, "its metadata has neither jwks nor jwks_uri");
        }
        if (!Urls.sameOrigin(jwksUri, providerEntityId) || !Urls.isHttpsOrLoopback(jwksUri)) {
            throw invalid(providerEntityId, "its jwks_uri " + jwksUri + " is not on the OP's own origin");
        }
        try {
            HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, jwksUri);
            request.setFollowRedirects(false);
            HTTPResponse response = request.send(sender);
            if (response.getStatusCode() != 200) {
                throw invalid(providerEntityId, "its jwks_uri answered " + response.getStatusCode());
            }
            return JWKSet.parse(response.getBody());
        } catch (IOException | java.text.ParseException e) {
            throw invalid(providerEntityId, "its jwks_uri " + jwksUri + " gave no JWK set: " + e.getMessage());
        }
    }

    private static URI endpoint(URI providerEntityId, String name, URI uri) throws CieAuthenticationException {
        if (uri == null || !Urls.isHttpsOrLoopback(uri)) {
            throw invalid(providerEntityId, name + " missing or not https: " + uri);
        }
        return uri;
    }

    private static CieAuthenticationException invalid(URI providerEntityId, String detail) {
        return new CieAuthenticationException(CieError.TRUST_CHAIN_INVALID,
                "OpenID Provider " + providerEntityId + " refused: " + detail);
    }

    private static boolean causedByIo(ResolveException e) {
        if (hasIoCause(e)) {
            return true;
        }
        for (Throwable cause : e.getCauses()) {
            if (!hasIoCause(cause)) {
                return false;
            }
        }
        return !e.getCauses().isEmpty();
    }

    private static boolean hasIoCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(ResolveException e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause : e.getCauses()) {
            text.append("; ").append(cause.getMessage());
        }
        return text.toString();
    }
}
