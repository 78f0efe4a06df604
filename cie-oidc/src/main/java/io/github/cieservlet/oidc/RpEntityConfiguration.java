package io.github.cieservlet.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.id.Identifier;
import com.nimbusds.openid.connect.sdk.federation.entities.EntityID;
import com.nimbusds.openid.connect.sdk.federation.entities.EntityStatement;
import com.nimbusds.openid.connect.sdk.federation.entities.EntityStatementClaimsSet;
import com.nimbusds.openid.connect.sdk.federation.entities.EntityType;
import com.nimbusds.openid.connect.sdk.federation.entities.FederationEntityMetadata;
import com.nimbusds.openid.connect.sdk.federation.trust.marks.TrustMarkEntry;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientMetadata;
import java.net.URI;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Signs the relying party's entity configuration, the self-signed JWT served at
 * {@code <entity ID>/.well-known/openid-federation}: {@code federation_entity} and {@code openid_relying_party}
 * metadata as the SPID/CIE OIDC profile lists them, {@code authority_hints}, the configured trust marks, and the
 * federation keys (every published signing key, so a rollover shows both).
 */
public final class RpEntityConfiguration {

    /** The media type of the entity configuration. */
    public static final String CONTENT_TYPE = "application/entity-statement+jwt";

    /** Where the entity configuration is served, relative to the entity ID. */
    public static final String WELL_KNOWN_PATH = "/.well-known/openid-federation";

    private final OidcSettings settings;
    private final RpKeys keys;
    private final List<TrustMarkEntry> trustMarks;

    /**
     * @param settings the RP configuration
     * @param keys the RP keys
     * @throws IllegalArgumentException if a configured trust mark is not a signed JWT naming its type
     */
    public RpEntityConfiguration(OidcSettings settings, RpKeys keys) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.keys = Objects.requireNonNull(keys, "keys");
        List<TrustMarkEntry> marks = new ArrayList<>();
        for (String jwt : settings.trustMarks()) {
            marks.add(trustMark(jwt));
        }
        this.trustMarks = List.copyOf(marks);
    }

    private static TrustMarkEntry trustMark(String jwt) {
        try {
            SignedJWT mark = SignedJWT.parse(jwt);
            Object type = mark.getJWTClaimsSet().getClaim("trust_mark_type");
            Object id = type != null ? type : mark.getJWTClaimsSet().getClaim("id");
            if (!(id instanceof String)) {
                throw new IllegalArgumentException("a trust mark names no id / trust_mark_type");
            }
            return new TrustMarkEntry(new Identifier((String) id), mark);
        } catch (ParseException | ClassCastException e) {
            throw new IllegalArgumentException("a configured trust mark is not a signed JWT (" + e.getMessage() + ")", e);
        }
    }

    /**
     * @param now the issue time
     * @return the signed entity configuration, valid from {@code now} for the configured lifetime
     */
    public String sign(Instant now) {
        EntityID self = new EntityID(settings.entityId().toString());
        EntityStatementClaimsSet claims = new EntityStatementClaimsSet(self, self, Date.from(now),
                Date.from(now.plus(settings.statementLifetime())), keys.federationJwks());
        List<EntityID> hints = new ArrayList<>();
        for (URI hint : settings.authorityHints()) {
            hints.add(new EntityID(hint.toString()));
        }
        claims.setAuthorityHints(hints);
        claims.setFederationEntityMetadata(federationEntity());
        claims.setMetadata(EntityType.OPENID_RELYING_PARTY, relyingParty().toJSONObject());
        if (!trustMarks.isEmpty()) {
            claims.setTrustMarks(trustMarks);
        }
        try {
            return EntityStatement.sign(claims, keys.signingKey(), ProfileAlgorithms.SIGN)
                    .getSignedStatement().serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the entity configuration", e);
        }
    }

    private FederationEntityMetadata federationEntity() {
        FederationEntityMetadata metadata = new FederationEntityMetadata();
        metadata.setOrganizationName(settings.organizationName());
        metadata.setHomepageURI(settings.homepageUri());
        metadata.setPolicyURI(settings.policyUri());
        metadata.setLogoURI(settings.logoUri());
        metadata.setContacts(settings.contacts());
        if (settings.federationResolveEndpoint() != null) {
            metadata.setFederationResolveEndpointURI(settings.federationResolveEndpoint());
        }
        return metadata;
    }

    private OIDCClientMetadata relyingParty() {
        OIDCClientMetadata metadata = new OIDCClientMetadata();
        metadata.setRedirectionURI(settings.redirectUri());
        metadata.setGrantTypes(Set.of(GrantType.AUTHORIZATION_CODE));
        metadata.setResponseTypes(Set.of(ResponseType.CODE));
        metadata.setTokenEndpointAuthMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT);
        metadata.setTokenEndpointAuthJWSAlg(ProfileAlgorithms.SIGN);
        metadata.setJWKSet(keys.relyingPartyJwks());
        metadata.setIDTokenJWSAlg(ProfileAlgorithms.SIGN);
        metadata.setIDTokenJWEAlg(ProfileAlgorithms.ENCRYPT_KEY);
        metadata.setIDTokenJWEEnc(ProfileAlgorithms.ENCRYPT_CONTENT);
        metadata.setUserInfoJWSAlg(ProfileAlgorithms.SIGN);
        metadata.setUserInfoJWEAlg(ProfileAlgorithms.ENCRYPT_KEY);
        metadata.setUserInfoJWEEnc(ProfileAlgorithms.ENCRYPT_CONTENT);
        metadata.setName(settings.organizationName());
        metadata.setEmailContacts(settings.contacts());
        metadata.setCustomField("client_id", settings.entityId().toString());
        metadata.setCustomField("client_registration_types", List.of("automatic"));
        return metadata;
    }
}
