package io.github.cieservlet.sample;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;

/**
 * Shows, as plain text, what the standard servlet API says about the logged-in citizen: proof that an
 * application needs no CIE-specific code to know who is there.
 */
public final class WhoAmIServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Principal principal = request.getUserPrincipal();
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().println("remoteUser=" + request.getRemoteUser());
        response.getWriter().println("principal=" + (principal == null ? null : principal.getName()));
        response.getWriter().println("authType=" + request.getAuthType());
    }
}
