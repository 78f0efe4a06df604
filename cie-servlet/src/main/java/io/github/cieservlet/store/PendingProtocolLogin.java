package io.github.cieservlet.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A login in progress of a protocol other than SAML (see {@code io.github.cieservlet.spi}): the protocol's own
 * state, opaque to the library, with the page the citizen asked for and the login's times. Sealed by
 * {@link PendingRequestCodec#sealProtocolLogin} under the protocol's correlation value.
 */
public final class PendingProtocolLogin {

    private final byte[] state;
    private final String target;
    private final Instant issueInstant;
    private final Instant expiresAt;

    /**
     * @param state the protocol's state (secret)
     * @param target the page to show after the login
     * @param issueInstant when the login started
     * @param expiresAt when it stops being answerable
     */
    public PendingProtocolLogin(byte[] state, String target, Instant issueInstant, Instant expiresAt) {
        this.state = Objects.requireNonNull(state, "state").clone();
        this.target = Objects.requireNonNull(target, "target");
        this.issueInstant = Objects.requireNonNull(issueInstant, "issueInstant");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** @return a copy of the protocol's state */
    public byte[] state() {
        return state.clone();
    }

    /** @return the page to show after the login */
    public String target() {
        return target;
    }

    /** @return when the login started */
    public Instant issueInstant() {
        return issueInstant;
    }

    /** @return when it stops being answerable */
    public Instant expiresAt() {
        return expiresAt;
    }
}
