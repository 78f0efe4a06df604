package io.github.cieservlet.tools.oidc;

import io.github.cieservlet.tools.Rule;

/** The rules of the SPID/CIE OIDC profile an RP entity configuration is checked against. */
public enum EntityConfigurationRule implements Rule {
    /** Signed by a key of its own jwks with a profile algorithm, valid now. */
    SIGNATURE("ec-signature", "a JWT signed with a profile algorithm by a key of its own jwks, valid now"),
    /** Issuer and subject. */
    SELF_ISSUED("ec-self-issued", "iss equals sub, an https URL"),
    /** Authority hints. */
    AUTHORITY_HINTS("ec-authority-hints", "authority_hints names at least one https superior (for CIE: the trust anchor)"),
    /** Federation entity metadata. */
    FEDERATION_ENTITY("ec-federation-entity",
            "federation_entity has organization_name, homepage_uri, policy_uri, logo_uri (SVG) and contacts"),
    /** Federation resolve endpoint. */
    RESOLVE_ENDPOINT("ec-resolve-endpoint", "federation_entity has federation_resolve_endpoint (listed as mandatory)"),
    /** Relying party metadata. */
    RP_METADATA("ec-rp-metadata", "openid_relying_party: client_id = sub, https redirect_uris, grant_types"
            + " authorization_code, response_types code, private_key_jwt, client_registration_types automatic"),
    /** Algorithms. */
    RP_ALGORITHMS("ec-rp-algorithms", "ID token and UserInfo signing and encryption algorithms of the profile"),
    /** Keys. */
    RP_JWKS("ec-rp-jwks", "jwks has an RSA signing and an RSA encryption key of at least 2048 bits, unique kids,"
            + " no private part"),
    /** Trust marks. */
    TRUST_MARKS("ec-trust-marks", "trust_marks carries the marks the federation issued (after registration)");

    private final String id;
    private final String description;

    EntityConfigurationRule(String id, String description) {
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
