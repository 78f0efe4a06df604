package io.github.cieservlet.spi;

import io.github.cieservlet.CieIdentity;
import java.util.Objects;

/**
 * A login a {@link LoginProtocol} has finished: the citizen's identity, and what the protocol needs at logout (kept
 * in the HTTP session, handed back to {@link LoginProtocol#logout(byte[])}; OIDC: the access token to revoke).
 */
public final class ProtocolLogin {

    private final CieIdentity identity;
    private final byte[] sessionState;

    /**
     * @param identity the citizen's identity
     * @param sessionState what logout needs (secret), empty when nothing
     */
    public ProtocolLogin(CieIdentity identity, byte[] sessionState) {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.sessionState = Objects.requireNonNull(sessionState, "sessionState").clone();
    }

    /** @return the citizen's identity */
    public CieIdentity identity() {
        return identity;
    }

    /** @return a copy of what logout needs */
    public byte[] sessionState() {
        return sessionState.clone();
    }
}
