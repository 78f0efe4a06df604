package io.github.cieservlet.web;

import io.github.cieservlet.CieAuthenticationEvent;
import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieAuthenticationListener;
import io.github.cieservlet.CieError;
import io.github.cieservlet.CieIdentity;
import io.github.cieservlet.bootstrap.CieServiceProvider;
import io.github.cieservlet.logging.Log;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The end of every successful login, whatever the protocol: tells the authentication listeners (any failure
 * refuses the login), rotates the session id (or opens a session), stores the {@link CieIdentity} in the session
 * and sends the browser to the page it asked for.
 */
final class LoginSuccess {

    private static final Log LOG = Log.of(LoginSuccess.class);

    private final CieServiceProvider provider;

    /** @param provider the listeners and the endpoints the target is resolved against */
    LoginSuccess(CieServiceProvider provider) {
        this.provider = provider;
    }

    /**
     * @param request the answer's request
     * @param response its response: a 303 to the target
     * @param event the login's evidence, with the identity
     * @param target the page the citizen asked for (checked at login start)
     * @throws CieAuthenticationException when a listener fails (nothing is stored in the session)
     */
    void complete(HttpServletRequest request, HttpServletResponse response, CieAuthenticationEvent event,
            String target) throws CieAuthenticationException {
        notifyListeners(event);
        HttpSession session = request.getSession(false);
        if (session != null) {
            request.changeSessionId();
        } else {
            session = request.getSession(true);
        }
        session.setAttribute(CieIdentity.SESSION_ATTRIBUTE, event.getIdentity());
        PageWriter.noStore(response);
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", provider.settings().endpoints().absolute(Locations.encode(target)));
    }

    private void notifyListeners(CieAuthenticationEvent event) throws CieAuthenticationException {
        for (CieAuthenticationListener listener : provider.listeners()) {
            try {
                listener.onAuthentication(event);
            } catch (Exception e) {
                LOG.error("Authentication listener {} failed; the login is refused", listener.getClass().getName(), e);
                throw new CieAuthenticationException(CieError.INTERNAL_ERROR, "authentication listener "
                        + listener.getClass().getName() + " failed", e);
            }
        }
    }
}
