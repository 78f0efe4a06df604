package io.github.cieservlet.testidp.web;

import io.github.cieservlet.logging.Log;
import io.github.cieservlet.testidp.idp.ErrorCode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * What every test IdP endpoint shares: a wrong HTTP method gets the IdP's nr06 page (as at the real IdP), and
 * an unexpected failure gets a plain nr03 page with status 500 and one log line, never a stack trace in the page.
 */
abstract class IdpServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Log LOG = Log.of(IdpServlet.class);

    private final List<String> methods;

    /** @param methods the HTTP methods this endpoint accepts */
    IdpServlet(String... methods) {
        this.methods = List.of(methods);
    }

    @Override
    protected final void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            if (!methods.contains(request.getMethod())) {
                ErrorPage.send(response, ErrorCode.NR06, "HTTP method " + request.getMethod() + " is not accepted by "
                        + request.getRequestURI() + "; use " + String.join(" or ", methods));
                return;
            }
            handle(request, response);
        } catch (IOException | RuntimeException e) {
            LOG.error("cie-test-idp failed on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            LOG.debug("cie-test-idp failure", e);
            if (!response.isCommitted()) {
                response.reset();
                ErrorPage.send(response, ErrorCode.NR03, null);
            }
        }
    }

    /**
     * Answers a request with an accepted method.
     *
     * @param request the request
     * @param response the response
     * @throws IOException when the answer cannot be written
     */
    abstract void handle(HttpServletRequest request, HttpServletResponse response) throws IOException;
}
