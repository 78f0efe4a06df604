package io.github.cieservlet.oidc;

import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.text.ParseException;
import java.util.Objects;

/**
 * A federation trust anchor: its entity ID and its pinned public keys. The keys come from configuration, never from
 * the network: a trust chain verifies only if its last statement is signed by one of them.
 */
public final class TrustAnchor {

    /** The CIE production trust anchor (third-party sources, 2025; confirm at the federation portal). */
    public static final URI CIE_PRODUCTION = URI.create("https://oidc.registry.servizicie.interno.gov.it");

    /**
     * The CIE pre-production trust anchor as several third-party integrations name it (2024-2025: the example
     * settings of {@code spid-cie-oidc-django}, a Node.js client's trust-chain test, an onboarding note that fetches
     * its trust mark from {@code <this>/fetch?sub=<client_id>}), not official documentation: confirm it at the
     * federation portal before relying on it.
     */
    public static final URI CIE_PREPRODUCTION = URI.create("https://preprod.oidc.registry.servizicie.interno.gov.it");

    private final URI entityId;
    private final JWKSet keys;

    /**
     * @param entityId the trust anchor's entity ID
     * @param keys its public keys; private parts are dropped
     * @throws IllegalArgumentException if the URL is not https (or loopback http) or the set holds no key
     */
    public TrustAnchor(URI entityId, JWKSet keys) {
        this.entityId = Objects.requireNonNull(entityId, "entityId");
        if (!Urls.isHttpsOrLoopback(entityId)) {
            throw new IllegalArgumentException("the trust anchor entity ID must be an https URL: " + entityId);
        }
        if (keys == null || keys.getKeys().isEmpty()) {
            throw new IllegalArgumentException("the trust anchor " + entityId + " needs at least one pinned public key");
        }
        this.keys = keys.toPublicJWKSet();
    }

    /**
     * @param entityId the trust anchor's entity ID
     * @param jwksJson its JWKS as JSON (the {@code jwks} of its entity configuration, checked out of band)
     * @return the trust anchor
     * @throws IllegalArgumentException if the JSON is not a JWK set
     */
    public static TrustAnchor of(URI entityId, String jwksJson) {
        try {
            return new TrustAnchor(entityId, JWKSet.parse(jwksJson));
        } catch (ParseException e) {
            throw new IllegalArgumentException("the pinned JWKS of trust anchor " + entityId + " is not a JWK set: "
                    + e.getMessage(), e);
        }
    }

    /** @return the entity ID */
    public URI entityId() {
        return entityId;
    }

    /** @return the pinned public keys */
    public JWKSet keys() {
        return keys;
    }
}
