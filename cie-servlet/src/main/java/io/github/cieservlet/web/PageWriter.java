package io.github.cieservlet.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * Writes the library's own HTML pages with the headers every one of them needs: no caching, no framing, no
 * content sniffing, and a Content-Security-Policy that allows only inline styles (and, when given, one
 * script by nonce and form posts to one origin).
 */
final class PageWriter {

    private static final String STYLE = "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;"
            + "margin:0;background:#f5f7fa;color:#1a1a1a}main{max-width:40rem;margin:3rem auto;padding:2rem;"
            + "background:#fff;border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.12)}h1{font-size:1.5rem;color:#0053a2}"
            + "a,button{color:#0053a2}a:focus,button:focus{outline:3px solid #ffbf47;outline-offset:2px}"
            + ".code{color:#555;font-size:.9rem}button{background:#0053a2;color:#fff;border:0;padding:.7rem 1.4rem;"
            + "font-size:1rem;border-radius:4px;cursor:pointer}";

    private PageWriter() {
    }

    /**
     * @param response the response to write to
     * @param status HTTP status
     * @param lang the page's language
     * @param title the escaped title
     * @param bodyHtml the escaped body markup
     * @param formAction origin forms may post to, or null for none
     * @param scriptNonce nonce of the one allowed inline script, or null for none
     * @throws IOException when writing fails
     */
    static void write(HttpServletResponse response, int status, String lang, String title, String bodyHtml,
            String formAction, String scriptNonce) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        noStore(response);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:;"
                + " frame-ancestors 'none'; base-uri 'none'; form-action " + (formAction == null ? "'none'" : formAction)
                + (scriptNonce == null ? "" : "; script-src 'nonce-" + scriptNonce + "'"));
        PrintWriter out = response.getWriter();
        out.write("<!DOCTYPE html>\n<html lang=\"" + lang + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title
                + "</title><style>" + STYLE + "</style></head><body><main>" + bodyHtml + "</main></body></html>\n");
        out.flush();
    }

    /** @param response a response that must never be cached */
    static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
    }
}
