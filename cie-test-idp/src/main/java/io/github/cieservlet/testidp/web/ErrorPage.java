package io.github.cieservlet.testidp.web;

import io.github.cieservlet.testidp.idp.ErrorCode;
import io.github.cieservlet.web.Html;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The IdP's own error page, for the codes the service provider never hears of (nr02-nr07, nr10). */
final class ErrorPage {

    private ErrorPage() {
    }

    /**
     * @param response the HTTP response, not yet committed
     * @param code a code shown by the IdP
     * @param detail what exactly was wrong, for the developer; null to show only the code
     * @throws IOException when the page cannot be written
     */
    static void send(HttpServletResponse response, ErrorCode code, String detail) throws IOException {
        StringBuilder main = new StringBuilder()
                .append("<h1>Richiesta di autenticazione non accettata</h1>\n")
                .append("<div class=\"error\" role=\"alert\">\n<p><strong>").append(Html.escape(code.statusMessage()))
                .append("</strong></p>\n<p>").append(Html.escape(code.description())).append("</p>\n</div>\n");
        if (detail != null) {
            main.append("<h2>Dettaglio per lo sviluppatore</h2>\n<p lang=\"en\"><code>").append(Html.escape(detail))
                    .append("</code></p>\n");
        }
        main.append("<p class=\"note\">Come l'identity provider reale, per questo errore non si torna al fornitore"
                + " di servizi. Chiudi questa pagina e ricomincia l'accesso dal servizio.</p>\n");
        IdpPage.send(response, code.httpStatus(), "Errore " + code.label(), main.toString(), false);
    }
}
