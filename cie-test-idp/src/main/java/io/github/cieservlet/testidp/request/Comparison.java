package io.github.cieservlet.testidp.request;

import io.github.cieservlet.CieLevel;
import java.util.Optional;
import org.opensaml.saml.saml2.core.AuthnContextComparisonTypeEnumeration;

/**
 * The {@code Comparison} of a RequestedAuthnContext and which asserted levels it accepts. CIE allows
 * {@code exact} and {@code minimum}; SPID also {@code better} and {@code maximum}.
 */
public enum Comparison {
    /** Exactly the requested level (the default when Comparison is absent). */
    EXACT("exact"),
    /** The requested level or a higher one. */
    MINIMUM("minimum"),
    /** A level higher than the requested one. */
    BETTER("better"),
    /** The requested level or a lower one. */
    MAXIMUM("maximum");

    private final String wireValue;

    Comparison(String wireValue) {
        this.wireValue = wireValue;
    }

    /** @return the value of the {@code Comparison} attribute */
    public String wireValue() {
        return wireValue;
    }

    /**
     * @param requested the level of the AuthnContextClassRef
     * @param asserted a level the IdP might assert
     * @return whether asserting that level meets the request
     */
    public boolean accepts(CieLevel requested, CieLevel asserted) {
        switch (this) {
            case EXACT:
                return asserted == requested;
            case MINIMUM:
                return asserted.isAtLeast(requested);
            case BETTER:
                return asserted.ordinal() > requested.ordinal();
            default:
                return requested.isAtLeast(asserted);
        }
    }

    /**
     * @param requested the level of the AuthnContextClassRef
     * @return the lowest level that meets the request; empty when none does ({@code better} than L3)
     */
    public Optional<CieLevel> lowestAccepted(CieLevel requested) {
        for (CieLevel level : CieLevel.values()) {
            if (accepts(requested, level)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

    /**
     * @param value the Comparison as OpenSAML read it, or null when absent
     * @return the comparison ({@link #EXACT} when absent, as SAML says)
     */
    static Comparison of(AuthnContextComparisonTypeEnumeration value) {
        if (value == null) {
            return EXACT;
        }
        for (Comparison comparison : values()) {
            if (comparison.wireValue.equals(value.toString())) {
                return comparison;
            }
        }
        throw new IllegalArgumentException("unknown Comparison " + value);
    }
}
