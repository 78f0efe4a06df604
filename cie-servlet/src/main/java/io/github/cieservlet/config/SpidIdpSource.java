package io.github.cieservlet.config;

import java.util.List;
import java.util.Objects;

/**
 * Where the SPID identity providers come from ({@code cie.spid.idpMetadata}): the AgID registry, the local SPID
 * test IdP of this same application (its metadata is read on first use, as it is not listening while the
 * application starts), or metadata locations read at startup. Immutable.
 */
public final class SpidIdpSource {

    /** How the identity providers are found. */
    public enum Kind {
        /** The AgID registry. */
        REGISTRY,
        /** The local SPID test IdP in this application ({@code cie.environment=local}). */
        LOCAL_TEST_IDP,
        /** Metadata documents at configured locations. */
        LOCATIONS
    }

    /** Path of the local SPID test IdP's metadata under the application's public base URL. */
    public static final String LOCAL_METADATA_PATH = "/cie-test-idp/spid/metadata";
    /** Path of the local SPID test IdP's entity ID under the application's public base URL. */
    public static final String LOCAL_ENTITY_PATH = "/cie-test-idp/spid";

    private final Kind kind;
    private final List<ResourceLocation> locations;

    private SpidIdpSource(Kind kind, List<ResourceLocation> locations) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.locations = List.copyOf(locations);
    }

    /** @return the AgID registry */
    public static SpidIdpSource registry() {
        return new SpidIdpSource(Kind.REGISTRY, List.of());
    }

    /**
     * @param publicBaseUrl the application's public base URL, without trailing slash
     * @return the local SPID test IdP of this application
     */
    public static SpidIdpSource localTestIdp(String publicBaseUrl) {
        return new SpidIdpSource(Kind.LOCAL_TEST_IDP, List.of(ResourceLocation.parse(publicBaseUrl + LOCAL_METADATA_PATH)));
    }

    /**
     * @param locations metadata documents, at least one
     * @return a source reading them
     */
    public static SpidIdpSource locations(List<ResourceLocation> locations) {
        if (locations.isEmpty()) {
            throw new IllegalArgumentException("at least one metadata location");
        }
        return new SpidIdpSource(Kind.LOCATIONS, locations);
    }

    /** @return how the identity providers are found */
    public Kind kind() {
        return kind;
    }

    /** @return the metadata locations; empty for the registry */
    public List<ResourceLocation> locations() {
        return locations;
    }

    @Override
    public String toString() {
        return kind == Kind.REGISTRY ? "registry" : locations.toString();
    }
}
