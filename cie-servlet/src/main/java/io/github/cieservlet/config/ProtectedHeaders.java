package io.github.cieservlet.config;

/**
 * What {@code CieAuthenticationFilter} adds to the responses it lets through (pages with personal data):
 * {@code Cache-Control: no-store} and {@code Pragma: no-cache} always (except {@link #NONE}), and a framing rule
 * as {@code X-Frame-Options} plus CSP {@code frame-ancestors}.
 */
public enum ProtectedHeaders {
    /** No caching, no framing at all (the default). */
    DENY("DENY", "frame-ancestors 'none'"),
    /** No caching; framing only by pages of the same origin. */
    SAMEORIGIN("SAMEORIGIN", "frame-ancestors 'self'"),
    /** No caching; framing headers left to the application. */
    NOCACHE(null, null),
    /** Nothing added: the application sets its own headers. */
    NONE(null, null);

    private final String frameOptions;
    private final String contentSecurityPolicy;

    ProtectedHeaders(String frameOptions, String contentSecurityPolicy) {
        this.frameOptions = frameOptions;
        this.contentSecurityPolicy = contentSecurityPolicy;
    }

    /** @return whether Cache-Control: no-store and Pragma: no-cache are sent */
    public boolean noStore() {
        return this != NONE;
    }

    /** @return the X-Frame-Options value, or null for none */
    public String frameOptions() {
        return frameOptions;
    }

    /** @return the Content-Security-Policy value (its frame-ancestors directive), or null for none */
    public String contentSecurityPolicy() {
        return contentSecurityPolicy;
    }
}
