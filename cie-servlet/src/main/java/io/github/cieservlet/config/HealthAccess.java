package io.github.cieservlet.config;

import java.util.Objects;

/**
 * Who may read {@code /cie/health} ({@code cie.health}): nobody ({@code off}, the default: the endpoint does
 * not exist), clients on this machine ({@code loopback}), or clients sending a bearer token
 * ({@code token:${env:CIE_HEALTH_TOKEN}}, at least 32 characters). Immutable.
 */
public final class HealthAccess {

    /** The endpoint is off. */
    public static final HealthAccess OFF = new HealthAccess(false, null);

    /** Shortest token accepted. */
    public static final int MIN_TOKEN_LENGTH = 32;

    private final boolean loopback;
    private final String token;

    private HealthAccess(boolean loopback, String token) {
        this.loopback = loopback;
        this.token = token;
    }

    /**
     * @param text the value of {@code cie.health}
     * @return the access rule
     * @throws IllegalArgumentException with what to write instead
     */
    public static HealthAccess parse(String text) {
        Objects.requireNonNull(text, "text");
        if ("off".equals(text)) {
            return OFF;
        }
        if ("loopback".equals(text)) {
            return new HealthAccess(true, null);
        }
        if (text.startsWith("token:")) {
            String token = text.substring("token:".length());
            if (token.length() < MIN_TOKEN_LENGTH) {
                throw new IllegalArgumentException("the token must be at least " + MIN_TOKEN_LENGTH + " characters;"
                        + " write token:${env:CIE_HEALTH_TOKEN} with a long random secret in that variable");
            }
            return new HealthAccess(false, token);
        }
        throw new IllegalArgumentException("'" + text + "' is not valid; use off, loopback or token:${env:NAME}");
    }

    /** @return whether the endpoint exists */
    public boolean enabled() {
        return loopback || token != null;
    }

    /** @return whether only loopback clients may read it */
    public boolean loopbackOnly() {
        return loopback;
    }

    /** @return the bearer token, or null */
    public String token() {
        return token;
    }

    @Override
    public String toString() {
        return loopback ? "loopback" : token != null ? "token" : "off";
    }
}
