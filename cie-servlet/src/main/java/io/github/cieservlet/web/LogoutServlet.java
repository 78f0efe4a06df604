package io.github.cieservlet.web;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieIdentity;
import io.github.cieservlet.bootstrap.CieServiceProvider;
import io.github.cieservlet.config.CieSettings;
import io.github.cieservlet.logging.Log;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * {@code GET|POST /cie/logout}: logout as CIE does it ("simple logout"; the IdP has no SAML Single Logout).
 * Invalidates the local session, then sends the browser to {@code cie.afterLogoutUrl}, or, with
 * {@code cie.idpLogout=true}, to the identity provider's logout page with a plain GET, which ends the citizen's
 * session there too (the citizen then stays on the IdP's "Logout effettuato con successo" page).
 */
public final class LogoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Log LOG = Log.of(LogoutServlet.class);

    private transient CieServiceProvider provider;

    @Override
    public void init() throws ServletException {
        provider = CieServiceProvider.from(getServletContext());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        logout(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        logout(request, response);
    }

    private void logout(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            boolean wasLoggedIn = session.getAttribute(CieIdentity.SESSION_ATTRIBUTE) != null;
            session.invalidate();
            if (wasLoggedIn) {
                LOG.info("CIE logout: local session ended");
            }
        }
        CieSettings settings = provider.settings();
        String location = settings.endpoints().absolute(settings.afterLogoutPath());
        if (settings.idpLogout()) {
            try {
                location = provider.idpMetadata().current().sloRedirectUrl().orElse(location);
            } catch (CieAuthenticationException e) {
                LOG.warn("CIE logout: IdP logout page unknown ({}); local logout only", e.getMessage());
            }
        }
        PageWriter.noStore(response);
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", location);
    }
}
