package io.github.cieservlet.oidc;

import io.github.cieservlet.CieLevel;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The relying party's OpenID Connect configuration: who it is in the federation, where the OP answers, what it asks
 * for. Immutable; {@link Builder#build()} checks every value and says what to fix.
 */
public final class OidcSettings {

    /** The {@code prompt} values the profile allows. */
    public static final List<String> PROMPTS = List.of("consent", "consent login");

    private final URI entityId;
    private final URI redirectUri;
    private final URI providerEntityId;
    private final List<URI> authorityHints;
    private final List<TrustAnchor> trustAnchors;
    private final List<String> trustMarks;
    private final String organizationName;
    private final URI homepageUri;
    private final URI policyUri;
    private final URI logoUri;
    private final List<String> contacts;
    private final URI federationResolveEndpoint;
    private final CieLevel level;
    private final String prompt;
    private final boolean requestEmail;
    private final boolean requestPhone;
    private final Duration statementLifetime;
    private final Duration clockSkew;
    private final Duration loginTimeout;
    private final int maxResponseBytes;

    private OidcSettings(Builder b) {
        this.entityId = https("entity ID", b.entityId);
        this.redirectUri = https("redirect URI", b.redirectUri);
        this.providerEntityId = https("OpenID Provider entity ID", b.providerEntityId);
        if (b.authorityHints.isEmpty()) {
            throw new IllegalArgumentException("at least one authority hint is needed (for CIE: the trust anchor)");
        }
        b.authorityHints.forEach(h -> https("authority hint", h));
        this.authorityHints = List.copyOf(b.authorityHints);
        if (b.trustAnchors.isEmpty()) {
            throw new IllegalArgumentException("at least one trust anchor with its pinned JWKS is needed");
        }
        this.trustAnchors = List.copyOf(b.trustAnchors);
        this.trustMarks = List.copyOf(b.trustMarks);
        this.organizationName = required("organization name", b.organizationName);
        this.homepageUri = https("homepage URI", b.homepageUri);
        this.policyUri = https("policy URI", b.policyUri);
        this.logoUri = https("logo URI", b.logoUri);
        if (b.contacts.isEmpty()) {
            throw new IllegalArgumentException("at least one contact (the organisation's PEC address) is needed");
        }
        this.contacts = List.copyOf(b.contacts);
        this.federationResolveEndpoint = b.federationResolveEndpoint == null ? null
                : https("federation resolve endpoint", b.federationResolveEndpoint);
        this.level = Objects.requireNonNull(b.level, "level");
        if (!PROMPTS.contains(b.prompt)) {
            throw new IllegalArgumentException("prompt must be one of " + PROMPTS + ", not '" + b.prompt + "'");
        }
        this.prompt = b.prompt;
        this.requestEmail = b.requestEmail;
        this.requestPhone = b.requestPhone;
        this.statementLifetime = positive("statement lifetime", b.statementLifetime);
        this.clockSkew = Objects.requireNonNull(b.clockSkew, "clockSkew");
        if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("the clock skew must be between 0 and 300 seconds");
        }
        this.loginTimeout = positive("login timeout", b.loginTimeout);
        if (b.maxResponseBytes < 1024) {
            throw new IllegalArgumentException("the largest accepted response must be at least 1024 bytes");
        }
        this.maxResponseBytes = b.maxResponseBytes;
    }

    private static URI https(String what, URI uri) {
        if (uri == null) {
            throw new IllegalArgumentException("the " + what + " is missing");
        }
        if (!Urls.isHttpsOrLoopback(uri) || uri.getRawQuery() != null) {
            throw new IllegalArgumentException("the " + what + " must be an https URL without query or fragment: " + uri);
        }
        return uri;
    }

    private static String required(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the " + what + " is missing");
        }
        return value.trim();
    }

    private static Duration positive(String what, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("the " + what + " must be positive");
        }
        return value;
    }

    /** @return a builder with the profile's defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the RP's entity ID, which is also its {@code client_id} */
    public URI entityId() {
        return entityId;
    }

    /** @return the redirect URI (the callback) */
    public URI redirectUri() {
        return redirectUri;
    }

    /** @return the OpenID Provider's entity ID */
    public URI providerEntityId() {
        return providerEntityId;
    }

    /** @return the superiors named in the entity configuration */
    public List<URI> authorityHints() {
        return authorityHints;
    }

    /** @return the trust anchors with their pinned keys */
    public List<TrustAnchor> trustAnchors() {
        return trustAnchors;
    }

    /** @return the trust marks issued to this RP, as signed JWTs */
    public List<String> trustMarks() {
        return trustMarks;
    }

    /** @return the organisation name ({@code federation_entity}) */
    public String organizationName() {
        return organizationName;
    }

    /** @return the organisation's home page */
    public URI homepageUri() {
        return homepageUri;
    }

    /** @return the privacy policy page */
    public URI policyUri() {
        return policyUri;
    }

    /** @return the SVG logo */
    public URI logoUri() {
        return logoUri;
    }

    /** @return the contacts (PEC addresses) */
    public List<String> contacts() {
        return contacts;
    }

    /** @return the federation resolve endpoint, or null when the RP publishes none */
    public URI federationResolveEndpoint() {
        return federationResolveEndpoint;
    }

    /** @return the level requested with {@code acr_values} */
    public CieLevel level() {
        return level;
    }

    /** @return the {@code prompt} value */
    public String prompt() {
        return prompt;
    }

    /** @return whether {@code email} is requested */
    public boolean requestEmail() {
        return requestEmail;
    }

    /** @return whether {@code phone_number} is requested */
    public boolean requestPhone() {
        return requestPhone;
    }

    /** @return how long the signed entity configuration is valid */
    public Duration statementLifetime() {
        return statementLifetime;
    }

    /** @return the tolerated clock difference with the OP */
    public Duration clockSkew() {
        return clockSkew;
    }

    /** @return how long a started login may take */
    public Duration loginTimeout() {
        return loginTimeout;
    }

    /** @return the largest HTTP answer or token read from the OP or the federation */
    public int maxResponseBytes() {
        return maxResponseBytes;
    }

    /** Collects the values of {@link OidcSettings}. */
    public static final class Builder {
        private URI entityId;
        private URI redirectUri;
        private URI providerEntityId;
        private final List<URI> authorityHints = new ArrayList<>();
        private final List<TrustAnchor> trustAnchors = new ArrayList<>();
        private final List<String> trustMarks = new ArrayList<>();
        private String organizationName;
        private URI homepageUri;
        private URI policyUri;
        private URI logoUri;
        private final List<String> contacts = new ArrayList<>();
        private URI federationResolveEndpoint;
        private CieLevel level = CieLevel.L2;
        private String prompt = "consent login";
        private boolean requestEmail;
        private boolean requestPhone;
        private Duration statementLifetime = Duration.ofDays(1);
        private Duration clockSkew = Duration.ofSeconds(60);
        private Duration loginTimeout = Duration.ofMinutes(15);
        private int maxResponseBytes = 64 * 1024;

        private Builder() {
        }

        /** @param value the RP entity ID (= client_id) @return this builder */
        public Builder entityId(URI value) {
            this.entityId = value;
            return this;
        }

        /** @param value the redirect URI @return this builder */
        public Builder redirectUri(URI value) {
            this.redirectUri = value;
            return this;
        }

        /** @param value the OP entity ID @return this builder */
        public Builder providerEntityId(URI value) {
            this.providerEntityId = value;
            return this;
        }

        /** @param value a superior's entity ID @return this builder */
        public Builder authorityHint(URI value) {
            this.authorityHints.add(value);
            return this;
        }

        /** @param value a trust anchor @return this builder */
        public Builder trustAnchor(TrustAnchor value) {
            this.trustAnchors.add(Objects.requireNonNull(value, "trustAnchor"));
            return this;
        }

        /** @param value a trust mark JWT issued to this RP @return this builder */
        public Builder trustMark(String value) {
            this.trustMarks.add(Objects.requireNonNull(value, "trustMark").trim());
            return this;
        }

        /** @param value organisation name @return this builder */
        public Builder organizationName(String value) {
            this.organizationName = value;
            return this;
        }

        /** @param value home page @return this builder */
        public Builder homepageUri(URI value) {
            this.homepageUri = value;
            return this;
        }

        /** @param value privacy policy @return this builder */
        public Builder policyUri(URI value) {
            this.policyUri = value;
            return this;
        }

        /** @param value SVG logo @return this builder */
        public Builder logoUri(URI value) {
            this.logoUri = value;
            return this;
        }

        /** @param value a contact (PEC) @return this builder */
        public Builder contact(String value) {
            this.contacts.add(Objects.requireNonNull(value, "contact").trim());
            return this;
        }

        /** @param value the federation resolve endpoint, or null @return this builder */
        public Builder federationResolveEndpoint(URI value) {
            this.federationResolveEndpoint = value;
            return this;
        }

        /** @param value the requested level @return this builder */
        public Builder level(CieLevel value) {
            this.level = value;
            return this;
        }

        /** @param value {@code consent} or {@code consent login} @return this builder */
        public Builder prompt(String value) {
            this.prompt = value;
            return this;
        }

        /** @param value whether to request the e-mail address @return this builder */
        public Builder requestEmail(boolean value) {
            this.requestEmail = value;
            return this;
        }

        /** @param value whether to request the phone number @return this builder */
        public Builder requestPhone(boolean value) {
            this.requestPhone = value;
            return this;
        }

        /** @param value entity configuration lifetime @return this builder */
        public Builder statementLifetime(Duration value) {
            this.statementLifetime = value;
            return this;
        }

        /** @param value tolerated clock difference @return this builder */
        public Builder clockSkew(Duration value) {
            this.clockSkew = value;
            return this;
        }

        /** @param value how long a login may take @return this builder */
        public Builder loginTimeout(Duration value) {
            this.loginTimeout = value;
            return this;
        }

        /** @param value largest answer read, in bytes @return this builder */
        public Builder maxResponseBytes(int value) {
            this.maxResponseBytes = value;
            return this;
        }

        /** @return the settings @throws IllegalArgumentException naming the value to fix */
        public OidcSettings build() {
            return new OidcSettings(this);
        }
    }

}
