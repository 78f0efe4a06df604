package io.github.cieservlet.testidp.web;

import io.github.cieservlet.web.Html;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Writes the test IdP's HTML pages: one layout, Italian, self-contained (inline style and, for the
 * auto-submitting form only, one inline script, both allowed by hash in a strict Content-Security-Policy),
 * never cached and never framed.
 */
final class IdpPage {

    /** The id of the form the auto-submit script submits. */
    static final String AUTO_SUBMIT_FORM_ID = "saml-post";

    private static final String STYLE = "body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;"
            + "margin:0;color:#1a1a1a;background:#f5f7fa;line-height:1.5}"
            + ".banner{margin:0;padding:.5rem 1rem;background:#8a4b00;color:#fff;font-weight:600}"
            + "main{max-width:46rem;margin:1.5rem auto;padding:1.5rem;background:#fff;border:1px solid #c5ccd6;"
            + "border-radius:.5rem}"
            + "h1{font-size:1.5rem;margin-top:0;color:#003b7a}h2{font-size:1.15rem;color:#003b7a}"
            + "fieldset{border:1px solid #c5ccd6;border-radius:.375rem;margin:0 0 1rem;padding:.75rem 1rem}"
            + "legend{font-weight:600;padding:0 .25rem}.choice{margin:.35rem 0}"
            + "label{margin-left:.35rem}dt{font-weight:600}dd{margin:0 0 .5rem 0;overflow-wrap:anywhere}"
            + "button{font:inherit;font-weight:600;padding:.6rem 1.4rem;border:0;border-radius:.375rem;"
            + "background:#0053a2;color:#fff;cursor:pointer}"
            + "button:hover{background:#003b7a}:focus-visible{outline:3px solid #e07b00;outline-offset:2px}"
            + ".error{border-left:4px solid #b00020;padding-left:.75rem}.note{color:#4a4a4a;font-size:.95rem}"
            + "code{overflow-wrap:anywhere}";
    private static final String AUTO_SUBMIT_SCRIPT = "document.getElementById('" + AUTO_SUBMIT_FORM_ID + "').submit();";
    private static final String CSP_BASE = "default-src 'none'; base-uri 'none'; frame-ancestors 'none'; style-src '"
            + sha256(STYLE) + "'";
    private static final String CSP_WITH_SCRIPT = CSP_BASE + "; script-src '" + sha256(AUTO_SUBMIT_SCRIPT) + "'";

    private IdpPage() {
    }

    /**
     * Sends a page.
     *
     * @param response the HTTP response, not yet committed
     * @param status the HTTP status
     * @param title the page title, plain text
     * @param mainHtml the content of {@code <main>}, already escaped
     * @param autoSubmit whether the page submits the form {@value #AUTO_SUBMIT_FORM_ID} by itself
     * @throws IOException when the page cannot be written
     */
    static void send(HttpServletResponse response, int status, String title, String mainHtml, boolean autoSubmit)
            throws IOException {
        String page = "<!DOCTYPE html>\n<html lang=\"it\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + Html.escape(title) + " – IdP di test CIE</title>\n"
                + "<style>" + STYLE + "</style>\n</head>\n<body>\n"
                + "<header><p class=\"banner\">IdP di test CIE: solo per lo sviluppo su questo computer, nessun dato"
                + " reale</p></header>\n"
                + "<main>\n" + mainHtml + "</main>\n"
                + (autoSubmit ? "<script>" + AUTO_SUBMIT_SCRIPT + "</script>\n" : "")
                + "</body>\n</html>\n";
        byte[] body = page.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", autoSubmit ? CSP_WITH_SCRIPT : CSP_BASE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
