package io.github.cieservlet.web;

import io.github.cieservlet.CieIdentity;
import io.github.cieservlet.CieUrls;
import io.github.cieservlet.bootstrap.CieServiceProvider;
import io.github.cieservlet.config.CieSettings;
import io.github.cieservlet.config.ProtectedHeaders;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Protects the URL patterns it is mapped to. A request from a citizen logged in with CIE goes on, wrapped so
 * that {@code getUserPrincipal()} and {@code getRemoteUser()} return the citizen, with the {@link CieIdentity}
 * as request attribute {@value CieIdentity#REQUEST_ATTRIBUTE}, and with the headers of
 * {@code cie.protectedHeaders} (by default no caching and no framing). Any other request is sent to the login
 * endpoint, which remembers the page and starts the CIE login. The library's own endpoints pass untouched.
 *
 * <p>Every decision is on what the container will serve: the servlet it mapped the request to (the library's
 * endpoints are recognised by their servlet, not by a URI prefix) and the normalised servlet path plus path
 * info, never the raw request URI, which may hold dot segments, path parameters and encodings the container
 * resolves differently.
 *
 * <pre>{@code
 * <filter>
 *   <filter-name>cie</filter-name>
 *   <filter-class>io.github.cieservlet.web.CieAuthenticationFilter</filter-class>
 * </filter>
 * <filter-mapping>
 *   <filter-name>cie</filter-name>
 *   <url-pattern>/area-riservata/*</url-pattern>
 * </filter-mapping>
 * }</pre>
 */
public final class CieAuthenticationFilter implements Filter {

    private CieSettings settings;
    private CieUrls urls;
    private LibraryEndpoints endpoints;

    @Override
    public void init(FilterConfig config) throws ServletException {
        settings = CieServiceProvider.from(config.getServletContext()).settings();
        urls = CieUrls.from(config.getServletContext());
        endpoints = LibraryEndpoints.of(config.getServletContext());
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (endpoints.serves(request)) {
            chain.doFilter(request, response);
            return;
        }
        CieIdentity identity = CieIdentity.from(request);
        if (identity != null) {
            addProtectedHeaders(response, settings.protectedHeaders());
            request.setAttribute(CieIdentity.REQUEST_ATTRIBUTE, identity);
            chain.doFilter(new CieRequestWrapper(request, identity), response);
            return;
        }
        PageWriter.noStore(response);
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", settings.endpoints().absolute(urls.loginPath(returnTarget(
                request.getServletPath(), request.getPathInfo(), request.getMethod(), request.getQueryString()))));
    }

    /**
     * @param servletPath the servlet path (decoded, normalised by the container)
     * @param pathInfo the path info, or null
     * @param method the HTTP method
     * @param query the query string, or null
     * @return where the browser returns after login: the path the container serves, percent-encoded, with the
     *     query of a GET
     */
    static String returnTarget(String servletPath, String pathInfo, String method, String query) {
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        String target = Locations.encodePath(path.isEmpty() ? "/" : path);
        return "GET".equals(method) && query != null ? target + "?" + Locations.encode(query) : target;
    }

    private static void addProtectedHeaders(HttpServletResponse response, ProtectedHeaders headers) {
        if (headers.noStore()) {
            PageWriter.noStore(response);
        }
        if (headers.frameOptions() != null) {
            response.setHeader("X-Frame-Options", headers.frameOptions());
            response.addHeader("Content-Security-Policy", headers.contentSecurityPolicy());
        }
    }
}
