package io.github.cieservlet;

import jakarta.servlet.ServletContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The application-relative paths of the login and logout endpoints, for pages and tags that link to them.
 * Published by cie-servlet at startup as a {@link ServletContext} attribute; prepend
 * {@code request.getContextPath()} to use a path in a link.
 */
public final class CieUrls {

    /** The ServletContext attribute under which the instance is published. */
    public static final String CONTEXT_ATTRIBUTE = CieUrls.class.getName();

    private final String pathPrefix;
    private final Set<LoginScheme> schemes;
    private final List<SpidIdentityProvider> spidIdentityProviders;

    /** @param pathPrefix the endpoints' prefix under the application, e.g. {@code /cie}; CIE only */
    public CieUrls(String pathPrefix) {
        this(pathPrefix, EnumSet.of(LoginScheme.CIE), List.of());
    }

    /**
     * @param pathPrefix the endpoints' prefix under the application, e.g. {@code /cie}
     * @param schemes the schemes {@code cie.schemes} enables
     * @param spidIdentityProviders the SPID identity providers a citizen may choose, in registry order; empty
     *     when SPID is not enabled
     */
    public CieUrls(String pathPrefix, Set<LoginScheme> schemes, List<SpidIdentityProvider> spidIdentityProviders) {
        this.pathPrefix = Objects.requireNonNull(pathPrefix, "pathPrefix");
        this.schemes = Collections.unmodifiableSet(EnumSet.copyOf(schemes));
        this.spidIdentityProviders = List.copyOf(spidIdentityProviders);
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

    /**
     * @param scheme the scheme to log in with
     * @param idpEntityId for SPID, the entity ID of the identity provider the citizen chose; ignored otherwise
     * @param target application-relative page to show after login; null for home
     * @return the login path, e.g. {@code /cie/login?scheme=spid&idp=https%3A%2F%2Fid.example&target=%2Farea};
     *     for CIE the same path as {@link #loginPath(String)}
     */
    public String loginPath(LoginScheme scheme, String idpEntityId, String target) {
        String path = loginPath(target);
        if (scheme == LoginScheme.CIE) {
            return path;
        }
        path += "&scheme=" + scheme.id();
        if (scheme == LoginScheme.SPID && idpEntityId != null) {
            path += "&idp=" + URLEncoder.encode(idpEntityId, StandardCharsets.UTF_8);
        }
        return path;
    }

    /** @return the schemes this application accepts */
    public Set<LoginScheme> schemes() {
        return schemes;
    }

    /** @return the SPID identity providers a citizen may choose; empty when SPID is not enabled */
    public List<SpidIdentityProvider> spidIdentityProviders() {
        return spidIdentityProviders;
    }

    /** @return the SPID metadata path (SPID and eIDAS through FICEP), e.g. {@code /cie/metadata/spid} */
    public String spidMetadataPath() {
        return metadataPath() + "/spid";
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
