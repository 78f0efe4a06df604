package io.github.cieservlet;

import jakarta.servlet.ServletContext;
import java.util.List;
import java.util.Objects;

/**
 * Where a login should end when a page starts it without naming a target: the pages cie-servlet protects (the
 * URL patterns of its filter, and with {@code cie.containerSecurity=true} those of web.xml's security constraints)
 * and {@code cie.defaultTarget}, the page for every other case. Published by cie-servlet at startup as a
 * {@link ServletContext} attribute, for tags that start a login ({@code <cie:button/>}).
 *
 * <p>This is no access decision: it only chooses where to return after login, and the login endpoint checks that
 * target again.
 */
public final class ProtectedPaths {

    /** The ServletContext attribute under which the instance is published. */
    public static final String CONTEXT_ATTRIBUTE = ProtectedPaths.class.getName();

    private final List<String> urlPatterns;
    private final String defaultTarget;

    /**
     * @param urlPatterns servlet URL patterns ({@code /area/*}, {@code /page.jsp}, {@code *.do}, {@code /})
     * @param defaultTarget application-relative page for a login that has no protected page to return to
     */
    public ProtectedPaths(List<String> urlPatterns, String defaultTarget) {
        this.urlPatterns = List.copyOf(urlPatterns);
        this.defaultTarget = Objects.requireNonNull(defaultTarget, "defaultTarget");
    }

    /**
     * @param context the web application's context
     * @return the instance cie-servlet published
     * @throws IllegalStateException when cie-servlet did not start in this application
     */
    public static ProtectedPaths from(ServletContext context) {
        Object paths = context.getAttribute(CONTEXT_ATTRIBUTE);
        if (!(paths instanceof ProtectedPaths)) {
            throw new IllegalStateException("cie-servlet is not initialised in this web application");
        }
        return (ProtectedPaths) paths;
    }

    /** @return {@code cie.defaultTarget}: where a login ends when it was not started for a protected page */
    public String defaultTarget() {
        return defaultTarget;
    }

    /**
     * @param path a path under the application as the container mapped it (servlet path plus path info), no query
     * @return whether one of the protected URL patterns matches it, by the Servlet specification's rules
     */
    public boolean protects(String path) {
        if (path == null || path.isEmpty()) {
            return false;
        }
        for (String pattern : urlPatterns) {
            if (matches(pattern, path)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String pattern, String path) {
        if ("/".equals(pattern) || "/*".equals(pattern)) {
            return true; // the default mapping, or everything
        }
        if (pattern.isEmpty()) {
            return "/".equals(path); // the context root only
        }
        if (pattern.startsWith("*.")) {
            String lastSegment = path.substring(path.lastIndexOf('/') + 1);
            return lastSegment.endsWith(pattern.substring(1));
        }
        if (pattern.endsWith("/*")) {
            String folder = pattern.substring(0, pattern.length() - 2);
            return path.equals(folder) || path.startsWith(folder + "/");
        }
        return path.equals(pattern);
    }
}
