package io.github.cieservlet.oidc;

import io.github.cieservlet.CieLevel;
import java.io.Serializable;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * What the RP must remember between the redirect to the OP and the callback: {@code state}, {@code nonce}, the PKCE
 * code verifier, the requested level and the OP. Secret (the code verifier proves the login): keep it server-side or
 * encrypted, and use it once. {@link #toString()} shows none of the secrets.
 */
public final class PendingOidcLogin implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String state;
    private final String nonce;
    private final String codeVerifier;
    private final CieLevel level;
    private final URI providerEntityId;
    private final Instant startedAt;

    /**
     * @param state the {@code state} sent
     * @param nonce the {@code nonce} sent
     * @param codeVerifier the PKCE code verifier whose S256 challenge was sent
     * @param level the level requested
     * @param providerEntityId the OP the request went to
     * @param startedAt when the login started
     */
    public PendingOidcLogin(String state, String nonce, String codeVerifier, CieLevel level, URI providerEntityId,
            Instant startedAt) {
        this.state = Objects.requireNonNull(state, "state");
        this.nonce = Objects.requireNonNull(nonce, "nonce");
        this.codeVerifier = Objects.requireNonNull(codeVerifier, "codeVerifier");
        this.level = Objects.requireNonNull(level, "level");
        this.providerEntityId = Objects.requireNonNull(providerEntityId, "providerEntityId");
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
    }

    /** @return the {@code state} */
    public String state() {
        return state;
    }

    /** @return the {@code nonce} */
    public String nonce() {
        return nonce;
    }

    /** @return the PKCE code verifier */
    public String codeVerifier() {
        return codeVerifier;
    }

    /** @return the requested level */
    public CieLevel level() {
        return level;
    }

    /** @return the OP's entity ID */
    public URI providerEntityId() {
        return providerEntityId;
    }

    /** @return when the login started */
    public Instant startedAt() {
        return startedAt;
    }

    @Override
    public String toString() {
        return "PendingOidcLogin[op=" + providerEntityId + ", level=" + level + ", startedAt=" + startedAt + "]";
    }
}
