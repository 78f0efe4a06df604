package io.github.cieservlet.tools.metadata;

import io.github.cieservlet.tools.Rule;

/**
 * The SPID SP metadata rules {@code check-metadata --profile spid-public|spid-private|ficep} verifies in place of
 * the CIE attribute and contact rules (Avviso SPID 29 v3, SPID technical rules, Avviso eIDAS 01-2018, as the AgID
 * sp-test tool checks them).
 */
public enum SpidMetadataRule implements Rule {
    ACS_DEFAULT("spid-acs-default", "exactly one AssertionConsumerService isDefault=\"true\", and it has index 0"),
    ATTRIBUTE_SERVICES("spid-attribute-services", "each AttributeConsumingService has a ServiceName and RequestedAttributes"
            + " named from the SPID attribute table, none twice"),
    CONTACT_OTHER("spid-contact-other", "exactly one ContactPerson contactType=\"other\", with one md:Extensions"),
    PUBLIC_PRIVATE("spid-public-private", "its spid: Extensions have one empty spid:Public (public) or spid:Private"
            + " (private), not the other"),
    IPA_CODE("spid-ipa-code", "spid:IPACode once and not empty for a public SP; absent for a private one"),
    VAT_FISCAL_CODE("spid-vat-fiscal-code", "spid:VATNumber (ISO 3166 prefix) and spid:FiscalCode at most once and not"
            + " empty; a private SP has at least one of them"),
    CONTACT_COMPANY("spid-contact-company", "a Company of the other ContactPerson equals the OrganizationName"),
    CONTACT_EMAIL("spid-contact-email", "the other ContactPerson has an e-mail address"),
    CONTACT_PHONE("spid-contact-phone", "a TelephoneNumber has no spaces and starts with + (+39 for Italy)"),
    BILLING("spid-billing", "private SP: one ContactPerson contactType=\"billing\" with one fpa:CessionarioCommittente"
            + " holding DatiAnagrafici (IdFiscaleIVA or CodiceFiscale, Anagrafica) and Sede (Indirizzo, CAP, Comune,"
            + " Nazione)"),
    FICEP_SERVICES("ficep-attribute-services", "AttributeConsumingService 99 \"eIDAS Natural Person Minimum Attribute"
            + " Set\" and 100 \"eIDAS Natural Person Full Attribute Set\" with exactly the FICEP attribute sets");

    private final String id;
    private final String description;

    SpidMetadataRule(String id, String description) {
        this.id = id;
        this.description = description;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return description;
    }
}
