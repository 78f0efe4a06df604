package io.github.cieservlet.config;

import io.github.cieservlet.CieLevel;
import java.time.Duration;
import java.time.Period;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Objects;

/**
 * The whole, validated configuration of the service provider. Immutable; built once at startup by
 * {@link CieSettingsReader} (or, in tests, by {@link #builder()}).
 */
public final class CieSettings {

    private final Environment environment;
    private final String entityId;
    private final SpEndpoints endpoints;
    private final boolean registerServlets;
    private final ResourceLocation idpMetadataLocation;
    private final Duration idpMetadataRefresh;
    private final SpCredentials credentials;
    private final CieLevel level;
    private final LevelComparison comparison;
    private final RequestBinding binding;
    private final Duration clockSkew;
    private final Duration pendingRequestTimeout;
    private final int maxResponseBytes;
    private final String serviceName;
    private final SpOrganization organization;
    private final SpContact contact;
    private final String afterLogoutPath;
    private final String defaultTarget;
    private final boolean idpLogout;
    private final List<String> authenticationListeners;
    private final EvidenceLocation evidence;
    private final Period evidenceRetention;
    private final StateStoreLocation stateStore;
    private final SpCredentials nextCredentials;
    private final HealthAccess health;
    private final Path idpMetadataCache;
    private final Set<String> idpCertificatePins;
    private final ProtectedHeaders protectedHeaders;
    private final String protocol;
    private final SpidSettings spid;
    private final SpidBilling spidBilling;

    private CieSettings(Builder b) {
        this.environment = Objects.requireNonNull(b.environment, "environment");
        this.entityId = Objects.requireNonNull(b.entityId, "entityId");
        this.endpoints = Objects.requireNonNull(b.endpoints, "endpoints");
        this.registerServlets = b.registerServlets;
        this.idpMetadataLocation = Objects.requireNonNull(b.idpMetadataLocation, "idpMetadataLocation");
        this.idpMetadataRefresh = Objects.requireNonNull(b.idpMetadataRefresh, "idpMetadataRefresh");
        this.credentials = Objects.requireNonNull(b.credentials, "credentials");
        this.level = Objects.requireNonNull(b.level, "level");
        this.comparison = Objects.requireNonNull(b.comparison, "comparison");
        this.binding = Objects.requireNonNull(b.binding, "binding");
        this.clockSkew = Objects.requireNonNull(b.clockSkew, "clockSkew");
        this.pendingRequestTimeout = Objects.requireNonNull(b.pendingRequestTimeout, "pendingRequestTimeout");
        this.maxResponseBytes = b.maxResponseBytes;
        this.serviceName = Objects.requireNonNull(b.serviceName, "serviceName");
        this.organization = Objects.requireNonNull(b.organization, "organization");
        this.contact = Objects.requireNonNull(b.contact, "contact");
        this.afterLogoutPath = Objects.requireNonNull(b.afterLogoutPath, "afterLogoutPath");
        this.defaultTarget = Objects.requireNonNull(b.defaultTarget, "defaultTarget");
        this.idpLogout = b.idpLogout;
        this.authenticationListeners = List.copyOf(b.authenticationListeners);
        this.evidence = Objects.requireNonNull(b.evidence, "evidence");
        this.evidenceRetention = Objects.requireNonNull(b.evidenceRetention, "evidenceRetention");
        this.stateStore = Objects.requireNonNull(b.stateStore, "stateStore");
        this.nextCredentials = b.nextCredentials;
        this.health = Objects.requireNonNull(b.health, "health");
        this.idpMetadataCache = b.idpMetadataCache;
        this.idpCertificatePins = Set.copyOf(b.idpCertificatePins);
        this.protectedHeaders = Objects.requireNonNull(b.protectedHeaders, "protectedHeaders");
        this.protocol = Objects.requireNonNull(b.protocol, "protocol");
        this.spid = Objects.requireNonNull(b.spid, "spid");
        this.spidBilling = b.spidBilling;
    }

    /** @return a builder with the documented defaults where a param has one */
    public static Builder builder() {
        return new Builder();
    }

    /** @return production, preproduction or local */
    public Environment environment() {
        return environment;
    }

    /** @return the SP entity ID */
    public String entityId() {
        return entityId;
    }

    /** @return the SP endpoints */
    public SpEndpoints endpoints() {
        return endpoints;
    }

    /** @return whether the library registers its servlets itself */
    public boolean registerServlets() {
        return registerServlets;
    }

    /** @return where the IdP metadata is read */
    public ResourceLocation idpMetadataLocation() {
        return idpMetadataLocation;
    }

    /** @return how often the IdP metadata is reloaded */
    public Duration idpMetadataRefresh() {
        return idpMetadataRefresh;
    }

    /** @return the SP signing key and certificate */
    public SpCredentials credentials() {
        return credentials;
    }

    /** @return the requested level */
    public CieLevel level() {
        return level;
    }

    /** @return the level comparison */
    public LevelComparison comparison() {
        return comparison;
    }

    /** @return the AuthnRequest binding */
    public RequestBinding binding() {
        return binding;
    }

    /** @return the tolerated clock skew */
    public Duration clockSkew() {
        return clockSkew;
    }

    /** @return how long a pending login request stays valid */
    public Duration pendingRequestTimeout() {
        return pendingRequestTimeout;
    }

    /** @return the largest ACS request body read */
    public int maxResponseBytes() {
        return maxResponseBytes;
    }

    /** @return the AttributeConsumingService ServiceName */
    public String serviceName() {
        return serviceName;
    }

    /** @return the organisation data of the metadata */
    public SpOrganization organization() {
        return organization;
    }

    /** @return the administrative contact of the metadata */
    public SpContact contact() {
        return contact;
    }

    /** @return where the browser goes after logout, relative to the application */
    public String afterLogoutPath() {
        return afterLogoutPath;
    }

    /** @return where a login started without a target ends, relative to the application ({@code cie.defaultTarget}) */
    public String defaultTarget() {
        return defaultTarget;
    }

    /** @return whether logout also sends the browser to the IdP logout page */
    public boolean idpLogout() {
        return idpLogout;
    }

    /** @return class names of the authentication listeners */
    public List<String> authenticationListeners() {
        return authenticationListeners;
    }

    /** @return where the evidence of logins is kept */
    public EvidenceLocation evidence() {
        return evidence;
    }

    /** @return how long evidence is kept */
    public Period evidenceRetention() {
        return evidenceRetention;
    }

    /** @return where the state shared across a login is kept */
    public StateStoreLocation stateStore() {
        return stateStore;
    }

    /** @return the next signing key during a rollover (published in the metadata, not used to sign) */
    public Optional<SpCredentials> nextCredentials() {
        return Optional.ofNullable(nextCredentials);
    }

    /** @return who may read the health endpoint */
    public HealthAccess health() {
        return health;
    }

    /** @return where the last good IdP metadata is kept */
    public Optional<Path> idpMetadataCache() {
        return Optional.ofNullable(idpMetadataCache);
    }

    /** @return SHA-256 fingerprints of the accepted IdP signing certificates; empty: any */
    public Set<String> idpCertificatePins() {
        return idpCertificatePins;
    }

    /** @return the headers the filter adds to protected pages */
    public ProtectedHeaders protectedHeaders() {
        return protectedHeaders;
    }

    /** @return the {@code cie.protocol} value: {@code saml} (built in) or the name of a protocol provider */
    public String protocol() {
        return protocol;
    }

    /** @return the schemes offered and the SPID and eIDAS settings ({@link SpidSettings#CIE_ONLY} by default) */
    public SpidSettings spid() {
        return spid;
    }

    /** @return the billing contact of a private subject's SPID metadata ({@code cie.spid.billing.*}), if set */
    public Optional<SpidBilling> spidBilling() {
        return Optional.ofNullable(spidBilling);
    }

    /** Assembles a {@link CieSettings}; validation of values is the reader's job. */
    public static final class Builder {
        private Environment environment;
        private String entityId;
        private SpEndpoints endpoints;
        private boolean registerServlets = true;
        private ResourceLocation idpMetadataLocation;
        private Duration idpMetadataRefresh = Duration.ofHours(12);
        private SpCredentials credentials;
        private CieLevel level = CieLevel.L3;
        private LevelComparison comparison = LevelComparison.MINIMUM;
        private RequestBinding binding = RequestBinding.POST;
        private Duration clockSkew = Duration.ofSeconds(60);
        private Duration pendingRequestTimeout = Duration.ofMinutes(15);
        private int maxResponseBytes = 256 * 1024;
        private String serviceName;
        private SpOrganization organization;
        private SpContact contact;
        private String afterLogoutPath = "/";
        private String defaultTarget = "/";
        private boolean idpLogout;
        private List<String> authenticationListeners = List.of();
        private EvidenceLocation evidence = EvidenceLocation.UNSET;
        private Period evidenceRetention = Period.ofMonths(24);
        private StateStoreLocation stateStore = StateStoreLocation.MEMORY;
        private SpCredentials nextCredentials;
        private HealthAccess health = HealthAccess.OFF;
        private Path idpMetadataCache;
        private Set<String> idpCertificatePins = Set.of();
        private ProtectedHeaders protectedHeaders = ProtectedHeaders.DENY;
        private String protocol = "saml";
        private SpidSettings spid = SpidSettings.CIE_ONLY;
        private SpidBilling spidBilling;

        private Builder() {
        }

        /** @param value environment @return this */
        public Builder environment(Environment value) {
            this.environment = value;
            return this;
        }

        /** @param value entity ID @return this */
        public Builder entityId(String value) {
            this.entityId = value;
            return this;
        }

        /** @param value endpoints @return this */
        public Builder endpoints(SpEndpoints value) {
            this.endpoints = value;
            return this;
        }

        /** @param value whether to register servlets @return this */
        public Builder registerServlets(boolean value) {
            this.registerServlets = value;
            return this;
        }

        /** @param value IdP metadata location @return this */
        public Builder idpMetadataLocation(ResourceLocation value) {
            this.idpMetadataLocation = value;
            return this;
        }

        /** @param value IdP metadata refresh interval @return this */
        public Builder idpMetadataRefresh(Duration value) {
            this.idpMetadataRefresh = value;
            return this;
        }

        /** @param value SP credentials @return this */
        public Builder credentials(SpCredentials value) {
            this.credentials = value;
            return this;
        }

        /** @param value level @return this */
        public Builder level(CieLevel value) {
            this.level = value;
            return this;
        }

        /** @param value comparison @return this */
        public Builder comparison(LevelComparison value) {
            this.comparison = value;
            return this;
        }

        /** @param value binding @return this */
        public Builder binding(RequestBinding value) {
            this.binding = value;
            return this;
        }

        /** @param value clock skew @return this */
        public Builder clockSkew(Duration value) {
            this.clockSkew = value;
            return this;
        }

        /** @param value pending request timeout @return this */
        public Builder pendingRequestTimeout(Duration value) {
            this.pendingRequestTimeout = value;
            return this;
        }

        /** @param value max ACS body bytes @return this */
        public Builder maxResponseBytes(int value) {
            this.maxResponseBytes = value;
            return this;
        }

        /** @param value ServiceName @return this */
        public Builder serviceName(String value) {
            this.serviceName = value;
            return this;
        }

        /** @param value organisation @return this */
        public Builder organization(SpOrganization value) {
            this.organization = value;
            return this;
        }

        /** @param value contact @return this */
        public Builder contact(SpContact value) {
            this.contact = value;
            return this;
        }

        /** @param value path after logout @return this */
        public Builder afterLogoutPath(String value) {
            this.afterLogoutPath = value;
            return this;
        }

        /** @param value where a login without a target ends @return this */
        public Builder defaultTarget(String value) {
            this.defaultTarget = value;
            return this;
        }

        /** @param value whether to hop to the IdP logout page @return this */
        public Builder idpLogout(boolean value) {
            this.idpLogout = value;
            return this;
        }

        /** @param value listener class names @return this */
        public Builder authenticationListeners(List<String> value) {
            this.authenticationListeners = value;
            return this;
        }

        /** @param value where evidence is kept @return this */
        public Builder evidence(EvidenceLocation value) {
            this.evidence = value;
            return this;
        }

        /** @param value how long evidence is kept @return this */
        public Builder evidenceRetention(Period value) {
            this.evidenceRetention = value;
            return this;
        }

        /** @param value where shared login state is kept @return this */
        public Builder stateStore(StateStoreLocation value) {
            this.stateStore = value;
            return this;
        }

        /** @param value who may read the health endpoint @return this */
        public Builder health(HealthAccess value) {
            this.health = value;
            return this;
        }

        /** @param value the next signing key, or null @return this */
        public Builder nextCredentials(SpCredentials value) {
            this.nextCredentials = value;
            return this;
        }

        /** @param value the last good IdP metadata file, or null @return this */
        public Builder idpMetadataCache(Path value) {
            this.idpMetadataCache = value;
            return this;
        }

        /** @param value accepted IdP certificate fingerprints @return this */
        public Builder idpCertificatePins(Set<String> value) {
            this.idpCertificatePins = value;
            return this;
        }

        /** @param value headers for protected pages @return this */
        public Builder protectedHeaders(ProtectedHeaders value) {
            this.protectedHeaders = value;
            return this;
        }

        /**
         * @param value the {@code cie.protocol} value
         * @return this builder
         */
        public Builder protocol(String value) {
            this.protocol = value;
            return this;
        }

        /**
         * @param value the schemes and the SPID and eIDAS settings
         * @return this builder
         */
        public Builder spid(SpidSettings value) {
            this.spid = value;
            return this;
        }

        /**
         * @param value the billing contact of a private subject's SPID metadata, or null
         * @return this builder
         */
        public Builder spidBilling(SpidBilling value) {
            this.spidBilling = value;
            return this;
        }

        /** @return the settings @throws NullPointerException if a required value is missing */
        public CieSettings build() {
            return new CieSettings(this);
        }
    }
}
