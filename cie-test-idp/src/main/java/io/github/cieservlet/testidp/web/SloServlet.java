package io.github.cieservlet.testidp.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /cie-test-idp/profile/SAML2/Redirect/SLO}: like the Ministry's IdP, which does not implement SAML
 * logout, it shows "Logout effettuato con successo" and ignores any SAMLRequest; no LogoutResponse is sent.
 */
public final class SloServlet extends IdpServlet {

    private static final long serialVersionUID = 1L;

    /** Creates the endpoint; it accepts GET, and POST for a LogoutRequest sent that way. */
    public SloServlet() {
        super("GET", "POST");
    }

    @Override
    void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        IdpPage.send(response, HttpServletResponse.SC_OK, "Logout", "<h1>Logout effettuato con successo</h1>\n"
                + "<p>La sessione presso l'identity provider di test è chiusa. Puoi chiudere questa pagina.</p>\n",
                false);
    }
}
