package io.github.cieservlet.tools.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.cieservlet.oidc.OidcSettings;
import io.github.cieservlet.oidc.RpEntityConfiguration;
import io.github.cieservlet.oidc.RpKeys;
import io.github.cieservlet.oidc.TrustAnchor;
import io.github.cieservlet.testing.TestCredentials;
import io.github.cieservlet.tools.Cli;
import io.github.cieservlet.tools.ExitCode;
import io.github.cieservlet.tools.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check-entity-configuration} passes the library's own entity configuration and fails each broken rule. */
class CheckEntityConfigurationCommandTest {

    private static final URI RP = URI.create("https://servizi.comune.example.it/oidc/rp");
    private static RpKeys keys;
    private static String good;

    @TempDir
    Path dir;

    @BeforeAll
    static void entityConfiguration() throws Exception {
        keys = RpKeys.of(TestCredentials.sp(), List.of(), List.of());
        RSAKey anchor = new RSAKeyGenerator(2048).generate();
        RSAKey ministry = new RSAKeyGenerator(2048).generate();
        SignedJWT mark = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                .issuer(TrustAnchor.CIE_PRODUCTION.toString()).subject(RP.toString())
                .claim("id", "https://registry.interno.gov.it/openid_relying_party/public").build());
        mark.sign(new RSASSASigner(ministry));
        OidcSettings settings = OidcSettings.builder().entityId(RP).redirectUri(URI.create(RP + "/callback"))
                .providerEntityId(URI.create("https://oidc.idserver.servizicie.interno.gov.it"))
                .authorityHint(TrustAnchor.CIE_PRODUCTION)
                .trustAnchor(new TrustAnchor(TrustAnchor.CIE_PRODUCTION, new com.nimbusds.jose.jwk.JWKSet(anchor)))
                .trustMark(mark.serialize()).organizationName("Comune di Esempio")
                .homepageUri(URI.create("https://www.comune.example.it"))
                .policyUri(URI.create("https://www.comune.example.it/privacy"))
                .logoUri(URI.create("https://www.comune.example.it/logo.svg"))
                .contact("protocollo@pec.comune.example.it")
                .federationResolveEndpoint(URI.create(RP + "/resolve")).build();
        good = new RpEntityConfiguration(settings, keys).sign(Instant.now());
    }

    private Cli check(String jwt, String... extra) throws Exception {
        Path file = dir.resolve("ec.jwt");
        Files.writeString(file, jwt);
        String[] args = new String[2 + extra.length];
        args[0] = "check-entity-configuration";
        System.arraycopy(extra, 0, args, 1, extra.length);
        args[args.length - 1] = file.toString();
        return Cli.run(TestEnv.of(Map.of()), args);
    }

    /** Re-signs the good entity configuration after a change to its payload, with the RP's own key. */
    private static String changed(Consumer<Map<String, Object>> change) throws Exception {
        Map<String, Object> payload = SignedJWT.parse(good).getJWTClaimsSet().toJSONObject();
        payload = JSONObjectUtils.parse(JSONObjectUtils.toJSONString(payload));
        change.accept(payload);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keys.signingKey().getKeyID())
                .type(new JOSEObjectType("entity-statement+jwt")).build(), JWTClaimsSet.parse(payload));
        jwt.sign(new RSASSASigner(keys.signingKey()));
        return jwt.serialize();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> rp(Map<String, Object> payload) {
        return (Map<String, Object>) ((Map<String, Object>) payload.get("metadata")).get("openid_relying_party");
    }

    @Test
    void theLibrarysEntityConfigurationPassesEveryRule() throws Exception {
        Cli cli = check(good);

        assertThat(cli.exitCode()).as(cli.out()).isEqualTo(ExitCode.OK);
        assertThat(cli.passedRules()).containsExactlyInAnyOrderElementsOf(Arrays.stream(
                EntityConfigurationRule.values()).map(EntityConfigurationRule::id).collect(Collectors.toSet()));
    }

    @Test
    void printShowsThePayload() throws Exception {
        assertThat(check(good, "--print").out()).contains("\"openid_relying_party\"", "\"authority_hints\"");
    }

    @Test
    void aTamperedSignatureFails() throws Exception {
        String[] parts = good.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10) + "AAAA" + parts[2].substring(14);

        assertThat(check(forged).failedRules()).contains("ec-signature");
    }

    @Test
    void eachBrokenRuleFailsAlone() throws Exception {
        assertThat(check(changed(p -> rp(p).put("token_endpoint_auth_method", "client_secret_basic")))
                .failedRules()).containsExactly("ec-rp-metadata");
        assertThat(check(changed(p -> rp(p).put("redirect_uris", List.of("http://example.it/cb")))).failedRules())
                .containsExactly("ec-rp-metadata");
        assertThat(check(changed(p -> rp(p).put("id_token_signed_response_alg", "HS256"))).failedRules())
                .containsExactly("ec-rp-algorithms");
        assertThat(check(changed(p -> rp(p).put("userinfo_encrypted_response_alg", "RSA1_5"))).failedRules())
                .containsExactly("ec-rp-algorithms");
        assertThat(check(changed(p -> p.remove("authority_hints"))).failedRules()).containsExactly("ec-authority-hints");
        assertThat(check(changed(p -> ((Map<String, Object>) ((Map<String, Object>) p.get("metadata"))
                .get("federation_entity")).remove("policy_uri"))).failedRules()).containsExactly("ec-federation-entity");
    }

    @Test
    void aPublishedPrivateKeyOrAMissingEncryptionKeyFails() throws Exception {
        Map<String, Object> privateJwks = new com.nimbusds.jose.jwk.JWKSet(keys.signingKey()).toJSONObject(false);
        Cli cli = check(changed(p -> rp(p).put("jwks", privateJwks)));

        assertThat(cli.failedRules()).containsExactly("ec-rp-jwks");
        assertThat(cli.out()).contains("PRIVATE", "no RSA key with use=enc");
    }

    @Test
    void missingTrustMarksAndResolveEndpointAreWarnings() throws Exception {
        Cli cli = check(changed(p -> {
            p.remove("trust_marks");
            ((Map<String, Object>) ((Map<String, Object>) p.get("metadata")).get("federation_entity"))
                    .remove("federation_resolve_endpoint");
        }));

        assertThat(cli.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(cli.warnedRules()).containsExactlyInAnyOrder("ec-trust-marks", "ec-resolve-endpoint");
    }

    @Test
    void anEntityIdIsReadAtItsWellKnownPathAndARedirectIsNotFollowed() throws Exception {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/rp/.well-known/openid-federation", x -> {
            byte[] body = good.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.createContext("/moved/.well-known/openid-federation", x -> {
            x.getResponseHeaders().set("Location", "https://evil.example.org/");
            x.sendResponseHeaders(302, -1);
            x.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Cli read = Cli.run(TestEnv.of(Map.of()), "check-entity-configuration", base + "/rp");
            Cli moved = Cli.run(TestEnv.of(Map.of()), "check-entity-configuration", base + "/moved");

            assertThat(read.passedRules()).contains("ec-signature", "ec-rp-metadata");
            assertThat(moved.exitCode()).isEqualTo(ExitCode.IO_OR_CONFIG);
            assertThat(moved.err()).contains("302");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void notAJwtFails() throws Exception {
        assertThat(check("hello").exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
    }
}
