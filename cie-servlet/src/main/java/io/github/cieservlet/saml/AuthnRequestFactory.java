package io.github.cieservlet.saml;

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
    private final String levelUri;
    private final AuthnContextComparisonTypeEnumeration comparison;

    /** @param settings the SP settings (entity ID, level, comparison) */
    public AuthnRequestFactory(CieSettings settings) {
        this.entityId = settings.entityId();
        this.levelUri = settings.level().uri();
        this.comparison = settings.comparison() == LevelComparison.EXACT
                ? AuthnContextComparisonTypeEnumeration.EXACT
                : AuthnContextComparisonTypeEnumeration.MINIMUM;
    }

    /**
     * @param requestId the request ID, e.g. from {@link SamlIds#newId()}; kept to match the Response's InResponseTo
     * @param issueInstant now; sent in UTC with millisecond precision
     * @param destination the IdP SingleSignOnService Location of the binding that will carry the request
     * @return a new, unsigned AuthnRequest
     */
    public AuthnRequest create(String requestId, Instant issueInstant, String destination) {
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
        classRef.setURI(levelUri);
        RequestedAuthnContext context = SamlObjects.build(RequestedAuthnContext.DEFAULT_ELEMENT_NAME,
                RequestedAuthnContext.class);
        context.setComparison(comparison);
        context.getAuthnContextClassRefs().add(classRef);
        request.setRequestedAuthnContext(context);
        return request;
    }
}
