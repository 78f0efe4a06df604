package io.github.cieservlet.config;

import java.util.List;

/**
 * The two attribute sets the Italian eIDAS node (FICEP) releases, each an AttributeConsumingService of the SPID
 * metadata with a fixed index (Avviso eIDAS 01-2018): chosen with {@code cie.eidas.attributeSet}.
 */
public enum EidasAttributeSet {
    /** eIDAS Natural Person Minimum Attribute Set, AttributeConsumingService index 99. */
    MINIMUM(99, List.of("spidCode", "name", "familyName", "dateOfBirth", "fiscalNumber")),
    /** eIDAS Natural Person Full Attribute Set, AttributeConsumingService index 100. */
    FULL(100, List.of("spidCode", "name", "familyName", "dateOfBirth", "fiscalNumber", "placeOfBirth", "address",
            "gender"));

    private final int index;
    private final List<String> attributes;

    EidasAttributeSet(int index, List<String> attributes) {
        this.index = index;
        this.attributes = attributes;
    }

    /** @return the AttributeConsumingServiceIndex of the set: 99 or 100 */
    public int index() {
        return index;
    }

    /** @return the SPID names of the attributes the set may carry */
    public List<String> attributes() {
        return attributes;
    }
}
