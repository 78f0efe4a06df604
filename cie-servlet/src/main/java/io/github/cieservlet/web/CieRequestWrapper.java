package io.github.cieservlet.web;

import io.github.cieservlet.CieIdentity;
import io.github.cieservlet.CiePrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;

/**
 * Presents the CIE citizen to the application through the standard servlet API: {@link #getUserPrincipal()}
 * is a {@link CiePrincipal}, {@link #getRemoteUser()} is the fiscal code and {@link #getAuthType()} is
 * {@value #AUTH_TYPE}.
 */
public final class CieRequestWrapper extends HttpServletRequestWrapper {

    /** The authentication type reported for CIE logins. */
    public static final String AUTH_TYPE = "CIE";

    private final CiePrincipal principal;

    /**
     * @param request the request
     * @param identity the citizen logged in for it
     */
    public CieRequestWrapper(HttpServletRequest request, CieIdentity identity) {
        super(request);
        this.principal = new CiePrincipal(identity);
    }

    @Override
    public Principal getUserPrincipal() {
        return principal;
    }

    @Override
    public String getRemoteUser() {
        return principal.getName();
    }

    @Override
    public String getAuthType() {
        return AUTH_TYPE;
    }
}
