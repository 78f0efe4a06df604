package io.github.cieservlet.store;

import io.github.cieservlet.CieLevel;
import io.github.cieservlet.LoginScheme;
import io.github.cieservlet.config.LevelComparison;
import io.github.cieservlet.config.RequestBinding;
import java.time.Instant;
import java.util.Objects;

/**
 * An AuthnRequest that was sent and awaits its Response: what the Response must match (ID, instant, level),
 * where the browser goes afterwards, and what is needed to rebuild the AuthnRequest byte for byte (Destination
 * and binding; the rest comes from the settings and the deterministic RSA PKCS#1 v1.5 signature). Carried by
 * the browser in an encrypted cookie ({@link PendingRequestCodec}), never kept by the server. It also says which
 * scheme and identity provider the login went to (the ACS trusts that identity provider's key only) and the
 * AttributeConsumingServiceIndex asked. Immutable.
 */
public final class PendingRequest {

    private final String requestId;
    private final Instant issueInstant;
    private final CieLevel level;
    private final LevelComparison comparison;
    private final String target;
    private final String destination;
    private final RequestBinding binding;
    private final Instant expiresAt;
    private final LoginScheme scheme;
    private final String idpEntityId;
    private final int attributeConsumingServiceIndex;

    /**
     * @param requestId the AuthnRequest ID
     * @param issueInstant the AuthnRequest IssueInstant (millisecond precision, as sent)
     * @param level the requested level
     * @param comparison the requested comparison
     * @param target application-relative URL to go to after login
     * @param destination the AuthnRequest Destination (the IdP SingleSignOnService it was sent to)
     * @param binding how the AuthnRequest travelled
     * @param expiresAt after this instant the request is no longer answerable
     */
    public PendingRequest(String requestId, Instant issueInstant, CieLevel level, LevelComparison comparison,
            String target, String destination, RequestBinding binding, Instant expiresAt) {
        this(requestId, issueInstant, level, comparison, target, destination, binding, expiresAt, LoginScheme.CIE,
                null, 0);
    }

    /**
     * @param requestId the AuthnRequest ID
     * @param issueInstant the AuthnRequest IssueInstant (millisecond precision, as sent)
     * @param level the requested level
     * @param comparison the requested comparison
     * @param target application-relative URL to go to after login
     * @param destination the AuthnRequest Destination (the IdP SingleSignOnService it was sent to)
     * @param binding how the AuthnRequest travelled
     * @param expiresAt after this instant the request is no longer answerable
     * @param scheme the scheme of the login
     * @param idpEntityId the entity ID of the identity provider the request was sent to; null for CIE (the one
     *     CIE identity provider of the configuration)
     * @param attributeConsumingServiceIndex the AttributeConsumingServiceIndex sent: 0, or 99/100 for eIDAS
     */
    public PendingRequest(String requestId, Instant issueInstant, CieLevel level, LevelComparison comparison,
            String target, String destination, RequestBinding binding, Instant expiresAt, LoginScheme scheme,
            String idpEntityId, int attributeConsumingServiceIndex) {
        this.requestId = Objects.requireNonNull(requestId, "requestId");
        this.issueInstant = Objects.requireNonNull(issueInstant, "issueInstant");
        this.level = Objects.requireNonNull(level, "level");
        this.comparison = Objects.requireNonNull(comparison, "comparison");
        this.target = Objects.requireNonNull(target, "target");
        this.destination = Objects.requireNonNull(destination, "destination");
        this.binding = Objects.requireNonNull(binding, "binding");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.scheme = Objects.requireNonNull(scheme, "scheme");
        if (scheme != LoginScheme.CIE && idpEntityId == null) {
            throw new IllegalArgumentException("a " + scheme.id() + " login names its identity provider");
        }
        this.idpEntityId = idpEntityId;
        this.attributeConsumingServiceIndex = attributeConsumingServiceIndex;
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

    /** @return the AuthnRequest Destination */
    public String destination() {
        return destination;
    }

    /** @return the binding the AuthnRequest travelled with */
    public RequestBinding binding() {
        return binding;
    }

    /** @return when this request stops being answerable */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** @return the scheme of the login */
    public LoginScheme scheme() {
        return scheme;
    }

    /** @return the entity ID of the identity provider asked; null for CIE */
    public String idpEntityId() {
        return idpEntityId;
    }

    /** @return the AttributeConsumingServiceIndex the request carried */
    public int attributeConsumingServiceIndex() {
        return attributeConsumingServiceIndex;
    }
}
