package io.github.cieservlet.config;

import java.util.Locale;
import java.util.Optional;

/**
 * Every configuration parameter cie-servlet reads. Each is a web.xml {@code context-param}, and can be
 * overridden by a JVM system property of the same name or by an environment variable ({@link #envName()}),
 * in that order of strength: system property, then environment, then web.xml.
 *
 * <p>This enum is the one list of parameters: the reader rejects any other {@code cie.*} name, and
 * {@code docs/configuration.md} is checked against it.
 */
public enum CieParam {
    ENVIRONMENT("cie.environment", null,
            "Which CIE identity provider to use: production, preproduction, or local (the bundled test IdP)."),
    ENTITY_ID("cie.entityId", null,
            "The service provider's entity ID, as registered with the Ministry (an https URL on your domain)."),
    PUBLIC_BASE_URL("cie.publicBaseUrl", null,
            "The public URL of the web application as citizens reach it (scheme, host, port and context path),"
                    + " e.g. https://servizi.comune.example.it/portale. Endpoint URLs are built from it, never from the request."),
    PATH_PREFIX("cie.pathPrefix", "/cie",
            "Path under the application where the login, ACS, metadata and logout endpoints live."),
    REGISTER_SERVLETS("cie.registerServlets", "true",
            "Whether the library registers its endpoints itself; set false to map them in web.xml."),
    IDP_METADATA("cie.idpMetadata", null,
            "Where to read the identity provider metadata: an https URL, file:/path or classpath:path."
                    + " Default: the Ministry's URL for the environment, or the bundled test IdP for local."),
    IDP_METADATA_REFRESH_SECONDS("cie.idpMetadataRefreshSeconds", "43200",
            "How often to reload the identity provider metadata, in seconds."),
    IDP_METADATA_CACHE("cie.idpMetadataCache", null,
            "A file where the last good identity provider metadata is kept, used at startup when the metadata URL"
                    + " cannot be reached, e.g. /var/lib/portale/cie-idp-metadata.xml."),
    IDP_CERTIFICATE_PINS("cie.idpCertificatePins", null,
            "Comma-separated SHA-256 fingerprints of the identity provider signing certificates accepted; metadata"
                    + " naming another key is refused. Default: any key the metadata names."),
    KEYSTORE("cie.keystore", null,
            "The service provider's PKCS#12 keystore: file:/path, a plain file path, or classpath:path."),
    KEYSTORE_PASSWORD("cie.keystorePassword", null,
            "Password of the keystore; use ${env:NAME} so the secret stays out of web.xml."),
    KEY_ALIAS("cie.keyAlias", null,
            "Alias of the signing key in the keystore; may be omitted when the keystore holds exactly one key."),
    NEXT_KEY_ALIAS("cie.nextKeyAlias", null,
            "Alias of the next signing key in the same keystore, during a key rollover: the metadata publishes both"
                    + " certificates while requests are signed with cie.keyAlias. See docs/onboarding.md."),
    KEY_PASSWORD("cie.keyPassword", null,
            "Password of the private key, if it differs from the keystore password."),
    LEVEL("cie.level", "L3",
            "Requested authentication level: L1, L2 or L3."),
    LEVEL_COMPARISON("cie.levelComparison", "minimum",
            "How the level is compared: minimum, or exact (allowed with L3 only)."),
    SCHEMES("cie.schemes", "cie",
            "The identity schemes offered, comma or space separated: cie, spid, eidas (eIDAS through the Italian node"
                    + " FICEP). See docs/spid.md."),
    SPID_IDP_METADATA("cie.spid.idpMetadata", null,
            "spid: where the SPID identity providers come from: registry (the AgID registry), or space-separated"
                    + " metadata locations (https URL, file:, classpath:). Default: the local SPID test IdP for"
                    + " cie.environment=local, else registry."),
    SPID_LEVEL("cie.spid.level", "L2",
            "spid, eidas: the requested level, L1, L2 or L3 (always with comparison minimum)."),
    SPID_ATTRIBUTES("cie.spid.attributes", "name familyName fiscalNumber dateOfBirth",
            "spid: the SPID attributes asked for (AttributeConsumingService index 0), space or comma separated;"
                    + " must include fiscalNumber or spidCode."),
    EIDAS_IDP_METADATA("cie.eidas.idpMetadata", null,
            "eidas: the FICEP metadata: production, qa, or a metadata location. Default: the local FICEP test IdP"
                    + " for cie.environment=local, else production."),
    EIDAS_ATTRIBUTE_SET("cie.eidas.attributeSet", "minimum",
            "eidas: minimum (AttributeConsumingService index 99) or full (index 100)."),
    BINDING("cie.binding", "POST",
            "How the AuthnRequest travels to the identity provider: POST or REDIRECT."),
    CLOCK_SKEW_SECONDS("cie.clockSkewSeconds", "60",
            "Tolerated clock difference with the identity provider, in seconds (0-300)."),
    PENDING_REQUEST_TIMEOUT_SECONDS("cie.pendingRequestTimeoutSeconds", "900",
            "How long a login started here may take before its answer is refused, in seconds."),
    MAX_RESPONSE_BYTES("cie.maxResponseBytes", "262144",
            "Largest request body the Assertion Consumer Service reads, in bytes."),
    SERVICE_NAME("cie.serviceName", null,
            "ServiceName of the AttributeConsumingService in the metadata. Default: the organisation display name."),
    SPID_BILLING_EMAIL("cie.spid.billing.email", null,
            "spid, eidas, private subjects only: e-mail of the billing contact of the SPID metadata (required)."),
    SPID_BILLING_PHONE("cie.spid.billing.phone", null,
            "spid, eidas, private subjects only: telephone of the billing contact, international format without"
                    + " spaces; optional."),
    SPID_BILLING_ADDRESS("cie.spid.billing.address", null,
            "spid, eidas, private subjects only: street of the registered office for invoices (FatturaPA"
                    + " Sede/Indirizzo; required)."),
    SPID_BILLING_STREET_NUMBER("cie.spid.billing.streetNumber", null,
            "spid, eidas, private subjects only: street number of the registered office (NumeroCivico); optional."),
    SPID_BILLING_POSTAL_CODE("cie.spid.billing.postalCode", null,
            "spid, eidas, private subjects only: postal code of the registered office, five digits (CAP; required)."),
    SPID_BILLING_CITY("cie.spid.billing.city", null,
            "spid, eidas, private subjects only: municipality of the registered office by name, e.g. Roma (Comune;"
                    + " required)."),
    SPID_BILLING_PROVINCE("cie.spid.billing.province", null,
            "spid, eidas, private subjects only: car-plate code of the province, e.g. RM (Provincia); optional."),
    SPID_BILLING_COUNTRY("cie.spid.billing.country", "IT",
            "spid, eidas, private subjects only: ISO 3166-1 alpha-2 country of the registered office (Nazione)."),
    ORGANIZATION_NAME("cie.organizationName", null,
            "Full legal name of the organisation, exactly as in public registers (also the contact's Company)."),
    ORGANIZATION_DISPLAY_NAME("cie.organizationDisplayName", null,
            "Short name of the organisation shown to citizens by the identity provider."),
    ORGANIZATION_URL("cie.organizationUrl", null,
            "Institutional web page of the organisation."),
    SUBJECT_TYPE("cie.subjectType", null,
            "public (public administrations and public-service operators) or private."),
    IPA_CODE("cie.ipaCode", null,
            "IPA code from indicepa.gov.it; required when cie.subjectType is public."),
    IPA_CATEGORY("cie.ipaCategory", null,
            "IPA category (e.g. L6); optional."),
    VAT_NUMBER("cie.vatNumber", null,
            "VAT number with country prefix, e.g. IT12345678901; required when cie.subjectType is private."),
    FISCAL_CODE("cie.fiscalCode", null,
            "Fiscal code of the organisation; required when cie.subjectType is private."),
    NACE2_CODE("cie.nace2Code", null,
            "ATECO/NACE rev.2 code, e.g. 62.01.00; required when cie.subjectType is private."),
    MUNICIPALITY("cie.municipality", null,
            "Code of the municipality of the registered office, upper case: the cadastral (Belfiore) code, e.g. H501"
                    + " for Rome, as in the CIE examples (not the numeric ISTAT code, 058091 for Rome)."),
    PROVINCE("cie.province", null,
            "Car-plate code of the province, upper case, e.g. RM; optional."),
    COUNTRY("cie.country", null,
            "ISO 3166-1 alpha-2 country code, e.g. IT; optional for Italian subjects."),
    CONTACT_EMAIL("cie.contactEmail", null,
            "Institutional e-mail of the administrative contact, as given in the onboarding request."),
    CONTACT_PHONE("cie.contactPhone", null,
            "Telephone of the administrative contact, international format without spaces; optional."),
    AFTER_LOGOUT_URL("cie.afterLogoutUrl", "/",
            "Where the browser goes after a local logout: a path of this application."),
    DEFAULT_TARGET("cie.defaultTarget", "/",
            "Where the citizen lands after a login started without a target, e.g. from a <cie:button/> on the login"
                    + " page or on another page that is not protected: a path of this application, e.g. /area-riservata/."),
    IDP_LOGOUT("cie.idpLogout", "false",
            "After the local logout, send the browser to the identity provider's logout page too (true/false)."),
    PROTECTED_HEADERS("cie.protectedHeaders", "deny",
            "Headers the filter adds to the protected pages it lets through: deny (Cache-Control: no-store, Pragma:"
                    + " no-cache, X-Frame-Options: DENY and CSP frame-ancestors 'none'), sameorigin (framing by the same"
                    + " origin only), nocache (no caching headers only) or none."),
    AUTHENTICATION_LISTENERS("cie.authenticationListeners", null,
            "Comma-separated class names of CieAuthenticationListener implementations that keep the login evidence."),
    PROTECT("cie.protect", null,
            "Comma-separated URL patterns the library protects with its filter, no <filter-mapping> needed, e.g."
                    + " /area-riservata/*; none when the application checks the citizen itself. Startup fails when"
                    + " nothing is protected."),
    CONTAINER_SECURITY("cie.containerSecurity", "false",
            "true: the CIE login becomes the container's own login (Jakarta Authentication, needs the"
                    + " cie-servlet-jaspic jar), so security-constraint, roles, isUserInRole and getUserPrincipal work."),
    BASE_ROLE("cie.baseRole", "cittadino",
            "With cie.containerSecurity: the role every citizen logged in with CIE has."),
    ROLES_DATA_SOURCE("cie.rolesDataSource", null,
            "With cie.containerSecurity: JNDI name of the DataSource of cie.rolesQuery, e.g. java:comp/env/jdbc/portale."),
    ROLES_QUERY("cie.rolesQuery", null,
            "With cie.containerSecurity: SQL giving a citizen's extra roles, one per row, from the fiscal code as its"
                    + " one parameter, e.g. SELECT role FROM user_roles WHERE fiscal_code = ?"),
    EVIDENCE("cie.evidence", null,
            "Where the evidence of every login is kept: jndi:java:comp/env/jdbc/<name> (a container DataSource),"
                    + " file:/absolute/directory, or none. Unset or none: a WARN at startup says the duty to keep"
                    + " evidence is not met."),
    EVIDENCE_RETENTION("cie.evidenceRetention", "P24M",
            "How long evidence is kept before the library purges it: an ISO-8601 period, e.g. P24M (24 months)"
                    + " or P3Y."),
    HEALTH("cie.health", "off",
            "The JSON health endpoint <pathPrefix>/health: off, loopback (clients on this machine only; not behind a"
                    + " reverse proxy on the same host) or token:${env:NAME} (Authorization: Bearer, 32+ characters)."),
    STATE_STORE("cie.stateStore", "memory",
            "Where the state shared across a login is kept (answered requests, replay cache): memory (one node),"
                    + " jcache:<cache name> (a JCache cache shared by the nodes) or jndi:java:comp/env/jdbc/<name>."),
    PROTOCOL("cie.protocol", "saml",
            "The login protocol: saml (built in) or oidc (CIE OpenID Connect; needs the io.github.cieservlet:cie-oidc"
                    + " jar in the application, see docs/oidc.md)."),
    OIDC_PROVIDER("cie.oidc.provider", null,
            "oidc: the OpenID Provider's entity ID. Default: the CIE OP in production, the test IdP's OP for local."),
    OIDC_TRUST_ANCHOR("cie.oidc.trustAnchor", null,
            "oidc: the trust anchor's entity ID. Default: the CIE registry in production, the test IdP's for local."),
    OIDC_TRUST_ANCHOR_JWKS("cie.oidc.trustAnchorJwks", null,
            "oidc: the trust anchor's public JWKS, pinned (inline JSON, file: or classpath:); required except for local."),
    OIDC_AUTHORITY_HINTS("cie.oidc.authorityHints", null,
            "oidc: the relying party's superiors, comma or space separated. Default: the trust anchor."),
    OIDC_TRUST_MARKS("cie.oidc.trustMarks", null,
            "oidc: trust mark JWTs issued at onboarding (inline or a location), separated by white space; optional."),
    OIDC_HOMEPAGE_URI("cie.oidc.homepageUri", null,
            "oidc: federation_entity homepage_uri. Default: cie.organizationUrl."),
    OIDC_POLICY_URI("cie.oidc.policyUri", null,
            "oidc: federation_entity policy_uri (the privacy policy)."),
    OIDC_LOGO_URI("cie.oidc.logoUri", null,
            "oidc: federation_entity logo_uri (an SVG)."),
    OIDC_CONTACTS("cie.oidc.contacts", null,
            "oidc: contact PEC addresses, comma or space separated. Default: cie.contactEmail."),
    OIDC_FEDERATION_RESOLVE_ENDPOINT("cie.oidc.federationResolveEndpoint", null,
            "oidc: a federation_resolve_endpoint to publish; optional."),
    OIDC_ENCRYPTION_KEYSTORE("cie.oidc.encryptionKeystore", null,
            "oidc: a PKCS#12 keystore with a second key pair for encryption. Default: the SP key pair."),
    OIDC_ENCRYPTION_KEYSTORE_PASSWORD("cie.oidc.encryptionKeystorePassword", null,
            "oidc: password of cie.oidc.encryptionKeystore."),
    OIDC_ENCRYPTION_KEY_ALIAS("cie.oidc.encryptionKeyAlias", null,
            "oidc: alias of the key in cie.oidc.encryptionKeystore."),
    OIDC_NEXT_KEYSTORE("cie.oidc.nextKeystore", null,
            "oidc: a PKCS#12 keystore with the next signing key, published for a key rollover; optional."),
    OIDC_NEXT_KEYSTORE_PASSWORD("cie.oidc.nextKeystorePassword", null,
            "oidc: password of cie.oidc.nextKeystore."),
    OIDC_NEXT_KEY_ALIAS("cie.oidc.nextKeyAlias", null,
            "oidc: alias of the key in cie.oidc.nextKeystore."),
    OIDC_PROMPT("cie.oidc.prompt", "consent login",
            "oidc: the prompt of the authorization request: consent login, or consent."),
    OIDC_REQUEST_EMAIL("cie.oidc.requestEmail", "false",
            "oidc: also ask for the citizen's email (true/false)."),
    OIDC_REQUEST_PHONE("cie.oidc.requestPhone", "false",
            "oidc: also ask for the citizen's phone_number (true/false).");

    private final String key;
    private final String defaultValue;
    private final String description;

    CieParam(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** @return the context-param / system property name, e.g. {@code cie.entityId} */
    public String key() {
        return key;
    }

    /** @return the default value, or empty when the param has none */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** @return what the param is for and how to set it */
    public String description() {
        return description;
    }

    /** @return the environment variable that overrides this param, e.g. {@code CIE_ENTITY_ID} */
    public String envName() {
        StringBuilder env = new StringBuilder();
        for (char c : key.toCharArray()) {
            if (c == '.') {
                env.append('_');
            } else if (Character.isUpperCase(c)) {
                env.append('_').append(c);
            } else {
                env.append(Character.toUpperCase(c));
            }
        }
        return env.toString().toUpperCase(Locale.ROOT);
    }

    /**
     * @param key a param name
     * @return the param of that exact name, or empty
     */
    public static Optional<CieParam> byKey(String key) {
        for (CieParam param : values()) {
            if (param.key.equals(key)) {
                return Optional.of(param);
            }
        }
        return Optional.empty();
    }
}
