package io.github.cieservlet.oidc;

import java.net.URI;
import java.util.Objects;

/** The start of a login: where to redirect the browser, and what to remember for the callback. */
public final class LoginRedirect {

    private final URI location;
    private final PendingOidcLogin pending;

    LoginRedirect(URI location, PendingOidcLogin pending) {
        this.location = Objects.requireNonNull(location);
        this.pending = Objects.requireNonNull(pending);
    }

    /** @return the OP's authorization endpoint with the signed request object */
    public URI location() {
        return location;
    }

    /** @return the login to remember until the callback */
    public PendingOidcLogin pending() {
        return pending;
    }
}
