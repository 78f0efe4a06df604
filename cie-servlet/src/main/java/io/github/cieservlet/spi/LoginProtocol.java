package io.github.cieservlet.spi;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieLevel;
import java.util.List;
import java.util.Map;

/**
 * One login protocol, as the web layer sees it: start (a redirect and an opaque pending state that the web layer
 * keeps for this browser, sealed, under a correlation value), finish (the answer's parameters and that state give
 * the identity, or a refusal with a stable code), and the documents the protocol publishes. Thread-safe.
 */
public interface LoginProtocol {

    /**
     * @param level the level to request
     * @return where to send the browser, and what to keep until the answer
     * @throws CieAuthenticationException when the login cannot start (the IdP cannot be resolved now)
     */
    LoginStart start(CieLevel level) throws CieAuthenticationException;

    /** @return the path, under the library's path prefix, where the answer arrives (e.g. {@code /oidc/callback}) */
    String callbackPath();

    /** @return the answer's parameter that carries the correlation value of {@link LoginStart#correlation()} */
    String correlationParameter();

    /**
     * @param parameters the answer's parameters
     * @param pending the state kept at {@link #start(CieLevel)}, for the correlation value the answer carries
     * @param evidence where the request as sent and the answer as received go, for the login's evidence record
     * @return the citizen's identity, and what {@link #logout(byte[])} will need
     * @throws CieAuthenticationException naming the refused check
     */
    ProtocolLogin finish(Map<String, List<String>> parameters, byte[] pending, ProtocolEvidence evidence)
            throws CieAuthenticationException;

    /**
     * Ends the login at the identity provider as the protocol says (OIDC: revokes the access token), before the web
     * layer ends the local session.
     *
     * @param sessionState {@link ProtocolLogin#sessionState()} of the login
     * @throws CieAuthenticationException when the identity provider could not be told (the local session ends anyway)
     */
    void logout(byte[] sessionState) throws CieAuthenticationException;

    /** @return the documents the protocol serves (metadata, entity configuration) */
    List<PublishedDocument> documents();
}
