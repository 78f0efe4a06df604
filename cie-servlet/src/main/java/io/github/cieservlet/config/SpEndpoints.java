package io.github.cieservlet.config;

import java.util.Objects;

/**
 * The service provider's endpoints: absolute URLs built from the configured public base URL (never from the
 * request, which behind a reverse proxy cannot be trusted) and the paths, relative to the web application,
 * where the servlets are mapped.
 */
public final class SpEndpoints {

    /** Path of the login endpoint under the prefix. */
    public static final String LOGIN = "/login";
    /** Path of the Assertion Consumer Service under the prefix. */
    public static final String ACS = "/acs";
    /** Path of the metadata endpoint under the prefix. */
    public static final String METADATA = "/metadata";
    /** Path of the local logout endpoint under the prefix. */
    public static final String LOGOUT = "/logout";
    /** Path of the SAML SingleLogoutService endpoint under the prefix. */
    public static final String SLO = "/slo";
    /** The health endpoint, under the prefix (only with {@code cie.health}). */
    public static final String HEALTH = "/health";

    private final String publicBaseUrl;
    private final String pathPrefix;

    /**
     * @param publicBaseUrl absolute URL of the application, without trailing slash
     * @param pathPrefix path of the endpoints under the application, starting with '/', without trailing slash
     */
    public SpEndpoints(String publicBaseUrl, String pathPrefix) {
        this.publicBaseUrl = Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        this.pathPrefix = Objects.requireNonNull(pathPrefix, "pathPrefix");
    }

    /** @return the public base URL, without trailing slash */
    public String publicBaseUrl() {
        return publicBaseUrl;
    }

    /** @return whether citizens reach the application over https */
    public boolean isHttps() {
        return publicBaseUrl.startsWith("https:");
    }

    /**
     * @param endpoint one of the endpoint constants of this class
     * @return the path of that endpoint relative to the web application, e.g. {@code /cie/acs}
     */
    public String path(String endpoint) {
        return pathPrefix + endpoint;
    }

    /**
     * @param endpoint one of the endpoint constants of this class
     * @return the absolute public URL of that endpoint
     */
    public String url(String endpoint) {
        return publicBaseUrl + path(endpoint);
    }

    /** @return the Assertion Consumer Service URL: Destination and Recipient of every Response */
    public String acsUrl() {
        return url(ACS);
    }

    /** @return the absolute URL of the SingleLogoutService endpoint */
    public String sloUrl() {
        return url(SLO);
    }

    /**
     * @param appRelativePath a path relative to the application, starting with '/'
     * @return its absolute public URL
     */
    public String absolute(String appRelativePath) {
        return publicBaseUrl + appRelativePath;
    }
}
