package io.github.cieservlet.testidp.oidc;

import com.nimbusds.jose.jwk.JWKSet;
import java.util.List;
import java.util.Objects;

/** What the test federation knows of a relying party: its federation keys, its metadata keys, its redirect URIs. */
public final class RelyingParty {

    private final String clientId;
    private final JWKSet federationKeys;
    private final JWKSet keys;
    private final List<String> redirectUris;

    /**
     * @param clientId the RP entity ID
     * @param federationKeys the keys of its entity configuration
     * @param keys the {@code jwks} of its {@code openid_relying_party} metadata (signing and encryption)
     * @param redirectUris its redirect URIs
     */
    public RelyingParty(String clientId, JWKSet federationKeys, JWKSet keys, List<String> redirectUris) {
        this.clientId = Objects.requireNonNull(clientId);
        this.federationKeys = federationKeys.toPublicJWKSet();
        this.keys = keys.toPublicJWKSet();
        this.redirectUris = List.copyOf(redirectUris);
    }

    /** @return the client ID */
    public String clientId() {
        return clientId;
    }

    /** @return the federation keys */
    public JWKSet federationKeys() {
        return federationKeys;
    }

    /** @return the metadata keys */
    public JWKSet keys() {
        return keys;
    }

    /** @return the redirect URIs */
    public List<String> redirectUris() {
        return redirectUris;
    }
}
