package io.github.cieservlet;

import jakarta.servlet.ServletContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The application-relative paths of the login and logout endpoints, for pages and tags that link to them.
 * Published by cie-servlet at startup as a {@link ServletContext} attribute; prepend
 * {@code request.getContextPath()} to use a path in a link.
 */
public final class CieUrls {

    /** The ServletContext attribute under which the instance is published. */
    public static final String CONTEXT_ATTRIBUTE = CieUrls.class.getName();

    private final String pathPrefix;

    /** @param pathPrefix the endpoints' prefix under the application, e.g. {@code /cie} */
    public CieUrls(String pathPrefix) {
        this.pathPrefix = Objects.requireNonNull(pathPrefix, "pathPrefix");
    }

    /**
     * @param context the web application's context
     * @return the instance cie-servlet published
     * @throws IllegalStateException when cie-servlet did not start in this application
     */
    public static CieUrls from(ServletContext context) {
        Object urls = context.getAttribute(CONTEXT_ATTRIBUTE);
        if (!(urls instanceof CieUrls)) {
            throw new IllegalStateException("cie-servlet is not initialised in this web application");
        }
        return (CieUrls) urls;
    }

    /**
     * @param target application-relative page to show after login, e.g. {@code /area-riservata/}; null for home
     * @return the login path with the target as query parameter, e.g. {@code /cie/login?target=%2Farea}
     */
    public String loginPath(String target) {
        return pathPrefix + "/login?target=" + URLEncoder.encode(target == null ? "/" : target, StandardCharsets.UTF_8);
    }

    /** @return the logout path, e.g. {@code /cie/logout} */
    public String logoutPath() {
        return pathPrefix + "/logout";
    }

    /** @return the metadata path, e.g. {@code /cie/metadata} */
    public String metadataPath() {
        return pathPrefix + "/metadata";
    }
}
