package io.github.cieservlet.taglib;

import io.github.cieservlet.web.TargetUrlPolicy;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.jsp.JspException;

/**
 * The page a citizen returns to after login: always a path inside the application, never another site, by the
 * same rule the login endpoint applies ({@link TargetUrlPolicy}).
 */
final class LoginTargets {

    private static final String HOME = "/";

    private LoginTargets() {
    }

    /**
     * @param target a target an author wrote in a tag attribute
     * @return the target, unchanged
     * @throws JspException when the target is not an application-relative path
     */
    static String checked(String target) throws JspException {
        if (!isApplicationPath(target)) {
            throw new JspException("The target attribute must be an application-relative path that starts with a"
                    + " single '/' (for example /area-riservata/), without backslashes or control characters");
        }
        return target;
    }

    /**
     * The page being rendered: its path under the context path plus its query string. Behind a forward (a
     * controller that forwards to a JSP) this is the page the browser asked for, not the JSP. A request URI
     * that would not make a safe target (outside the context path, or starting with {@code //}) gives the
     * application's home page instead.
     *
     * @param request the current request
     * @return the application-relative path of the current page, or {@code /}
     */
    static String currentPage(HttpServletRequest request) {
        String uri = (String) request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        String query;
        if (uri == null) {
            uri = request.getRequestURI();
            query = request.getQueryString();
        } else {
            query = (String) request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING);
        }
        String contextPath = request.getContextPath();
        if (uri == null || !uri.startsWith(contextPath)) {
            return HOME;
        }
        String path = uri.substring(contextPath.length());
        String page = query == null || query.isEmpty() ? path : path + '?' + query;
        return TargetUrlPolicy.check(page).orElse(HOME);
    }

    /** The login endpoint's own rule ({@link TargetUrlPolicy}); an empty target is an author's mistake here. */
    private static boolean isApplicationPath(String target) {
        return target != null && !target.isEmpty() && TargetUrlPolicy.check(target).isPresent();
    }
}
