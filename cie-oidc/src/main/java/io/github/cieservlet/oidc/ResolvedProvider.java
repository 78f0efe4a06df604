package io.github.cieservlet.oidc;

import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * An OpenID Provider as its verified trust chain describes it, after the metadata policy: where to send the citizen
 * and the code, and the keys its tokens must be signed with. Valid until {@link #expiresAt()}.
 */
public final class ResolvedProvider {

    private final URI entityId;
    private final URI trustAnchor;
    private final URI authorizationEndpoint;
    private final URI tokenEndpoint;
    private final URI userInfoEndpoint;
    private final URI revocationEndpoint;
    private final JWKSet keys;
    private final Instant expiresAt;

    ResolvedProvider(URI entityId, URI trustAnchor, URI authorizationEndpoint, URI tokenEndpoint, URI userInfoEndpoint,
            URI revocationEndpoint, JWKSet keys, Instant expiresAt) {
        this.entityId = Objects.requireNonNull(entityId);
        this.trustAnchor = Objects.requireNonNull(trustAnchor);
        this.authorizationEndpoint = Objects.requireNonNull(authorizationEndpoint);
        this.tokenEndpoint = Objects.requireNonNull(tokenEndpoint);
        this.userInfoEndpoint = Objects.requireNonNull(userInfoEndpoint);
        this.revocationEndpoint = revocationEndpoint;
        this.keys = keys.toPublicJWKSet();
        this.expiresAt = Objects.requireNonNull(expiresAt);
    }

    /** @return the OP's entity ID, which is also its {@code issuer} */
    public URI entityId() {
        return entityId;
    }

    /** @return the trust anchor the chain ends at */
    public URI trustAnchor() {
        return trustAnchor;
    }

    /** @return the authorization endpoint */
    public URI authorizationEndpoint() {
        return authorizationEndpoint;
    }

    /** @return the token endpoint */
    public URI tokenEndpoint() {
        return tokenEndpoint;
    }

    /** @return the UserInfo endpoint */
    public URI userInfoEndpoint() {
        return userInfoEndpoint;
    }

    /** @return the revocation endpoint, or null when the OP publishes none */
    public URI revocationEndpoint() {
        return revocationEndpoint;
    }

    /** @return the OP's public keys from its signed metadata */
    public JWKSet keys() {
        return keys;
    }

    /** @return when the trust chain expires (the earliest {@code exp} in it) */
    public Instant expiresAt() {
        return expiresAt;
    }
}
