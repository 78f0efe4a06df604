package io.github.cieservlet.saml;

import java.util.Objects;

/**
 * A LogoutRequest that the identity provider did sign, but that this service provider does not carry out (no
 * Destination, too old, replayed, or for a citizen who is not the one logged in here). It is answered with a
 * signed LogoutResponse carrying {@link #statusCode()} and {@link #subStatusCode()}, and the session is left as
 * it is. A request that is not authentic is a {@link io.github.cieservlet.CieAuthenticationException} instead.
 */
public final class LogoutRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String requestId;
    private final String statusCode;
    private final String subStatusCode;

    /**
     * @param requestId the ID of the refused LogoutRequest, for InResponseTo
     * @param statusCode the top-level SAML status, e.g. {@code ...:status:Requester}
     * @param subStatusCode the second-level SAML status, e.g. {@code ...:status:RequestDenied}
     * @param detail what exactly was wrong, for the log (no personal data)
     */
    public LogoutRefusedException(String requestId, String statusCode, String subStatusCode, String detail) {
        super(detail);
        this.requestId = Objects.requireNonNull(requestId, "requestId");
        this.statusCode = Objects.requireNonNull(statusCode, "statusCode");
        this.subStatusCode = Objects.requireNonNull(subStatusCode, "subStatusCode");
    }

    /** @return the ID of the refused LogoutRequest */
    public String requestId() {
        return requestId;
    }

    /** @return the top-level status of the answer */
    public String statusCode() {
        return statusCode;
    }

    /** @return the second-level status of the answer */
    public String subStatusCode() {
        return subStatusCode;
    }
}
