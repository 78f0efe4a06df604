package io.github.cieservlet.saml;

import io.github.cieservlet.config.RequestBinding;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the service provider needs from the identity provider's metadata: its entity ID, its SSO endpoint for
 * each binding, its logout endpoint and the certificates whose keys sign its Responses. Immutable.
 */
public final class IdpMetadata {

    private final String entityId;
    private final Map<RequestBinding, String> ssoUrls;
    private final String sloRedirectUrl;
    private final List<X509Certificate> signingCertificates;
    private final Instant validUntil;

    /**
     * @param entityId the IdP entity ID (the Issuer of its Responses)
     * @param ssoUrls SingleSignOnService Location per binding; at least one
     * @param sloRedirectUrl the HTTP-Redirect SingleLogoutService Location, or null
     * @param signingCertificates the signing certificates; at least one
     */
    public IdpMetadata(String entityId, Map<RequestBinding, String> ssoUrls, String sloRedirectUrl,
            List<X509Certificate> signingCertificates) {
        this(entityId, ssoUrls, sloRedirectUrl, signingCertificates, null);
    }

    /**
     * @param entityId the IdP entity ID (the Issuer of its Responses)
     * @param ssoUrls SingleSignOnService Location per binding; at least one
     * @param sloRedirectUrl the HTTP-Redirect SingleLogoutService Location, or null
     * @param signingCertificates the signing certificates; at least one
     * @param validUntil the document's validUntil, or null when it has none
     */
    public IdpMetadata(String entityId, Map<RequestBinding, String> ssoUrls, String sloRedirectUrl,
            List<X509Certificate> signingCertificates, Instant validUntil) {
        this.validUntil = validUntil;
        this.entityId = Objects.requireNonNull(entityId, "entityId");
        this.ssoUrls = Map.copyOf(ssoUrls);
        this.sloRedirectUrl = sloRedirectUrl;
        this.signingCertificates = List.copyOf(signingCertificates);
        if (this.ssoUrls.isEmpty() || this.signingCertificates.isEmpty()) {
            throw new IllegalArgumentException("IdP metadata needs an SSO endpoint and a signing certificate");
        }
    }

    /** @return the document's validUntil (the earliest, when nested), if it has one */
    public Optional<Instant> validUntil() {
        return Optional.ofNullable(validUntil);
    }

    /** @return the IdP entity ID */
    public String entityId() {
        return entityId;
    }

    /**
     * @param binding the binding of the AuthnRequest
     * @return the SingleSignOnService Location for that binding, the AuthnRequest's Destination
     */
    public Optional<String> ssoUrl(RequestBinding binding) {
        return Optional.ofNullable(ssoUrls.get(binding));
    }

    /** @return the HTTP-Redirect SingleLogoutService Location */
    public Optional<String> sloRedirectUrl() {
        return Optional.ofNullable(sloRedirectUrl);
    }

    /** @return the certificates whose keys may sign Responses, the only keys trusted */
    public List<X509Certificate> signingCertificates() {
        return signingCertificates;
    }
}
