package io.github.cieservlet.testidp.web;

import io.github.cieservlet.logging.Log;
import io.github.cieservlet.config.LoopbackAddress;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * In front of every test IdP servlet (mapped by servlet name, so no path trick avoids it): the test IdP lets anyone
 * log in as any test citizen, so it answers only a browser on this machine talking to it directly. A request is
 * refused with a 403 page and one WARN line when its remote address or its local address is not a loopback
 * literal ({@link LoopbackAddress}: no DNS), or when it carries a forwarding header (a reverse proxy on this
 * machine would otherwise make a remote browser look local). {@code cie.publicBaseUrl} on localhost
 * ({@link io.github.cieservlet.testidp.ActivationGuard}) is not enough: Tomcat listens on every interface by
 * default.
 */
public final class LoopbackOnlyFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Log LOG = Log.of(LoopbackOnlyFilter.class);

    /** Headers a proxy adds; any of them means the request did not come straight from this machine's browser. */
    static final List<String> FORWARDING_HEADERS = List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Host",
            "X-Forwarded-Proto", "X-Forwarded-Port", "X-Forwarded-Prefix", "X-Forwarded-Server", "X-Real-IP",
            "X-Client-IP", "True-Client-IP", "CF-Connecting-IP", "X-Cluster-Client-IP", "Via");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String refusal = refusal(request);
        if (refusal == null) {
            chain.doFilter(request, response);
            return;
        }
        LOG.warn("cie-test-idp refused {} {}: {}", request.getMethod(), request.getRequestURI(), refusal);
        IdpPage.send(response, HttpServletResponse.SC_FORBIDDEN, "Accesso negato",
                "<h1>Accesso negato / Access denied</h1>\n<div class=\"error\" role=\"alert\">\n"
                        + "<p>L'IdP di test risponde solo a un browser su questo stesso computer, collegato"
                        + " direttamente (indirizzo di loopback, nessun proxy).</p>\n"
                        + "<p lang=\"en\">The test IdP answers only a browser on this very machine, connected"
                        + " directly (loopback address, no proxy).</p>\n</div>\n", false);
    }

    /** @return why the request is refused, or null when it is a direct loopback request */
    static String refusal(HttpServletRequest request) {
        if (!LoopbackAddress.isLoopback(request.getRemoteAddr())) {
            return "remote address " + request.getRemoteAddr() + " is not loopback";
        }
        if (!LoopbackAddress.isLoopback(request.getLocalAddr())) {
            return "local address " + request.getLocalAddr() + " is not loopback";
        }
        for (String header : FORWARDING_HEADERS) {
            if (request.getHeader(header) != null) {
                return "forwarding header " + header + " present";
            }
        }
        return null;
    }
}
