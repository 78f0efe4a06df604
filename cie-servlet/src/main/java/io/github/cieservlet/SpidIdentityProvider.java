package io.github.cieservlet;

import java.io.Serializable;
import java.util.Objects;

/**
 * One SPID identity provider a citizen may choose on the "Entra con SPID" button: its entity ID (what the login
 * URL names) and the name and logo the button shows. The list comes from the AgID registry (or the configured
 * test environment) and is published in {@link CieUrls#spidIdentityProviders()}.
 */
public final class SpidIdentityProvider implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String entityId;
    private final String displayName;
    private final String logoUri;

    /**
     * @param entityId the identity provider's entity ID
     * @param displayName the name shown to the citizen, e.g. {@code Poste ID}
     * @param logoUri an application-relative path or https URL of its logo; null when there is none
     */
    public SpidIdentityProvider(String entityId, String displayName, String logoUri) {
        this.entityId = Objects.requireNonNull(entityId, "entityId");
        this.displayName = Objects.requireNonNull(displayName, "displayName");
        this.logoUri = logoUri;
    }

    /** @return the identity provider's entity ID */
    public String entityId() {
        return entityId;
    }

    /** @return the name shown to the citizen */
    public String displayName() {
        return displayName;
    }

    /** @return the logo's path or URL, or null when there is none */
    public String logoUri() {
        return logoUri;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SpidIdentityProvider && ((SpidIdentityProvider) other).entityId.equals(entityId);
    }

    @Override
    public int hashCode() {
        return entityId.hashCode();
    }

    @Override
    public String toString() {
        return displayName + " (" + entityId + ")";
    }
}
