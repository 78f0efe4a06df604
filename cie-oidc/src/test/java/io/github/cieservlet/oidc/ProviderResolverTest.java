package io.github.cieservlet.oidc;

import static io.github.cieservlet.oidc.OidcLoginFlowTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.github.cieservlet.CieError;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import net.minidev.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Trust chains through {@link TestFederation}: each broken link refused alone, the policy applied, the cache. */
class ProviderResolverTest {

    private static TestFederation federation;

    @BeforeAll
    static void start() throws Exception {
        federation = new TestFederation();
    }

    @AfterAll
    static void stop() {
        federation.close();
    }

    @BeforeEach
    void reset() {
        federation.op.setProviderPolicy(null);
        federation.op.setSubordinateLifetime(Duration.ofHours(1));
        federation.op.setTrustAnchorSigner(null);
        federation.op.setProviderMetadata(m -> { });
    }

    private static ProviderResolver resolver(Clock clock) {
        return new ProviderResolver(List.of(federation.pinnedTrustAnchor()), 64 * 1024, clock);
    }

    private static ResolvedProvider resolve() throws Exception {
        return resolver(Clock.systemUTC()).resolve(federation.provider);
    }

    @Test
    void aValidChainGivesTheProvidersEndpointsAndKeys() throws Exception {
        ResolvedProvider provider = resolve();

        assertThat(provider.entityId()).isEqualTo(federation.provider);
        assertThat(provider.trustAnchor()).isEqualTo(federation.trustAnchor);
        assertThat(provider.tokenEndpoint()).isEqualTo(URI.create(federation.provider + "/token"));
        assertThat(provider.keys().getKeyByKeyId("op-core-1")).isNotNull();
        assertThat(provider.expiresAt()).isBefore(Instant.now().plus(Duration.ofHours(1)).plusSeconds(5));
    }

    @Test
    void theTrustAnchorsMetadataPolicyIsApplied() throws Exception {
        JSONObject policy = new JSONObject();
        policy.put("revocation_endpoint", Map.of("value", federation.provider + "/revoke-by-policy"));
        federation.op.setProviderPolicy(policy);

        assertThat(resolve().revocationEndpoint()).isEqualTo(URI.create(federation.provider + "/revoke-by-policy"));
    }

    @Test
    void aMetadataPolicyViolationIsRefused() {
        JSONObject policy = new JSONObject();
        policy.put("token_endpoint_auth_methods_supported", Map.of("superset_of", List.of("private_key_jwt",
                "tls_client_auth")));
        federation.op.setProviderPolicy(policy);

        assertRefused(ProviderResolverTest::resolve, CieError.TRUST_CHAIN_INVALID, "policy");
    }

    @Test
    void anExpiredSubordinateStatementIsRefused() {
        federation.op.setSubordinateLifetime(Duration.ofMinutes(-10));

        assertRefused(ProviderResolverTest::resolve, CieError.TRUST_CHAIN_INVALID, "expired");
    }

    @Test
    void aStatementNotSignedByThePinnedTrustAnchorKeyIsRefused() throws Exception {
        federation.op.setTrustAnchorSigner(new RSAKeyGenerator(2048).keyID("ta-1").generate()); // same kid, other key

        assertRefused(ProviderResolverTest::resolve, CieError.TRUST_CHAIN_INVALID, "signature");
    }

    @Test
    void aChainToAnUnknownTrustAnchorIsRefused() throws Exception {
        RSAKey other = new RSAKeyGenerator(2048).keyID("other").generate();
        ProviderResolver resolver = new ProviderResolver(List.of(new TrustAnchor(
                URI.create("https://oidc.registry.example.org"), new JWKSet(other.toPublicJWK()))), 64 * 1024,
                Clock.systemUTC());

        assertRefused(() -> resolver.resolve(federation.provider), CieError.TRUST_CHAIN_INVALID, "trust anchor");
    }

    @Test
    void anIssuerOtherThanTheEntityIdIsRefused() {
        federation.op.setProviderMetadata(m -> m.put("issuer", "https://evil.example.org/op"));

        assertRefused(ProviderResolverTest::resolve, CieError.TRUST_CHAIN_INVALID, "issuer");
    }

    @Test
    void aSameOriginJwksUriIsRead() throws Exception {
        federation.op.setProviderMetadata(m -> {
            m.remove("jwks");
            m.put("jwks_uri", federation.provider + "/jwks");
        });

        assertThat(resolve().keys().getKeyByKeyId("op-core-1")).isNotNull();
    }

    @Test
    void aJwksUriOnAnotherOriginIsRefused() {
        federation.op.setProviderMetadata(m -> {
            m.remove("jwks");
            m.put("jwks_uri", "https://evil.example.org/jwks");
        });

        assertRefused(ProviderResolverTest::resolve, CieError.TRUST_CHAIN_INVALID, "origin");
    }

    @Test
    void aJwksUriRedirectingElsewhereIsNotFollowed() {
        federation.op.setProviderMetadata(m -> {
            m.remove("jwks");
            m.put("jwks_uri", federation.provider + "/jwks-moved");
        });

        assertRefused(ProviderResolverTest::resolve, CieError.TRUST_CHAIN_INVALID, "redirect");
    }

    @Test
    void anUnreachableProviderIsUnavailableNotInvalid() {
        ProviderResolver resolver = resolver(Clock.systemUTC());

        assertRefused(() -> resolver.resolve(URI.create("http://127.0.0.1:1/op")), CieError.IDP_METADATA_UNAVAILABLE);
    }

    @Test
    void anOversizedStatementIsNotRead() {
        ProviderResolver resolver = new ProviderResolver(List.of(federation.pinnedTrustAnchor()), 1024,
                Clock.systemUTC());

        assertRefused(() -> resolver.resolve(federation.provider), CieError.IDP_METADATA_UNAVAILABLE, "the limit is");
    }

    @Test
    void theChainIsCachedUntilItExpires() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        ProviderResolver resolver = resolver(clock);
        int before = federation.op.providerConfigurationFetches();

        ResolvedProvider first = resolver.resolve(federation.provider);
        assertThat(resolver.resolve(federation.provider)).isSameAs(first);
        assertThat(federation.op.providerConfigurationFetches()).isEqualTo(before + 1);

        clock.now = first.expiresAt().plusSeconds(1);
        assertThat(resolver.resolve(federation.provider)).isNotSameAs(first);
        assertThat(federation.op.providerConfigurationFetches()).isEqualTo(before + 2);
    }

    @Test
    void aFailureIsNotRetriedForThirtySeconds() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        ProviderResolver resolver = resolver(clock);
        federation.op.setSubordinateLifetime(Duration.ofMinutes(-10));
        int before = federation.op.providerConfigurationFetches();

        assertRefused(() -> resolver.resolve(federation.provider), CieError.TRUST_CHAIN_INVALID);
        assertRefused(() -> resolver.resolve(federation.provider), CieError.TRUST_CHAIN_INVALID, "not retried");
        assertThat(federation.op.providerConfigurationFetches()).isEqualTo(before + 1);

        federation.op.setSubordinateLifetime(Duration.ofHours(1));
        clock.now = clock.now.plus(ProviderResolver.RETRY_AFTER).plusSeconds(1);
        assertThat(resolver.resolve(federation.provider).entityId()).isEqualTo(federation.provider);
    }

    static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
