package io.github.cieservlet.saml;

import io.github.cieservlet.CieLevel;
import io.github.cieservlet.config.CieSettings;
import io.github.cieservlet.config.LevelComparison;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.AuthnContextClassRef;
import org.opensaml.saml.saml2.core.AuthnContextComparisonTypeEnumeration;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.NameIDPolicy;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.RequestedAuthnContext;

/**
 * Builds the {@code <samlp:AuthnRequest>} exactly as the CIE rules ask: ForceAuthn, no IsPassive, the ACS and
 * the attribute set by index 0 of the SP metadata (never by URL), an entity-format Issuer, a transient
 * NameIDPolicy without AllowCreate, and one requested level with the configured comparison.
 */
public final class AuthnRequestFactory {

    /** Index of the AssertionConsumerService and of the AttributeConsumingService in the SP metadata. */
    public static final int METADATA_INDEX = 0;

    private final String entityId;
    private final CieLevel level;
    private final LevelComparison comparison;

    /** @param settings the SP settings (entity ID, level, comparison) */
    public AuthnRequestFactory(CieSettings settings) {
        this.entityId = settings.entityId();
        this.level = settings.level();
        this.comparison = settings.comparison();
    }

    /**
     * @param requestId the request ID, e.g. from {@link SamlIds#newId()}; kept to match the Response's InResponseTo
     * @param issueInstant now; sent in UTC with millisecond precision
     * @param destination the IdP SingleSignOnService Location of the binding that will carry the request
     * @return a new, unsigned AuthnRequest with the configured level and comparison
     */
    public AuthnRequest create(String requestId, Instant issueInstant, String destination) {
        return create(requestId, issueInstant, destination, level, comparison);
    }

    /**
     * Builds a request with a given level and comparison: the same arguments always give the same request, so
     * a request sent earlier can be rebuilt byte for byte from what was kept of it.
     *
     * @param requestId the request ID
     * @param issueInstant the IssueInstant; sent in UTC with millisecond precision
     * @param destination the IdP SingleSignOnService Location of the binding that carries the request
     * @param requestedLevel the requested level
     * @param requestedComparison the comparison of the requested level
     * @return a new, unsigned AuthnRequest
     */
    public AuthnRequest create(String requestId, Instant issueInstant, String destination, CieLevel requestedLevel,
            LevelComparison requestedComparison) {
        AuthnRequest request = SamlObjects.build(AuthnRequest.DEFAULT_ELEMENT_NAME, AuthnRequest.class);
        request.setID(Objects.requireNonNull(requestId, "requestId"));
        request.setVersion(SAMLVersion.VERSION_20);
        request.setIssueInstant(issueInstant.truncatedTo(ChronoUnit.MILLIS));
        request.setDestination(Objects.requireNonNull(destination, "destination"));
        request.setForceAuthn(Boolean.TRUE);
        request.setAssertionConsumerServiceIndex(METADATA_INDEX);
        request.setAttributeConsumingServiceIndex(METADATA_INDEX);
        request.setIssuer(SamlObjects.entityIssuer(entityId));

        NameIDPolicy policy = SamlObjects.build(NameIDPolicy.DEFAULT_ELEMENT_NAME, NameIDPolicy.class);
        policy.setFormat(NameIDType.TRANSIENT);
        request.setNameIDPolicy(policy);

        AuthnContextClassRef classRef = SamlObjects.build(AuthnContextClassRef.DEFAULT_ELEMENT_NAME,
                AuthnContextClassRef.class);
        classRef.setURI(requestedLevel.uri());
        RequestedAuthnContext context = SamlObjects.build(RequestedAuthnContext.DEFAULT_ELEMENT_NAME,
                RequestedAuthnContext.class);
        context.setComparison(requestedComparison == LevelComparison.EXACT
                ? AuthnContextComparisonTypeEnumeration.EXACT : AuthnContextComparisonTypeEnumeration.MINIMUM);
        context.getAuthnContextClassRefs().add(classRef);
        request.setRequestedAuthnContext(context);
        return request;
    }
}
