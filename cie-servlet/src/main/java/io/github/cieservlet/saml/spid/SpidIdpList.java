package io.github.cieservlet.saml.spid;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.SpidIdentityProvider;
import io.github.cieservlet.config.CieConfigException;
import io.github.cieservlet.config.CieParam;
import io.github.cieservlet.config.ResourceLocation;
import io.github.cieservlet.config.SpidIdpSource;
import io.github.cieservlet.saml.IdpMetadata;
import io.github.cieservlet.saml.IdpMetadataProvider;
import io.github.cieservlet.saml.SamlXmlException;
import io.github.cieservlet.saml.validation.Detail;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The SPID identity providers a citizen may choose, by entity ID, each with its metadata: the only key the ACS
 * trusts for a login sent to it. The AgID registry ({@link SpidRegistry}, with its fallbacks) and metadata
 * documents at configured locations ({@link SpidMetadataDocument}) are read once, at startup (an aggregate gives
 * every identity provider it lists; a configured location that cannot be read stops the deployment); the
 * local SPID test IdP, which lives in the same application and is not listening while it starts, is known by its
 * entity ID and its metadata read on first use and refreshed like CIE's. Thread-safe.
 */
public final class SpidIdpList {

    /** The metadata of one identity provider, loaded once or on demand. */
    @FunctionalInterface
    interface MetadataSource {
        /** @return the metadata @throws CieAuthenticationException when it cannot be loaded now */
        IdpMetadata current() throws CieAuthenticationException;
    }

    private final Map<String, MetadataSource> idps;
    private final List<SpidIdentityProvider> identityProviders;

    private SpidIdpList(Map<String, MetadataSource> idps, List<SpidIdentityProvider> identityProviders) {
        this.idps = Map.copyOf(idps);
        this.identityProviders = List.copyOf(identityProviders);
    }

    /**
     * @param source where the identity providers come from ({@code cie.spid.idpMetadata})
     * @param publicBaseUrl the application's public base URL (the local test IdP's entity ID is under it)
     * @param onDemand makes the on-demand metadata source of a location (as for CIE: lazy, refreshed)
     * @param classLoader the class loader of {@code classpath:} locations
     * @param clock the clock of the metadata's validUntil
     * @return the list
     * @throws CieConfigException naming {@code cie.spid.idpMetadata} when a location cannot be read or is not
     *     identity provider metadata
     */
    public static SpidIdpList load(SpidIdpSource source, String publicBaseUrl,
            Function<ResourceLocation, IdpMetadataProvider> onDemand, ClassLoader classLoader, Clock clock) {
        Map<String, MetadataSource> idps = new LinkedHashMap<>();
        List<SpidIdentityProvider> buttons = new ArrayList<>();
        switch (source.kind()) {
            case LOCAL_TEST_IDP:
                String entityId = publicBaseUrl + SpidIdpSource.LOCAL_ENTITY_PATH;
                IdpMetadataProvider provider = onDemand.apply(source.locations().get(0));
                idps.put(entityId, () -> expected(entityId, provider.current()));
                buttons.add(new SpidIdentityProvider(entityId, "SPID test IdP (local)", null));
                break;
            case LOCATIONS:
                for (ResourceLocation location : source.locations()) {
                    for (SpidIdpEntry entry : read(location, classLoader, clock)) {
                        IdpMetadata idp = entry.metadata();
                        idps.put(idp.entityId(), () -> idp);
                        buttons.add(entry.identityProvider());
                    }
                }
                break;
            default:
                SpidIdps registry = SpidRegistry.official(null, Set.of()).load();
                for (IdpMetadata idp : registry.metadata()) {
                    idps.put(idp.entityId(), () -> idp);
                }
                for (SpidIdentityProvider shown : registry.identityProviders()) {
                    idps.putIfAbsent(shown.entityId(), () -> {
                        throw new CieAuthenticationException(CieError.IDP_METADATA_UNAVAILABLE, "the AgID registry"
                                + " could not be read at startup: only the bundled names of the SPID identity providers"
                                + " are known, without their metadata");
                    });
                }
                buttons.addAll(registry.identityProviders());
        }
        return new SpidIdpList(idps, buttons);
    }

    private static List<SpidIdpEntry> read(ResourceLocation location, ClassLoader classLoader, Clock clock) {
        try {
            return SpidMetadataDocument.parse(location.read(classLoader), Set.of(), clock.instant());
        } catch (IOException | SamlXmlException e) {
            throw CieConfigException.of(CieParam.SPID_IDP_METADATA, "cannot read SPID identity provider metadata from "
                    + location + " (" + e.getMessage() + ")");
        }
    }

    private static IdpMetadata expected(String entityId, IdpMetadata loaded) throws CieAuthenticationException {
        if (!entityId.equals(loaded.entityId())) {
            throw new CieAuthenticationException(CieError.IDP_METADATA_UNAVAILABLE, "the metadata of " + entityId
                    + " describes " + loaded.entityId());
        }
        return loaded;
    }

    /** @return the identity providers, in the order configured, for the SPID button */
    public List<SpidIdentityProvider> identityProviders() {
        return identityProviders;
    }

    /**
     * @param entityId an identity provider's entity ID, e.g. from the login link
     * @return its metadata
     * @throws CieAuthenticationException {@link CieError#UNKNOWN_IDENTITY_PROVIDER} when it is not in the list,
     *     {@link CieError#IDP_METADATA_UNAVAILABLE} when its metadata cannot be loaded now
     */
    public IdpMetadata metadata(String entityId) throws CieAuthenticationException {
        MetadataSource source = entityId == null ? null : idps.get(entityId);
        if (source == null) {
            throw new CieAuthenticationException(CieError.UNKNOWN_IDENTITY_PROVIDER, entityId == null
                    ? "a SPID login names no identity provider (idp=)" : "identity provider " + Detail.quote(entityId)
                    + " is not one of the " + idps.size() + " SPID identity providers configured");
        }
        return Objects.requireNonNull(source.current(), "metadata");
    }
}
