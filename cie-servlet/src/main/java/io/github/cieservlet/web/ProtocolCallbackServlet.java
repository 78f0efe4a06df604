package io.github.cieservlet.web;

import io.github.cieservlet.CieAuthenticationEvent;
import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.CieIdentity;
import io.github.cieservlet.bootstrap.CieServiceProvider;
import io.github.cieservlet.logging.Log;
import io.github.cieservlet.spi.LoginProtocol;
import io.github.cieservlet.spi.ProtocolLogin;
import io.github.cieservlet.store.PendingProtocolLogin;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET <cie.pathPrefix><callbackPath>} (OIDC: {@code /cie/oidc/callback}): where the configured login
 * protocol's answer arrives. Opens the login in progress that this browser carries under the answer's correlation
 * value (its sealed cookie: the binding to the browser, checked first) and drops the cookie, lets the protocol
 * check the answer, then ends like the SAML Assertion Consumer Service ({@link LoginSuccess}), and keeps in the
 * session what the protocol needs at logout. Every call is recorded in {@code cie.evidence} (the request as sent, the
 * answer as received) and counted for JMX; any failure ends on the same error pages, with a 4xx status.
 */
public final class ProtocolCallbackServlet extends HttpServlet {

    /** The session attribute that keeps {@link ProtocolLogin#sessionState()} until logout. */
    static final String SESSION_STATE = "io.github.cieservlet.protocolSessionState";

    private static final long serialVersionUID = 1L;
    private static final Log LOG = Log.of(ProtocolCallbackServlet.class);

    private transient CieServiceProvider provider;
    private transient LoginProtocol protocol;
    private transient AnswerEndpoint endpoint;
    private transient PendingLoginCookies pendingLogins;
    private transient LoginSuccess loginSuccess;

    @Override
    public void init() throws ServletException {
        provider = CieServiceProvider.from(getServletContext());
        protocol = provider.protocol().orElseThrow(() -> new ServletException(getClass().getSimpleName()
                + " is mapped but cie.protocol is saml; remove its mapping or set cie.protocol"));
        endpoint = new AnswerEndpoint(provider, "GET", "callback", () -> null);
        pendingLogins = PendingLoginCookies.of(provider);
        loginSuccess = new LoginSuccess(provider);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        endpoint.serve(request, response, this::finish);
    }

    private void finish(HttpServletRequest request, HttpServletResponse response, LoginEvidence evidence)
            throws CieAuthenticationException {
        Instant receivedAt = evidence.receivedAt();
        if (request.getQueryString() != null) {
            evidence.answer(request.getQueryString());
        }
        String[] correlations = request.getParameterValues(protocol.correlationParameter());
        String correlation = correlations != null && correlations.length == 1 ? correlations[0] : null;
        // the binding first: only this browser's own cookie for exactly this correlation value names a login
        PendingProtocolLogin pending = pendingLogins.readProtocolLogin(request, correlation)
                .orElseThrow(() -> new CieAuthenticationException(CieError.UNKNOWN_REQUEST, "no login in progress in"
                        + " this browser for this " + protocol.correlationParameter() + " (unsolicited, already"
                        + " answered, or started in another browser)"));
        pendingLogins.clear(response, correlation);
        ErrorPageRenderer.rememberTarget(request, pending.target());
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> parameters.put(name, Arrays.asList(values)));
        ProtocolLogin login = protocol.finish(parameters, pending.state(), evidence);
        CieIdentity identity = login.identity();
        // then consume, atomically: of two answers to one login (a copied cookie), one only logs in
        if (!provider.replayCache().firstUse("protocol-login:" + correlation, pending.expiresAt())) {
            throw new CieAuthenticationException(CieError.UNKNOWN_REQUEST, "login already answered");
        }
        evidence.accepted(identity);
        // the event names the login by its correlation value; its messages are in the evidence record
        loginSuccess.complete(request, response, new CieAuthenticationEvent(identity, "", "", correlation, correlation,
                correlation, receivedAt), pending.target());
        request.getSession().setAttribute(SESSION_STATE, login.sessionState());
        LOG.info("CIE login completed: protocol={}, level={}", provider.settings().protocol(), identity.getLevel());
    }
}
