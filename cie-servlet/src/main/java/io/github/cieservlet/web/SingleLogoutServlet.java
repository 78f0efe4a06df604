package io.github.cieservlet.web;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.CieIdentity;
import io.github.cieservlet.bootstrap.CieServiceProvider;
import io.github.cieservlet.config.CieSettings;
import io.github.cieservlet.config.SpEndpoints;
import io.github.cieservlet.logging.Log;
import io.github.cieservlet.saml.IdpMetadata;
import io.github.cieservlet.saml.LogoutRefusedException;
import io.github.cieservlet.saml.LogoutRequestReader;
import io.github.cieservlet.saml.LogoutResponseFactory;
import io.github.cieservlet.saml.LogoutSessionMatch;
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
 * (HTTP-Redirect or HTTP-POST) that passes the rules of {@link LogoutRequestReader} and is about this browser's
 * session ({@link LogoutSessionMatch}) ends that session and is answered with a signed Success LogoutResponse on
 * HTTP-Redirect. An authentic request that breaks a rule leaves the session as it is and is answered with a signed
 * LogoutResponse carrying the refusal status, with one WARN line; one that is not authentic gets the
 * {@code CIE-INVALID_LOGOUT_MESSAGE} error page. An unexpected LogoutResponse just leads to {@code cie.afterLogoutUrl}.
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
        requests = new LogoutRequestReader(settings, provider.clock(), provider.replayCache());
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
            String destination = idp.sloRedirectUrl().orElseThrow(() -> new CieAuthenticationException(
                    CieError.INVALID_LOGOUT_MESSAGE, "the IdP metadata has no HTTP-Redirect SingleLogoutService"));
            LogoutResponse logoutResponse;
            try {
                LogoutRequest logoutRequest = post
                        ? requests.fromPost(request.getParameter(LogoutRequestReader.PARAM), idp)
                        : requests.fromRedirect(request.getQueryString(), idp);
                LogoutSessionMatch.check(logoutRequest, CieIdentity.from(request));
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                logoutResponse = responses.create(SamlIds.newId(), logoutRequest.getID(), provider.clock().instant(),
                        destination);
                LOG.info("CIE single logout: LogoutRequest {} answered, session ended", logoutRequest.getID());
            } catch (LogoutRefusedException e) {
                logoutResponse = responses.create(SamlIds.newId(), e.requestId(), provider.clock().instant(),
                        destination, e.statusCode(), e.subStatusCode());
                LOG.warn("CIE single logout refused ({}): LogoutRequest {}: {}; answered {} / {}, session kept",
                        CieError.INVALID_LOGOUT_MESSAGE.code(), e.requestId(), e.getMessage(), e.statusCode(),
                        e.subStatusCode());
            }
            String relayState = request.getParameter("RelayState");
            if (relayState != null && relayState.length() > MAX_RELAY_STATE) {
                relayState = null;
            }
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
