package io.github.cieservlet.saml.spid;

import io.github.cieservlet.SpidIdentityProvider;
import io.github.cieservlet.saml.IdpMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The SPID identity providers {@link SpidRegistry} found, and where it found them. Immutable.
 */
public final class SpidIdps {

    /** Where the list came from. */
    public enum Origin {
        /** Read from the registry (or the configured location) just now. */
        REGISTRY,
        /** The last good copy on disk: the registry could not be read. */
        LAST_GOOD_COPY,
        /** The bundled dated list: names only, no metadata, so no login is possible with them. */
        BUNDLED_SNAPSHOT
    }

    private final Origin origin;
    private final List<SpidIdentityProvider> identityProviders;
    private final List<IdpMetadata> metadata;

    private SpidIdps(Origin origin, List<SpidIdentityProvider> identityProviders, List<IdpMetadata> metadata) {
        this.origin = Objects.requireNonNull(origin, "origin");
        this.identityProviders = List.copyOf(identityProviders);
        this.metadata = List.copyOf(metadata);
    }

    /**
     * @param origin {@link Origin#REGISTRY} or {@link Origin#LAST_GOOD_COPY}
     * @param entries the identity providers read from metadata
     * @return the list with metadata
     */
    static SpidIdps withMetadata(Origin origin, List<SpidIdpEntry> entries) {
        List<SpidIdentityProvider> shown = new ArrayList<>();
        List<IdpMetadata> metadata = new ArrayList<>();
        for (SpidIdpEntry entry : entries) {
            shown.add(entry.identityProvider());
            metadata.add(entry.metadata());
        }
        return new SpidIdps(origin, shown, metadata);
    }

    /**
     * @param identityProviders the bundled list
     * @return the list without metadata
     */
    static SpidIdps namesOnly(List<SpidIdentityProvider> identityProviders) {
        return new SpidIdps(Origin.BUNDLED_SNAPSHOT, identityProviders, List.of());
    }

    /** @return where the list came from */
    public Origin origin() {
        return origin;
    }

    /** @return the identity providers for the button, in registry order (the button shuffles them) */
    public List<SpidIdentityProvider> identityProviders() {
        return identityProviders;
    }

    /** @return the identity providers' metadata; empty for the {@link Origin#BUNDLED_SNAPSHOT} */
    public List<IdpMetadata> metadata() {
        return metadata;
    }

    /**
     * @param entityId an identity provider's entity ID
     * @return its metadata, when it is in the list and its metadata is known
     */
    public Optional<IdpMetadata> metadata(String entityId) {
        return metadata.stream().filter(m -> m.entityId().equals(entityId)).findFirst();
    }
}
