package io.github.cieservlet.taglib;

import io.github.cieservlet.ProtectedPaths;
import io.github.cieservlet.web.TargetUrlPolicy;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.jsp.JspException;

/**
 * The page a citizen returns to after a login a tag starts: always a path inside the application, never another
 * site ({@link TargetUrlPolicy}, the login endpoint's own rule), and never the page the tag sits on.
 */
final class LoginTargets {

    private LoginTargets() {
    }

    /**
     * @param target a target an author wrote in a tag attribute
     * @return the target, unchanged
     * @throws JspException when the target is not an application-relative path
     */
    static String checked(String target) throws JspException {
        if (target == null || target.isEmpty() || TargetUrlPolicy.check(target).isEmpty()) {
            throw new JspException("The target attribute must be an application-relative path that starts with a"
                    + " single '/' (for example /area-riservata/), without backslashes or control characters");
        }
        return target;
    }

    /**
     * The target of a login started without a {@code target} attribute, by one rule:
     * <ul>
     * <li>the page the browser asked for, with its query string, when cie-servlet protects it (its filter's URL
     * patterns, or with {@code cie.containerSecurity=true} web.xml's security constraints). Behind a forward that
     * is the page forwarded from: when the container shows its FORM login page in place of a protected page, the
     * button returns to that page, the container's saved request;</li>
     * <li>otherwise {@code cie.defaultTarget}: a button on the login page itself, on the home page or on any other
     * page that is not protected does not bring the citizen back to where nothing changes. So does a page whose
     * address would not make a safe target.</li>
     * </ul>
     *
     * @param request the current request
     * @param paths what cie-servlet protects, and its {@code cie.defaultTarget}
     * @return the application-relative target
     */
    static String withoutTarget(HttpServletRequest request, ProtectedPaths paths) {
        String uri = (String) request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        String query;
        String mappedPath;
        if (uri == null) {
            uri = request.getRequestURI();
            query = request.getQueryString();
            mappedPath = mappedPath(request.getServletPath(), request.getPathInfo());
        } else {
            query = (String) request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING);
            mappedPath = mappedPath((String) request.getAttribute(RequestDispatcher.FORWARD_SERVLET_PATH),
                    (String) request.getAttribute(RequestDispatcher.FORWARD_PATH_INFO));
        }
        String contextPath = request.getContextPath();
        if (uri == null || !uri.startsWith(contextPath) || !paths.protects(mappedPath)) {
            return paths.defaultTarget();
        }
        String path = uri.substring(contextPath.length());
        String page = query == null || query.isEmpty() ? path : path + '?' + query;
        return path.isEmpty() ? paths.defaultTarget() : TargetUrlPolicy.check(page).orElse(paths.defaultTarget());
    }

    private static String mappedPath(String servletPath, String pathInfo) {
        if (servletPath == null) {
            return null;
        }
        return pathInfo == null ? servletPath : servletPath + pathInfo;
    }
}
