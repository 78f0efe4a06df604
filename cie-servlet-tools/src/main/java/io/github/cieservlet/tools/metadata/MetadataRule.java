package io.github.cieservlet.tools.metadata;

import io.github.cieservlet.tools.Rule;

/** The CIE SP metadata rules {@code check-metadata} verifies (section 2 of the CIE SAML profile). */
public enum MetadataRule implements Rule {
    WELL_FORMED("xml", "well-formed XML without DOCTYPE"),
    SCHEMA("schema", "valid against the SAML 2.0 metadata schema"),
    ROOT("root", "root is one md:EntityDescriptor (no EntitiesDescriptor) with an entityID"),
    SP_DESCRIPTOR("sp-descriptor", "exactly one SPSSODescriptor supporting urn:oasis:names:tc:SAML:2.0:protocol"),
    AUTHN_REQUESTS_SIGNED("authn-requests-signed", "SPSSODescriptor AuthnRequestsSigned=\"true\""),
    WANT_ASSERTIONS_SIGNED("want-assertions-signed", "SPSSODescriptor WantAssertionsSigned=\"true\""),
    SIGNING_KEY("signing-key", "a signing KeyDescriptor with a whole X.509 certificate"),
    SINGLE_LOGOUT("single-logout", "SingleLogoutService present, at least one with the HTTP-Redirect binding"),
    NAME_ID_FORMAT("name-id-format", "NameIDFormat absent or transient"),
    ACS("acs", "AssertionConsumerService present, https Locations (http only on localhost), unique indexes"),
    ATTRIBUTES("attribute-service", "AttributeConsumingService present with unique indexes, requesting only"
            + " name, familyName, dateOfBirth, fiscalNumber"),
    ORGANIZATION("organization", "Organization with OrganizationName, OrganizationDisplayName and OrganizationURL in it"),
    CONTACT_COUNT("contact-count", "one or two ContactPerson, one of them administrative"),
    CONTACT_EXTENSIONS("contact-extensions", "cie: Extensions of each ContactPerson: one empty Public or Private;"
            + " IPACode (public, not technical) or VATNumber, FiscalCode, NACE2Code (private); Municipality;"
            + " each at most once and not empty"),
    CONTACT_COMPANY("contact-company", "each ContactPerson has a Company; the administrative one is the OrganizationName"),
    CONTACT_EMAIL("contact-email", "each ContactPerson has an EmailAddress"),
    SIGNATURE_ALGORITHMS("signature-algorithms", "enveloped ds:Signature with RSA-SHA256/384/512 and SHA-256/384/512 digests"),
    SIGNATURE("signature", "signature valid with the metadata's own signing certificate"),
    CERT_SUBJECT("cert-subject", "the signing certificate's subject: uri is the entityID, organizationName the"
            + " OrganizationName, organizationIdentifier PA:IT-<IPACode>, VATIT-<VATNumber> or CF:IT-<FiscalCode>");

    private final String id;
    private final String description;

    MetadataRule(String id, String description) {
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
