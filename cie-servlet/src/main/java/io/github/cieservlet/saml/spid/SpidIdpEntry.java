package io.github.cieservlet.saml.spid;

import io.github.cieservlet.SpidIdentityProvider;
import io.github.cieservlet.saml.IdpMetadata;
import java.util.Objects;

/**
 * One SPID identity provider read from metadata: what the SP needs to talk to it and what the button shows.
 * Immutable.
 */
public final class SpidIdpEntry {

    private final IdpMetadata metadata;
    private final SpidIdentityProvider identityProvider;

    /**
     * @param metadata its endpoints and signing certificates
     * @param identityProvider its entity ID and display name; the same entity ID as the metadata
     */
    public SpidIdpEntry(IdpMetadata metadata, SpidIdentityProvider identityProvider) {
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.identityProvider = Objects.requireNonNull(identityProvider, "identityProvider");
        if (!metadata.entityId().equals(identityProvider.entityId())) {
            throw new IllegalArgumentException("the metadata of " + metadata.entityId()
                    + " cannot be shown as " + identityProvider.entityId());
        }
    }

    /** @return its endpoints and signing certificates */
    public IdpMetadata metadata() {
        return metadata;
    }

    /** @return its entity ID and display name for the button */
    public SpidIdentityProvider identityProvider() {
        return identityProvider;
    }
}
