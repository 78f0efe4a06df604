package io.github.cieservlet.oidc;

import static io.github.cieservlet.oidc.OidcLoginFlowTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWEObject;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.nimbusds.openid.connect.sdk.federation.entities.EntityStatement;
import io.github.cieservlet.CieError;
import io.github.cieservlet.CieIdentity;
import io.github.cieservlet.CieLevel;
import io.github.cieservlet.config.CieConfigException;
import io.github.cieservlet.config.SpCredentials;
import io.github.cieservlet.spi.LoginProtocol;
import io.github.cieservlet.spi.LoginProtocolProvider;
import io.github.cieservlet.spi.LoginProtocols;
import io.github.cieservlet.spi.LoginStart;
import io.github.cieservlet.spi.ProtocolContext;
import io.github.cieservlet.spi.ProtocolLogin;
import io.github.cieservlet.spi.PublishedDocument;
import io.github.cieservlet.store.InMemoryReplayCache;
import io.github.cieservlet.store.ReplayCache;
import io.github.cieservlet.testidp.TestIdpListener;
import io.github.cieservlet.testing.TestCredentials;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code cie.protocol=oidc} through the SPI as the web layer will call it: found with ServiceLoader, configured from
 * {@code cie.oidc.*} values, a login started and finished with opaque pending bytes, the entity configuration
 * published.
 */
class OidcLoginProtocolTest {

    private static TestFederation federation;

    @BeforeAll
    static void start() throws Exception {
        federation = new TestFederation();
    }

    @AfterAll
    static void stop() {
        federation.close();
    }

    private static ProtocolContext context(Map<String, String> params) {
        return new ProtocolContext() {
            private final ReplayCache replay = new InMemoryReplayCache(1000, Clock.systemUTC());

            @Override
            public Optional<String> param(String key) {
                return Optional.ofNullable(params.get(key));
            }

            @Override
            public String publicBaseUrl() {
                return federation.base.toString();
            }

            @Override
            public String pathPrefix() {
                return "/cie";
            }

            @Override
            public String environment() {
                return "preproduction";
            }

            @Override
            public SpCredentials credentials() {
                return TestCredentials.sp();
            }

            @Override
            public ReplayCache replayCache() {
                return replay;
            }

            @Override
            public Clock clock() {
                return Clock.systemUTC();
            }

            @Override
            public Optional<Object> attribute(String name) {
                return Optional.empty();
            }

            @Override
            public ClassLoader classLoader() {
                return getClass().getClassLoader();
            }
        };
    }

    private static Map<String, String> params() {
        Map<String, String> params = new HashMap<>();
        params.put("cie.oidc.provider", federation.provider.toString());
        params.put("cie.oidc.trustAnchor", federation.trustAnchor.toString());
        params.put("cie.oidc.trustAnchorJwks", federation.op.trustAnchorKeys().toString());
        params.put("cie.organizationName", "Comune di Prova");
        params.put("cie.organizationUrl", "https://comune.example.it");
        params.put("cie.oidc.policyUri", "https://comune.example.it/privacy");
        params.put("cie.oidc.logoUri", "https://comune.example.it/logo.svg");
        params.put("cie.contactEmail", "protocollo@pec.comune.example.it");
        params.put("cie.level", "L3");
        return params;
    }

    /** Creates the protocol and serves its entity configuration where the OP will read it. */
    private static LoginProtocol create(Map<String, String> params) {
        LoginProtocol protocol = provider().create(context(params));
        PublishedDocument document = protocol.documents().get(0);
        federation.serve("/cie" + document.path(), document.mediaType(), document::body);
        return protocol;
    }

    private static LoginProtocolProvider provider() {
        return LoginProtocols.find("oidc", OidcLoginProtocolTest.class.getClassLoader()).orElseThrow();
    }

    @Test
    void serviceLoaderFindsOidcAndSamlStaysBuiltIn() {
        assertThat(provider()).isInstanceOf(OidcLoginProtocolProvider.class);
        assertThat(LoginProtocols.find("saml", getClass().getClassLoader())).isEmpty();
        assertThat(LoginProtocols.find(null, getClass().getClassLoader())).isEmpty();
        assertThatThrownBy(() -> LoginProtocols.find("oauth1", getClass().getClassLoader()))
                .isInstanceOf(CieConfigException.class).hasMessageContaining("cie.protocol").hasMessageContaining("oidc");
    }

    @Test
    void aLoginStartsAndFinishesWithOpaquePendingBytes() throws Exception {
        LoginProtocol protocol = create(params());
        LoginStart start = protocol.start(CieLevel.L3);
        Map<String, List<String>> callback = federation.authorize(start.location());

        assertThat(callback.get(protocol.correlationParameter())).containsExactly(start.correlation());
        assertThat(protocol.callbackPath()).isEqualTo("/oidc/callback");
        CieIdentity identity = protocol.finish(callback, start.pending(), new RecordedEvidence()).identity();
        assertThat(identity.getLevel()).isEqualTo(CieLevel.L3);
        assertThat(identity.getFiscalCode()).isEqualTo("RSSMRA80A01H501U");
    }

    @Test
    void theEvidenceGetsTheRequestObjectAsSentAndTheTokensAsReceived() throws Exception {
        LoginProtocol protocol = create(params());
        LoginStart start = protocol.start(CieLevel.L2);
        Map<String, List<String>> callback = federation.authorize(start.location());
        RecordedEvidence evidence = new RecordedEvidence();
        List<String> sentIdTokens = new java.util.concurrent.CopyOnWriteArrayList<>();
        federation.op.setIdTokenWire(token -> {
            sentIdTokens.add(token);
            return token;
        });
        try {
            protocol.finish(callback, start.pending(), evidence);
        } finally {
            federation.op.setIdTokenWire(java.util.function.UnaryOperator.identity());
        }

        String sent = URLUtils.parseParameters(start.location().getRawQuery()).get("request").get(0);
        assertThat(evidence.request).isEqualTo(sent);
        assertThat(evidence.requestId).isEqualTo(start.correlation());
        assertThat(evidence.issuedAt).isNotNull();
        assertThat(evidence.identityProvider).isEqualTo(federation.provider.toString());
        assertThat(evidence.answers).hasSize(2);
        assertThat(evidence.answers.get(0)).isEqualTo(sentIdTokens.get(0));
        assertThat(JWEObject.parse(evidence.answers.get(1)).getHeader().getAlgorithm().getName()).isEqualTo("RSA-OAEP");
    }

    @Test
    void aRefusedLoginStillGivesTheRequestAndTheOp() throws Exception {
        LoginProtocol protocol = create(params());
        LoginStart start = protocol.start(CieLevel.L2);
        Map<String, List<String>> callback = new HashMap<>(federation.authorize(start.location()));
        callback.put("iss", List.of("https://evil.example.org"));
        RecordedEvidence evidence = new RecordedEvidence();

        assertRefused(() -> protocol.finish(callback, start.pending(), evidence), CieError.INVALID_ISSUER);
        assertThat(evidence.request).isEqualTo(URLUtils.parseParameters(start.location().getRawQuery()).get("request")
                .get(0));
        assertThat(evidence.identityProvider).isEqualTo(federation.provider.toString());
        assertThat(evidence.answers).isEmpty();
    }

    @Test
    void logoutRevokesTheAccessTokenAtTheOp() throws Exception {
        LoginProtocol protocol = create(params());
        LoginStart start = protocol.start(CieLevel.L2);
        ProtocolLogin login = protocol.finish(federation.authorize(start.location()), start.pending(),
                new RecordedEvidence());
        int before = federation.op.revocations().size();
        String accessToken = new String(login.sessionState(), StandardCharsets.UTF_8).split(" ")[1];
        assertThat(federation.op.userInfo("Bearer " + accessToken).status()).isEqualTo(200);

        protocol.logout(login.sessionState());

        assertThat(federation.op.revocations()).hasSize(before + 1);
        assertThat(federation.op.revocations().get(before)).startsWith(federation.base + "/cie/oidc ");
        assertThat(federation.op.userInfo("Bearer " + accessToken).status()).isEqualTo(401);
    }

    @Test
    void logoutWithAStateThatIsNotAnOidcLoginIsRefused() {
        LoginProtocol protocol = create(params());

        assertRefused(() -> protocol.logout("no-token".getBytes(StandardCharsets.UTF_8)), CieError.UNKNOWN_REQUEST);
        assertRefused(() -> protocol.logout("%zz token".getBytes(StandardCharsets.UTF_8)), CieError.UNKNOWN_REQUEST);
        assertRefused(() -> protocol.logout(new byte[0]), CieError.UNKNOWN_REQUEST);
    }

    @Test
    void logoutAtAnOpWithoutRevocationEndpointIsRefusedAndNothingIsRevoked() throws Exception {
        federation.op.setProviderMetadata(m -> m.remove("revocation_endpoint"));
        try {
            Map<String, String> params = params();
            params.put("cie.level", "L1");
            LoginProtocol protocol = create(params);
            LoginStart start = protocol.start(CieLevel.L1);
            ProtocolLogin login = protocol.finish(federation.authorize(start.location()), start.pending(),
                    new RecordedEvidence());
            int before = federation.op.revocations().size();

            assertRefused(() -> protocol.logout(login.sessionState()), CieError.IDP_METADATA_UNAVAILABLE);
            assertThat(federation.op.revocations()).hasSize(before);
        } finally {
            federation.op.setProviderMetadata(m -> { });
        }
    }

    @Test
    void pendingBytesThatAreNotAnOidcLoginAreRefused() throws Exception {
        LoginProtocol protocol = create(params());
        LoginStart start = protocol.start(CieLevel.L2);
        Map<String, List<String>> callback = federation.authorize(start.location());
        byte[] tampered = start.pending();
        tampered[0] = 9;

        assertRefused(() -> protocol.finish(callback, tampered, new RecordedEvidence()), CieError.UNKNOWN_REQUEST);
        assertRefused(() -> protocol.finish(callback, new byte[0], new RecordedEvidence()), CieError.UNKNOWN_REQUEST);
    }

    @Test
    void theEntityConfigurationIsPublishedUnderThePathPrefix() throws Exception {
        PublishedDocument document = provider().create(context(params())).documents().get(0);
        EntityStatement statement = EntityStatement.parse(document.body());
        statement.verifySignatureOfSelfStatement();

        assertThat(document.path()).isEqualTo("/oidc/.well-known/openid-federation");
        assertThat(document.mediaType()).isEqualTo("application/entity-statement+jwt");
        assertThat(statement.getEntityID().getValue()).isEqualTo(federation.base + "/cie/oidc");
    }

    @Test
    void missingValuesAreReportedTogetherWithTheirParams() {
        Map<String, String> params = params();
        params.remove("cie.oidc.trustAnchorJwks");
        params.remove("cie.oidc.provider");

        assertThatThrownBy(() -> provider().create(context(params))).isInstanceOf(CieConfigException.class)
                .hasMessageContaining("cie.oidc.trustAnchorJwks");
    }

    @Test
    void theLocalAttributeNameIsTheTestIdpsOne() {
        assertThat(OidcLoginProtocolProvider.LOCAL_TRUST_ANCHOR_JWKS_ATTRIBUTE)
                .isEqualTo(TestIdpListener.OIDC_TRUST_ANCHOR_JWKS_ATTRIBUTE);
    }

    @Test
    void thePendingCodecRoundTrips() {
        PendingOidcLogin login = new PendingOidcLogin("s".repeat(43), "n".repeat(43), "v".repeat(43), CieLevel.L2,
                federation.provider, Instant.ofEpochMilli(1_700_000_000_000L));
        PendingOidcLogin back = PendingLoginCodec.decode(PendingLoginCodec.encode(login)).orElseThrow();

        assertThat(back).usingRecursiveComparison().isEqualTo(login);
    }
}
