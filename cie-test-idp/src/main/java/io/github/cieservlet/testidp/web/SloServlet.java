package io.github.cieservlet.testidp.web;

import io.github.cieservlet.logging.Log;
import io.github.cieservlet.testidp.request.LogoutRequestChecker;
import io.github.cieservlet.testidp.request.RequestRefusedException;
import io.github.cieservlet.testidp.response.ResponseBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A test IdP's SingleLogoutService. The CIE one ({@code /cie-test-idp/profile/SAML2/Redirect/SLO}), like the
 * Ministry's IdP, which does not implement SAML logout, shows "Logout effettuato con successo" and ignores any
 * SAMLRequest. The SPID and FICEP ones ({@code .../spid/slo}, {@code .../ficep/slo}) show the same page to a plain
 * visit, and answer a LogoutRequest (HTTP-Redirect by GET, HTTP-POST by POST) as SPID asks: checked by
 * {@link LogoutRequestChecker}, then a signed LogoutResponse posted to the service provider's SingleLogoutService
 * with the RelayState; a request that is not authentic gets the IdP error page.
 */
public final class SloServlet extends IdpServlet {

    private static final long serialVersionUID = 1L;
    private static final Log LOG = Log.of(SloServlet.class);
    private static final String SAML_REQUEST = "SAMLRequest";

    private final transient LogoutRequestChecker checker;
    private final transient ResponseBuilder responses;

    /** The CIE endpoint: it accepts GET, and POST for a LogoutRequest sent that way, and answers only the page. */
    public SloServlet() {
        this(null, null);
    }

    /**
     * A SPID endpoint, answering LogoutRequests.
     *
     * @param checker checks LogoutRequests
     * @param responses builds LogoutResponses
     */
    public SloServlet(LogoutRequestChecker checker, ResponseBuilder responses) {
        super("GET", "POST");
        this.checker = checker;
        this.responses = responses;
    }

    @Override
    void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (checker == null || request.getParameter(SAML_REQUEST) == null) {
            IdpPage.send(response, HttpServletResponse.SC_OK, "Logout", "<h1>Logout effettuato con successo</h1>\n"
                    + "<p>La sessione presso l'identity provider di test è chiusa. Puoi chiudere questa pagina.</p>\n",
                    false);
            return;
        }
        LogoutRequestChecker.ValidLogout logout;
        try {
            logout = "POST".equals(request.getMethod())
                    ? checker.checkPost(request.getParameter(SAML_REQUEST), request.getParameter("RelayState"))
                    : checker.checkRedirect(request.getQueryString());
        } catch (RequestRefusedException e) {
            LOG.warn("cie-test-idp refused a LogoutRequest: {} {}", e.code().label(), e.getMessage());
            ErrorPage.send(response, e.code(), e.getMessage());
            return;
        }
        LOG.info("cie-test-idp answers LogoutRequest {} of {}: {}", logout.replyTo().inResponseTo(),
                logout.replyTo().spEntityId(), logout.refusal() == null ? "Success" : "RequestDenied, " + logout.refusal());
        AutoPostPage.send(response, logout.replyTo(), responses.logoutResponse(logout.replyTo(), logout.refusal()),
                logout.refusal() == null ? "Logout effettuato con successo: la conferma torna al servizio."
                        : "Richiesta di logout rifiutata: il servizio riceve l'esito RequestDenied.", logout.refusal());
    }
}
