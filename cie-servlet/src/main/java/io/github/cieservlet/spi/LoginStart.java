package io.github.cieservlet.spi;

import java.net.URI;
import java.util.Objects;

/** The start of a login: the redirect, the correlation value the answer will carry, and the state to keep. */
public final class LoginStart {

    private final URI location;
    private final String correlation;
    private final byte[] pending;

    /**
     * @param location where to send the browser
     * @param correlation the value the answer carries in {@link LoginProtocol#correlationParameter()}
     * @param pending the state to keep, sealed, until the answer (secret)
     */
    public LoginStart(URI location, String correlation, byte[] pending) {
        this.location = Objects.requireNonNull(location, "location");
        this.correlation = Objects.requireNonNull(correlation, "correlation");
        this.pending = Objects.requireNonNull(pending, "pending").clone();
    }

    /** @return where to send the browser */
    public URI location() {
        return location;
    }

    /** @return the correlation value */
    public String correlation() {
        return correlation;
    }

    /** @return a copy of the state to keep */
    public byte[] pending() {
        return pending.clone();
    }
}
