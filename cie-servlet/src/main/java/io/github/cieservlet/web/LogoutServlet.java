package io.github.cieservlet.web;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieIdentity;
import io.github.cieservlet.CieLogoutToken;
import io.github.cieservlet.bootstrap.CieServiceProvider;
import io.github.cieservlet.config.CieSettings;
import io.github.cieservlet.config.SpEndpoints;
import io.github.cieservlet.logging.Log;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * {@code /cie/logout}: logout as CIE does it ("simple logout"; the IdP has no SAML Single Logout).
 *
 * <p>{@code POST} with the session's {@link CieLogoutToken} invalidates the local session, then sends the browser
 * to {@code cie.afterLogoutUrl}, or, with {@code cie.idpLogout=true}, to the identity provider's logout page with
 * a plain GET, which ends the citizen's session there too (the citizen then stays on the IdP's "Logout effettuato
 * con successo" page). {@code GET} changes nothing: it shows a confirmation page (Italian or English) whose form
 * posts the token, so a cross-site link or image cannot log anyone out. A POST without the right token shows the
 * same page with status 403 and one WARN line, and the session is kept. Without a CIE login both lead to
 * {@code cie.afterLogoutUrl}: there is nothing to end.
 *
 * <p>With a login protocol ({@code cie.protocol}, e.g. OIDC) the protocol ends the login at the identity provider
 * first (OIDC: the access token is revoked at the OP's revocation endpoint); if it cannot, one WARN line says so and
 * the local session ends all the same; then {@code cie.afterLogoutUrl}.
 */
public final class LogoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Log LOG = Log.of(LogoutServlet.class);
    private static final String BUNDLE = "io.github.cieservlet.web.messages";

    private transient CieServiceProvider provider;

    @Override
    public void init() throws ServletException {
        provider = CieServiceProvider.from(getServletContext());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (CieIdentity.from(request) == null) {
            redirect(response, afterLogoutUrl());
            return;
        }
        confirmationPage(request, response, HttpServletResponse.SC_OK);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (CieIdentity.from(request) == null) {
            redirect(response, afterLogoutUrl());
            return;
        }
        if (!CieLogoutToken.isPresentIn(request)) {
            LOG.warn("CIE logout refused: the POST has no or a wrong {} (cross-site request?); session kept, "
                    + "confirmation page shown", CieLogoutToken.PARAM);
            confirmationPage(request, response, HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        logout(request, response);
    }

    private void logout(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            endAtIdentityProvider(session);
            session.invalidate();
            LOG.info("CIE logout: local session ended");
        }
        String location = afterLogoutUrl();
        if (provider.settings().idpLogout() && provider.protocol().isEmpty()) {
            try {
                location = provider.idpMetadata().current().sloRedirectUrl().orElse(location);
            } catch (CieAuthenticationException e) {
                LOG.warn("CIE logout: IdP logout page unknown ({}); local logout only", e.getMessage());
            }
        }
        redirect(response, location);
    }

    private void endAtIdentityProvider(HttpSession session) {
        Object state = session.getAttribute(ProtocolCallbackServlet.SESSION_STATE);
        if (state instanceof byte[] && provider.protocol().isPresent()) {
            try {
                provider.protocol().get().logout((byte[]) state);
                LOG.info("CIE logout: login ended at the identity provider ({})", provider.settings().protocol());
            } catch (CieAuthenticationException e) {
                LOG.warn("CIE logout: the identity provider was not told ({}: {}); local logout only", e.error().code(),
                        e.getMessage());
            }
        }
    }

    private String afterLogoutUrl() {
        CieSettings settings = provider.settings();
        return settings.endpoints().absolute(settings.afterLogoutPath());
    }

    private void confirmationPage(HttpServletRequest request, HttpServletResponse response, int status)
            throws IOException {
        Locale locale = ErrorPageRenderer.chooseLocale(request);
        ResourceBundle messages = ResourceBundle.getBundle(BUNDLE, locale, LogoutServlet.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String title = Html.escape(messages.getString("logout.title"));
        String action = request.getContextPath() + provider.settings().endpoints().path(SpEndpoints.LOGOUT);
        String body = "<h1>" + title + "</h1><p>" + Html.escape(messages.getString("logout.text")) + "</p>"
                + "<form method=\"post\" action=\"" + Html.escape(action) + "\"><input type=\"hidden\" name=\""
                + CieLogoutToken.PARAM + "\" value=\"" + Html.escape(CieLogoutToken.of(request)) + "\">"
                + "<button type=\"submit\" id=\"cie-logout-confirm\">" + Html.escape(messages.getString("logout.confirm"))
                + "</button></form><p><a href=\"" + Html.escape(request.getContextPath() + "/") + "\">"
                + Html.escape(messages.getString("logout.cancel")) + "</a></p>";
        PageWriter.write(response, status, locale.getLanguage(), title, body, "'self'", null);
    }

    private static void redirect(HttpServletResponse response, String location) {
        PageWriter.noStore(response);
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", location);
    }
}
