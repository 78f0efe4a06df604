package io.github.cieservlet.web;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.bootstrap.CieServiceProvider;
import io.github.cieservlet.config.CieSettings;
import io.github.cieservlet.config.SpEndpoints;
import io.github.cieservlet.logging.Log;
import io.github.cieservlet.saml.IdpMetadata;
import io.github.cieservlet.saml.LogoutRequestReader;
import io.github.cieservlet.saml.LogoutResponseFactory;
import io.github.cieservlet.saml.SamlIds;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;

/**
 * {@code /cie/slo}: the SingleLogoutService the CIE rules require in the metadata "for future logout
 * methods" (today the CIE IdP sends no LogoutRequests). A LogoutRequest signed by the identity provider
 * (HTTP-Redirect or HTTP-POST) ends this browser's local session and is answered with a signed LogoutResponse
 * on HTTP-Redirect; an unexpected LogoutResponse just leads to {@code cie.afterLogoutUrl}.
 */
public final class SingleLogoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Log LOG = Log.of(SingleLogoutServlet.class);
    private static final int MAX_RELAY_STATE = 80;

    private transient CieServiceProvider provider;
    private transient LogoutRequestReader requests;
    private transient LogoutResponseFactory responses;
    private transient ErrorPageRenderer errorPages;

    @Override
    public void init() throws ServletException {
        provider = CieServiceProvider.from(getServletContext());
        CieSettings settings = provider.settings();
        requests = new LogoutRequestReader(settings);
        responses = new LogoutResponseFactory(settings);
        errorPages = new ErrorPageRenderer(settings.endpoints().path(SpEndpoints.LOGIN));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle(request, response, false);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle(request, response, true);
    }

    private void handle(HttpServletRequest request, HttpServletResponse response, boolean post) throws IOException {
        PageWriter.noStore(response);
        try {
            if (request.getParameter(LogoutRequestReader.PARAM) == null) {
                if (request.getParameter(LogoutResponseFactory.PARAM) == null) {
                    throw new CieAuthenticationException(CieError.INVALID_LOGOUT_MESSAGE,
                            "neither SAMLRequest nor SAMLResponse");
                }
                redirect(response, provider.settings().endpoints().absolute(provider.settings().afterLogoutPath()));
                return;
            }
            IdpMetadata idp = provider.idpMetadata().current();
            LogoutRequest logoutRequest = post
                    ? requests.fromPost(request.getParameter(LogoutRequestReader.PARAM), idp)
                    : requests.fromRedirect(request.getQueryString(), idp);
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            String destination = idp.sloRedirectUrl().orElseThrow(() -> new CieAuthenticationException(
                    CieError.INVALID_LOGOUT_MESSAGE, "the IdP metadata has no HTTP-Redirect SingleLogoutService"));
            LogoutResponse logoutResponse = responses.create(SamlIds.newId(), logoutRequest.getID(),
                    provider.clock().instant(), destination);
            String relayState = request.getParameter("RelayState");
            if (relayState != null && relayState.length() > MAX_RELAY_STATE) {
                relayState = null;
            }
            LOG.info("CIE single logout: LogoutRequest {} answered", logoutRequest.getID());
            redirect(response, destination + (destination.contains("?") ? "&" : "?")
                    + responses.redirectQuery(logoutResponse, relayState));
        } catch (CieAuthenticationException e) {
            errorPages.render(request, response, e.error(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure in the CIE SingleLogoutService", e);
            errorPages.render(request, response, CieError.INTERNAL_ERROR, "unexpected " + e.getClass().getName());
        }
    }

    private static void redirect(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", location);
    }
}
