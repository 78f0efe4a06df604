package io.github.cieservlet;

/**
 * Told of every successful CIE login, after the Response has passed every check and before the browser is
 * sent on. Service providers must keep the evidence of each authentication (the signed Response and the
 * request it answers): implement this interface and name the class in the {@code cie.authenticationListeners}
 * context-param.
 *
 * <p>Implementations need a public no-argument constructor, must be thread-safe, and should return quickly.
 * An exception thrown here fails the login (fail closed: evidence that cannot be kept means no login).
 */
public interface CieAuthenticationListener {

    /**
     * Called once per successful login.
     *
     * @param event the identity with the exact signed Response and the AuthnRequest it answers
     * @throws Exception when the evidence cannot be kept; the citizen then sees a generic error page
     */
    void onAuthentication(CieAuthenticationEvent event) throws Exception;
}
