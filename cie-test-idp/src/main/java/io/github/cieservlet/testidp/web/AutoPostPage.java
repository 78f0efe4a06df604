package io.github.cieservlet.testidp.web;

import io.github.cieservlet.testidp.request.ReplyTo;
import io.github.cieservlet.web.Html;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The HTTP-POST binding back to the service provider: a form carrying {@code SAMLResponse} and the original
 * {@code RelayState} to the ACS, submitted by a small script, or by the visible button when scripts are off.
 */
final class AutoPostPage {

    private AutoPostPage() {
    }

    /**
     * @param response the HTTP response, not yet committed
     * @param to where the Response goes
     * @param responseXml the signed Response
     * @param summary what the Response says, in Italian plain text, shown while it is sent
     * @param detail why the request was refused, in English plain text for the developer; null if it was not
     * @throws IOException when the page cannot be written
     */
    static void send(HttpServletResponse response, ReplyTo to, String responseXml, String summary, String detail)
            throws IOException {
        String encoded = Base64.getEncoder().encodeToString(responseXml.getBytes(StandardCharsets.UTF_8));
        StringBuilder main = new StringBuilder()
                .append("<h1>Ritorno al servizio</h1>\n")
                .append("<p>").append(Html.escape(summary)).append("</p>\n");
        if (detail != null) {
            main.append("<p lang=\"en\"><code>").append(Html.escape(detail)).append("</code></p>\n");
        }
        main.append("<form id=\"").append(IdpPage.AUTO_SUBMIT_FORM_ID).append("\" method=\"post\" action=\"")
                .append(Html.escape(to.acsUrl())).append("\">\n")
                .append("<input type=\"hidden\" name=\"SAMLResponse\" value=\"").append(Html.escape(encoded)).append("\">\n");
        if (to.relayState() != null) {
            main.append("<input type=\"hidden\" name=\"RelayState\" value=\"").append(Html.escape(to.relayState()))
                    .append("\">\n");
        }
        main.append("<noscript><p>JavaScript è disattivato: premi il pulsante per tornare al servizio.</p></noscript>\n")
                .append("<button type=\"submit\">Torna al servizio</button>\n</form>\n");
        IdpPage.send(response, HttpServletResponse.SC_OK, "Ritorno al servizio", main.toString(), true);
    }
}
