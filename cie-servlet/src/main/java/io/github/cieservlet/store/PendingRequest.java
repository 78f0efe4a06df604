package io.github.cieservlet.store;

import io.github.cieservlet.CieLevel;
import io.github.cieservlet.config.LevelComparison;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * An AuthnRequest that was sent and awaits its Response: what the Response must match (ID, instant, level)
 * and where the browser goes afterwards. Immutable.
 */
public final class PendingRequest implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String requestId;
    private final Instant issueInstant;
    private final CieLevel level;
    private final LevelComparison comparison;
    private final String target;
    private final String authnRequestXml;
    private final String browserBinding;
    private final Instant expiresAt;

    /**
     * @param requestId the AuthnRequest ID
     * @param issueInstant the AuthnRequest IssueInstant
     * @param level the requested level
     * @param comparison the requested comparison
     * @param target application-relative URL to go to after login
     * @param authnRequestXml the signed AuthnRequest as sent (evidence)
     * @param browserBinding hash of the secret cookie that ties this request to the browser that started it
     * @param expiresAt after this instant the request is no longer answerable
     */
    public PendingRequest(String requestId, Instant issueInstant, CieLevel level, LevelComparison comparison,
            String target, String authnRequestXml, String browserBinding, Instant expiresAt) {
        this.requestId = Objects.requireNonNull(requestId, "requestId");
        this.issueInstant = Objects.requireNonNull(issueInstant, "issueInstant");
        this.level = Objects.requireNonNull(level, "level");
        this.comparison = Objects.requireNonNull(comparison, "comparison");
        this.target = Objects.requireNonNull(target, "target");
        this.authnRequestXml = Objects.requireNonNull(authnRequestXml, "authnRequestXml");
        this.browserBinding = Objects.requireNonNull(browserBinding, "browserBinding");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** @return the AuthnRequest ID */
    public String requestId() {
        return requestId;
    }

    /** @return the AuthnRequest IssueInstant */
    public Instant issueInstant() {
        return issueInstant;
    }

    /** @return the requested level */
    public CieLevel level() {
        return level;
    }

    /** @return the requested comparison */
    public LevelComparison comparison() {
        return comparison;
    }

    /** @return where to go after login */
    public String target() {
        return target;
    }

    /** @return the signed AuthnRequest */
    public String authnRequestXml() {
        return authnRequestXml;
    }

    /** @return the hash of the browser-binding cookie */
    public String browserBinding() {
        return browserBinding;
    }

    /** @return when this request stops being answerable */
    public Instant expiresAt() {
        return expiresAt;
    }
}
