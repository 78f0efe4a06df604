package io.github.cieservlet.web;

import io.github.cieservlet.CieIdentity;
import io.github.cieservlet.CieUrls;
import io.github.cieservlet.bootstrap.CieServiceProvider;
import io.github.cieservlet.config.CieSettings;
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
 * as request attribute {@value CieIdentity#REQUEST_ATTRIBUTE}. Any other request is sent to the login
 * endpoint, which remembers the page and starts the CIE login. The library's own endpoints pass untouched.
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

    @Override
    public void init(FilterConfig config) throws ServletException {
        settings = CieServiceProvider.from(config.getServletContext()).settings();
        urls = CieUrls.from(config.getServletContext());
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith(settings.endpoints().path("/"))) {
            chain.doFilter(request, response);
            return;
        }
        CieIdentity identity = CieIdentity.from(request);
        if (identity != null) {
            request.setAttribute(CieIdentity.REQUEST_ATTRIBUTE, identity);
            chain.doFilter(new CieRequestWrapper(request, identity), response);
            return;
        }
        String query = request.getQueryString();
        String target = "GET".equals(request.getMethod()) && query != null ? path + "?" + query : path;
        PageWriter.noStore(response);
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", settings.endpoints().absolute(urls.loginPath(target)));
    }
}
