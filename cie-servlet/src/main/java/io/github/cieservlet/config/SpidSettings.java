package io.github.cieservlet.config;

import io.github.cieservlet.CieLevel;
import io.github.cieservlet.LoginScheme;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The SPID and eIDAS side of the configuration ({@code cie.schemes}, {@code cie.spid.*}, {@code cie.eidas.*}).
 * Immutable; read by {@link SpidSettingsReader}. {@link #CIE_ONLY} is what a web.xml without these params means.
 */
public final class SpidSettings {

    /** Every SPID attribute name a service provider may ask for (SPID technical rules, attribute table). */
    public static final List<String> KNOWN_ATTRIBUTES = List.of("spidCode", "name", "familyName", "placeOfBirth",
            "countyOfBirth", "dateOfBirth", "gender", "companyName", "registeredOffice", "fiscalNumber", "ivaCode",
            "idCard", "mobilePhone", "email", "address", "expirationDate", "digitalAddress",
            "domicileStreetAddress", "domicilePostalCode", "domicileMunicipality", "domicileProvince",
            "domicileNation", "companyFiscalNumber");

    /** CIE only: no SPID, no eIDAS. */
    public static final SpidSettings CIE_ONLY = new SpidSettings(EnumSet.of(LoginScheme.CIE), SpidIdpSource.registry(),
            CieLevel.L2, List.of("name", "familyName", "fiscalNumber", "dateOfBirth"), null, EidasAttributeSet.MINIMUM);

    private final Set<LoginScheme> schemes;
    private final SpidIdpSource spidIdps;
    private final CieLevel level;
    private final List<String> spidAttributes;
    private final ResourceLocation eidasMetadata;
    private final EidasAttributeSet eidasAttributeSet;

    /**
     * @param schemes the enabled schemes, at least one
     * @param spidIdps where the SPID identity providers come from
     * @param level the level requested from SPID and eIDAS identity providers
     * @param spidAttributes the SPID attributes asked for
     * @param eidasMetadata the FICEP metadata; null when eIDAS is not enabled
     * @param eidasAttributeSet the eIDAS attribute set asked for
     */
    public SpidSettings(Set<LoginScheme> schemes, SpidIdpSource spidIdps, CieLevel level, List<String> spidAttributes,
            ResourceLocation eidasMetadata, EidasAttributeSet eidasAttributeSet) {
        this.schemes = Collections.unmodifiableSet(EnumSet.copyOf(schemes));
        this.spidIdps = Objects.requireNonNull(spidIdps, "spidIdps");
        this.level = Objects.requireNonNull(level, "level");
        this.spidAttributes = List.copyOf(spidAttributes);
        this.eidasMetadata = eidasMetadata;
        this.eidasAttributeSet = Objects.requireNonNull(eidasAttributeSet, "eidasAttributeSet");
        if (schemes.contains(LoginScheme.EIDAS) && eidasMetadata == null) {
            throw new IllegalArgumentException("eIDAS needs the FICEP metadata location");
        }
    }

    /** @return the enabled schemes */
    public Set<LoginScheme> schemes() {
        return schemes;
    }

    /**
     * @param scheme a scheme
     * @return whether {@code cie.schemes} enables it
     */
    public boolean enables(LoginScheme scheme) {
        return schemes.contains(scheme);
    }

    /** @return where the SPID identity providers come from */
    public SpidIdpSource spidIdps() {
        return spidIdps;
    }

    /** @return the level requested from SPID and eIDAS identity providers */
    public CieLevel level() {
        return level;
    }

    /** @return the SPID attributes asked for (AttributeConsumingService index 0) */
    public List<String> spidAttributes() {
        return spidAttributes;
    }

    /** @return the FICEP metadata location; null when eIDAS is not enabled */
    public ResourceLocation eidasMetadata() {
        return eidasMetadata;
    }

    /** @return the eIDAS attribute set asked for */
    public EidasAttributeSet eidasAttributeSet() {
        return eidasAttributeSet;
    }
}
