package io.github.cieservlet.tools.metadata;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which rules {@code check-metadata} applies ({@code --profile}): the CIE federation's, or those of the AgID
 * sp-test profiles {@code spid-sp-public}, {@code spid-sp-private} and {@code ficep-eidas-sp}.
 */
public enum MetadataProfile {
    /** CIE metadata for the Ministry's federation portal (the default). */
    CIE("cie"),
    /** SPID metadata of a public service provider. */
    SPID_PUBLIC("spid-public"),
    /** SPID metadata of a private service provider (with the billing contact). */
    SPID_PRIVATE("spid-private"),
    /** SPID metadata with the FICEP AttributeConsumingServices 99 and 100 for eIDAS. */
    FICEP("ficep");

    private final String id;

    MetadataProfile(String id) {
        this.id = id;
    }

    /** @return the name on the command line */
    public String id() {
        return id;
    }

    /** @return whether the SPID rules apply instead of the CIE ones */
    public boolean isSpid() {
        return this != CIE;
    }

    /**
     * @param id a name on the command line
     * @return the profile of that name
     */
    public static Optional<MetadataProfile> fromId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }

    /** @return the names, for messages */
    public static String ids() {
        return Arrays.stream(values()).map(MetadataProfile::id).collect(Collectors.joining(", "));
    }
}
