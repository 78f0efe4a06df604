package io.github.cieservlet.tools.cert;

import io.github.cieservlet.tools.Rule;

/** The rules of the compliant SP certificate profile that {@code check-cert} verifies. */
public enum CertRule implements Rule {
    KEY("key", "RSA key of 2048 to 4096 bits"),
    SIGNATURE_ALGORITHM("signature-algorithm", "signed with sha256WithRSAEncryption or sha512WithRSAEncryption"),
    COMMON_NAME("subject-common-name", "subject commonName (2.5.4.3) once, not empty: the OrganizationDisplayName"),
    ORGANIZATION_NAME("subject-organization-name", "subject organizationName (2.5.4.10) once, not empty"),
    URI("subject-uri", "subject uri (2.5.4.83) once: the entity ID, an absolute URI"),
    ORGANIZATION_IDENTIFIER("subject-organization-id",
            "subject organizationIdentifier (2.5.4.97) once: " + OrganizationIdentifier.forms()),
    COUNTRY("subject-country", "subject countryName (2.5.4.6) once: two upper-case letters"),
    LOCALITY("subject-locality", "subject localityName (2.5.4.7) once, not empty"),
    FORBIDDEN_ATTRIBUTES("subject-forbidden", "no personal attributes in the subject (2.5.4.4, .41-.44, .64, .65)"),
    BASIC_CONSTRAINTS("basic-constraints", "basicConstraints present with CA:FALSE"),
    KEY_USAGE("key-usage", "keyUsage critical, exactly digitalSignature and nonRepudiation"),
    AGID_POLICY("policy-agid", "certificatePolicies 1.3.76.16.6 with userNotice explicitText agIDcert"),
    SECTOR_POLICY("policy-sector", "certificatePolicies 1.3.76.16.4.2.1 cert_SP_Pub (public, PA:IT-)"
            + " or 1.3.76.16.4.3.1 cert_SP_Priv (private), as the organizationIdentifier says"),
    VALIDITY("validity", "valid now");

    private final String id;
    private final String description;

    CertRule(String id, String description) {
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
