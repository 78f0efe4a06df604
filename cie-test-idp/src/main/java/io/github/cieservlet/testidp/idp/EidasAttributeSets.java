package io.github.cieservlet.testidp.idp;

import java.util.List;
import java.util.Optional;

/**
 * The two attribute sets of the Italian eIDAS node (FICEP), by the AttributeConsumingServiceIndex a SPID service
 * provider declares for them in its metadata (Avviso SPID eIDAS 01-2018): 99, the eIDAS Natural Person Minimum
 * Attribute Set, and 100, the Full Attribute Set. Attribute names are SPID's.
 */
public final class EidasAttributeSets {

    /** The AttributeConsumingServiceIndex of the minimum set. */
    public static final int MINIMUM_INDEX = 99;
    /** The AttributeConsumingServiceIndex of the full set. */
    public static final int FULL_INDEX = 100;
    /** The minimum set: the eIDAS unique identifier (as spidCode), name, family name, date of birth, fiscal number. */
    public static final List<String> MINIMUM = List.of("spidCode", "name", "familyName", "dateOfBirth", "fiscalNumber");
    /** The full set: the minimum set plus place of birth, current address and gender. */
    public static final List<String> FULL = List.of("spidCode", "name", "familyName", "dateOfBirth", "fiscalNumber",
            "placeOfBirth", "address", "gender");

    private EidasAttributeSets() {
    }

    /**
     * @param index an AttributeConsumingServiceIndex
     * @return the set FICEP releases for it; empty when FICEP knows no such index
     */
    public static Optional<List<String>> forIndex(int index) {
        if (index == MINIMUM_INDEX) {
            return Optional.of(MINIMUM);
        }
        return index == FULL_INDEX ? Optional.of(FULL) : Optional.empty();
    }
}
