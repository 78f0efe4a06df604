package io.github.cieservlet.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.openid.connect.sdk.federation.entities.EntityStatement;
import com.nimbusds.openid.connect.sdk.federation.entities.EntityType;
import io.github.cieservlet.config.SpCredentials;
import io.github.cieservlet.testing.TestCredentials;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import net.minidev.json.JSONObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The RP entity configuration has what the profile's RP metadata tables ask for, signed and verifiable. */
class RpEntityConfigurationTest {

    private static final URI RP = URI.create("https://comune.example.it/oidc/rp");
    private static SpCredentials signing;
    private static SpCredentials next;
    private static SpCredentials encryption;
    private static RSAKey trustAnchorKey;

    @BeforeAll
    static void keys() throws Exception {
        trustAnchorKey = new RSAKeyGenerator(2048).generate();
        Instant now = Instant.now().minusSeconds(60);
        signing = TestCredentials.sp();
        next = TestCredentials.generate("CN=next", 2048, now, Duration.ofDays(30));
        encryption = TestCredentials.generate("CN=enc", 2048, now, Duration.ofDays(30));
    }

    private static OidcSettings.Builder settings() {
        return OidcSettings.builder().entityId(RP).redirectUri(URI.create(RP + "/callback"))
                .providerEntityId(URI.create("https://oidc.idserver.servizicie.interno.gov.it"))
                .authorityHint(TrustAnchor.CIE_PRODUCTION)
                .trustAnchor(new TrustAnchor(TrustAnchor.CIE_PRODUCTION,
                        new com.nimbusds.jose.jwk.JWKSet(trustAnchorKey.toPublicJWK())))
                .organizationName("Comune di Prova").homepageUri(URI.create("https://comune.example.it"))
                .policyUri(URI.create("https://comune.example.it/privacy"))
                .logoUri(URI.create("https://comune.example.it/logo.svg"))
                .contact("protocollo@pec.comune.example.it");
    }

    private static EntityStatement sign(OidcSettings settings, RpKeys keys) throws Exception {
        EntityStatement statement = EntityStatement.parse(new RpEntityConfiguration(settings, keys).sign(Instant.now()));
        statement.verifySignatureOfSelfStatement();
        return statement;
    }

    @Test
    void itIsSelfSignedWithTheProfilesRelyingPartyMetadata() throws Exception {
        EntityStatement statement = sign(settings().build(), RpKeys.of(signing, List.of(), List.of(encryption)));
        JSONObject rp = statement.getClaimsSet().getMetadata(EntityType.OPENID_RELYING_PARTY);
        JSONObject federation = statement.getClaimsSet().getMetadata(EntityType.FEDERATION_ENTITY);

        assertThat(statement.getSignedStatement().getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(statement.getClaimsSet().getIssuer().getValue()).isEqualTo(RP.toString());
        assertThat(statement.getClaimsSet().getSubject().getValue()).isEqualTo(RP.toString());
        assertThat(statement.getClaimsSet().getAuthorityHints()).extracting(Object::toString)
                .containsExactly(TrustAnchor.CIE_PRODUCTION.toString());
        assertThat(rp.get("client_id")).isEqualTo(RP.toString());
        assertThat(rp.get("client_registration_types")).asList().containsExactly("automatic");
        assertThat(rp.get("redirect_uris")).asList().containsExactly(RP + "/callback");
        assertThat(rp.get("grant_types")).asList().containsExactly("authorization_code");
        assertThat(rp.get("response_types")).asList().containsExactly("code");
        assertThat(rp.get("token_endpoint_auth_method")).isEqualTo("private_key_jwt");
        assertThat(rp.get("id_token_signed_response_alg")).isEqualTo("RS256");
        assertThat(rp.get("id_token_encrypted_response_alg")).isEqualTo("RSA-OAEP");
        assertThat(rp.get("id_token_encrypted_response_enc")).isEqualTo("A256CBC-HS512");
        assertThat(rp.get("userinfo_signed_response_alg")).isEqualTo("RS256");
        assertThat(rp.get("userinfo_encrypted_response_alg")).isEqualTo("RSA-OAEP");
        assertThat(rp.get("userinfo_encrypted_response_enc")).isEqualTo("A256CBC-HS512");
        assertThat(federation).containsKeys("organization_name", "homepage_uri", "policy_uri", "logo_uri", "contacts");
        assertThat(statement.getClaimsSet().getExpirationTime()).isAfter(new java.util.Date());
    }

    @Test
    void theRelyingPartyJwksHasASigningAndAnEncryptionKeyAndNoPrivatePart() throws Exception {
        EntityStatement statement = sign(settings().build(), RpKeys.of(signing, List.of(), List.of(encryption)));
        List<JWK> keys = com.nimbusds.jose.jwk.JWKSet.parse((java.util.Map<String, Object>) statement.getClaimsSet()
                .getMetadata(EntityType.OPENID_RELYING_PARTY).get("jwks")).getKeys();

        assertThat(keys).extracting(JWK::getKeyUse).containsExactlyInAnyOrder(KeyUse.SIGNATURE, KeyUse.ENCRYPTION);
        assertThat(keys).noneMatch(JWK::isPrivate);
        assertThat(statement.getClaimsSet().getJWKSet().getKeys()).noneMatch(JWK::isPrivate);
    }

    @Test
    void oneKeyPairForSigningAndEncryptionGetsTwoDistinctKids() throws Exception {
        RpKeys keys = RpKeys.of(signing, List.of(), List.of());
        List<String> kids = keys.relyingPartyJwks().getKeys().stream().map(JWK::getKeyID).collect(Collectors.toList());

        assertThat(kids).hasSize(2).doesNotHaveDuplicates();
        assertThat(kids.get(1)).isEqualTo(kids.get(0) + "-enc");
    }

    @Test
    void aRolloverPublishesBothSigningKeysAndSignsWithTheCurrentOne() throws Exception {
        RpKeys keys = RpKeys.of(signing, List.of(next), List.of(encryption));
        EntityStatement statement = sign(settings().build(), keys);

        assertThat(statement.getClaimsSet().getJWKSet().getKeys()).hasSize(2);
        assertThat(statement.getSignedStatement().getHeader().getKeyID()).isEqualTo(keys.signingKey().getKeyID());
        assertThat(keys.relyingPartyJwks().getKeys()).hasSize(3);
    }

    @Test
    void configuredTrustMarksArePublished() throws Exception {
        RSAKey ministry = new RSAKeyGenerator(2048).keyID("tm").generate();
        SignedJWT mark = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("tm").build(),
                new JWTClaimsSet.Builder().issuer(TrustAnchor.CIE_PRODUCTION.toString()).subject(RP.toString())
                        .claim("id", "https://registry.interno.gov.it/openid_relying_party/public").build());
        mark.sign(new RSASSASigner(ministry));

        EntityStatement statement = sign(settings().trustMark(mark.serialize()).build(),
                RpKeys.of(signing, List.of(), List.of(encryption)));

        assertThat(statement.getClaimsSet().getTrustMarks()).singleElement().satisfies(entry -> {
            assertThat(entry.getID().getValue()).isEqualTo("https://registry.interno.gov.it/openid_relying_party/public");
            assertThat(entry.getTrustMark().serialize()).isEqualTo(mark.serialize());
        });
    }

    @Test
    void aTrustMarkThatIsNotAJwtIsAConfigurationError() {
        assertThatThrownBy(() -> new RpEntityConfiguration(settings().trustMark("not-a-jwt").build(),
                RpKeys.of(signing, List.of(), List.of()))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trust mark");
    }

    @Test
    void settingsRefuseWhatTheProfileForbids() {
        assertThatThrownBy(() -> settings().entityId(URI.create("http://comune.example.it/rp")).build())
                .hasMessageContaining("https");
        assertThatThrownBy(() -> settings().prompt("none").build()).hasMessageContaining("prompt");
        assertThatThrownBy(() -> OidcSettings.builder().entityId(RP).build()).hasMessageContaining("redirect URI");
    }
}
