package io.github.cieservlet.oidc;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.nimbusds.openid.connect.sdk.claims.AccessTokenHash;
import com.nimbusds.openid.connect.sdk.federation.entities.EntityID;
import com.nimbusds.openid.connect.sdk.federation.entities.EntityStatement;
import com.nimbusds.openid.connect.sdk.federation.entities.EntityStatementClaimsSet;
import com.nimbusds.openid.connect.sdk.federation.entities.EntityType;
import com.nimbusds.openid.connect.sdk.federation.entities.FederationEntityMetadata;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.cieservlet.CieLevel;
import io.github.cieservlet.config.SpCredentials;
import io.github.cieservlet.testing.TestCredentials;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import net.minidev.json.JSONObject;

/**
 * A local CIE OIDC federation on 127.0.0.1 for the tests: a trust anchor (entity configuration and {@code fetch}
 * endpoint giving subordinate statements with a metadata policy), an OpenID Provider (entity configuration,
 * authorization as a method, token and UserInfo endpoints over HTTP) and the RP's keys. The OP checks what a real one
 * checks (request object signed by the RP, PKCE S256, {@code private_key_jwt} with {@code aud} = token endpoint,
 * single-use codes) and answers as CIE does (ID token and UserInfo signed and then encrypted to the RP). Knobs let a
 * test pick the citizen, the level and the outcome, or break one thing.
 */
final class TestFederation implements AutoCloseable {

    /** The citizen the OP asserts by default. */
    static final Map<String, Object> CITIZEN = Map.of("given_name", "Bianca", "family_name", "Rossi",
            "birthdate", "1980-01-01", CitizenClaims.FISCAL_NUMBER, "TINIT-RSSBNC80A41H501X");

    private final HttpServer server;
    final URI base;
    final URI trustAnchor;
    final URI provider;
    final URI relyingParty;
    final RSAKey trustAnchorKey;
    final RSAKey providerFederationKey;
    volatile RSAKey providerSigningKey;
    final SpCredentials rpSigning;
    final RpKeys rpKeys;

    /** The metadata policy the trust anchor puts on the OP; null for none. */
    volatile JSONObject providerPolicy;
    /** Lifetime of the trust anchor's statement about the OP (negative: already expired). */
    volatile Duration subordinateLifetime = Duration.ofHours(1);
    /** Signs the trust anchor's statements; by default the pinned key. */
    volatile RSAKey trustAnchorSigner;
    /** Changes the OP's openid_provider metadata before it is signed. */
    volatile Consumer<JSONObject> providerMetadata = m -> { };
    /** The level the OP asserts; null asserts the requested one. */
    volatile CieLevel assertedLevel;
    /** Changes the ID token claims before signing. */
    volatile Consumer<JWTClaimsSet.Builder> idTokenClaims = b -> { };
    /** Changes the signed ID token before it is encrypted. */
    volatile UnaryOperator<String> idTokenSigned = UnaryOperator.identity();
    /** Changes the serialised ID token (after signing and encryption). */
    volatile UnaryOperator<String> idTokenWire = UnaryOperator.identity();
    /** Changes the UserInfo claims before signing. */
    volatile Consumer<JWTClaimsSet.Builder> userInfoClaims = b -> { };
    /** Whether the OP encrypts its ID tokens and UserInfo answers. */
    volatile boolean encrypt = true;
    /** An error the authorization endpoint answers with instead of a code; null for success. */
    volatile String authorizationError;

    /** How many times the OP's entity configuration was fetched. */
    final AtomicInteger providerConfigurationFetches = new AtomicInteger();

    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> accessTokens = new ConcurrentHashMap<>();

    private static final class Grant {
        final String clientId;
        final String redirectUri;
        final String nonce;
        final String challenge;
        final CieLevel level;

        Grant(String clientId, String redirectUri, String nonce, String challenge, CieLevel level) {
            this.clientId = clientId;
            this.redirectUri = redirectUri;
            this.nonce = nonce;
            this.challenge = challenge;
            this.level = level;
        }
    }

    TestFederation() throws IOException, JOSEException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        trustAnchor = URI.create(base + "/ta");
        provider = URI.create(base + "/op");
        relyingParty = URI.create(base + "/rp");
        trustAnchorKey = new RSAKeyGenerator(2048).keyID("ta-1").keyUse(KeyUse.SIGNATURE).generate();
        trustAnchorSigner = trustAnchorKey;
        providerFederationKey = new RSAKeyGenerator(2048).keyID("op-fed-1").keyUse(KeyUse.SIGNATURE).generate();
        providerSigningKey = new RSAKeyGenerator(2048).keyID("op-core-1").keyUse(KeyUse.SIGNATURE).generate();
        rpSigning = TestCredentials.sp();
        rpKeys = RpKeys.of(rpSigning, List.of(), List.of(
                TestCredentials.generate("CN=rp-enc", 2048, Instant.now().minusSeconds(60), Duration.ofDays(30))));
        server.createContext("/ta/.well-known/openid-federation", x -> answer(x, 200, EntityStatementType.JWT,
                trustAnchorConfiguration()));
        server.createContext("/ta/fetch", this::fetch);
        server.createContext("/op/.well-known/openid-federation", x -> {
            providerConfigurationFetches.incrementAndGet();
            answer(x, 200, EntityStatementType.JWT, providerConfiguration());
        });
        server.createContext("/op/jwks", x -> answer(x, 200, "application/json",
                new JWKSet(providerSigningKey.toPublicJWK()).toString()));
        server.createContext("/op/jwks-moved", x -> {
            x.getResponseHeaders().set("Location", "https://evil.example.org/jwks");
            x.sendResponseHeaders(302, -1);
            x.close();
        });
        server.createContext("/op/token", this::token);
        server.createContext("/op/userinfo", this::userInfo);
        server.start();
    }

    /** Media types the endpoints answer with. */
    private static final class EntityStatementType {
        static final String JWT = "application/entity-statement+jwt";
    }

    /** @return the trust anchor as the RP pins it */
    TrustAnchor pinnedTrustAnchor() {
        return new TrustAnchor(trustAnchor, new JWKSet(trustAnchorKey.toPublicJWK()));
    }

    /** @return RP settings pointing at this federation */
    OidcSettings.Builder rpSettings() {
        return OidcSettings.builder()
                .entityId(relyingParty)
                .redirectUri(URI.create(relyingParty + "/callback"))
                .providerEntityId(provider)
                .authorityHint(trustAnchor)
                .trustAnchor(pinnedTrustAnchor())
                .organizationName("Comune di Prova")
                .homepageUri(URI.create("https://comune.example.it"))
                .policyUri(URI.create("https://comune.example.it/privacy"))
                .logoUri(URI.create("https://comune.example.it/logo.svg"))
                .contact("protocollo@pec.comune.example.it");
    }

    // ---- trust anchor

    private String trustAnchorConfiguration() {
        EntityID self = new EntityID(trustAnchor.toString());
        Instant now = Instant.now();
        EntityStatementClaimsSet claims = new EntityStatementClaimsSet(self, self, Date.from(now),
                Date.from(now.plus(Duration.ofDays(1))), new JWKSet(trustAnchorKey.toPublicJWK()));
        FederationEntityMetadata metadata = new FederationEntityMetadata();
        metadata.setFederationFetchEndpointURI(URI.create(trustAnchor + "/fetch"));
        claims.setFederationEntityMetadata(metadata);
        return sign(claims, trustAnchorKey);
    }

    private void fetch(HttpExchange exchange) throws IOException {
        Map<String, List<String>> query = URLUtils.parseParameters(exchange.getRequestURI().getRawQuery());
        String sub = query.getOrDefault("sub", List.of("")).get(0);
        JWKSet subjectKeys;
        if (provider.toString().equals(sub)) {
            subjectKeys = new JWKSet(providerFederationKey.toPublicJWK());
        } else if (relyingParty.toString().equals(sub)) {
            subjectKeys = rpKeys.federationJwks();
        } else {
            answer(exchange, 404, "application/json", "{\"error\":\"not_found\"}");
            return;
        }
        Instant now = Instant.now();
        Duration lifetime = subordinateLifetime;
        Instant issued = lifetime.isNegative() ? now.plus(lifetime).minusSeconds(3600) : now;
        EntityStatementClaimsSet claims = new EntityStatementClaimsSet(new EntityID(trustAnchor.toString()),
                new EntityID(sub), Date.from(issued), Date.from(now.plus(lifetime)), subjectKeys);
        if (providerPolicy != null && provider.toString().equals(sub)) {
            JSONObject policy = new JSONObject();
            policy.put(EntityType.OPENID_PROVIDER.getValue(), providerPolicy);
            claims.setMetadataPolicyJSONObject(policy);
        }
        answer(exchange, 200, EntityStatementType.JWT, sign(claims, trustAnchorSigner));
    }

    // ---- OpenID Provider

    private String providerConfiguration() {
        EntityID self = new EntityID(provider.toString());
        Instant now = Instant.now();
        EntityStatementClaimsSet claims = new EntityStatementClaimsSet(self, self, Date.from(now),
                Date.from(now.plus(Duration.ofDays(1))), new JWKSet(providerFederationKey.toPublicJWK()));
        claims.setAuthorityHints(List.of(new EntityID(trustAnchor.toString())));
        JSONObject op = new JSONObject();
        op.put("issuer", provider.toString());
        op.put("authorization_endpoint", provider + "/authorization");
        op.put("token_endpoint", provider + "/token");
        op.put("userinfo_endpoint", provider + "/userinfo");
        op.put("revocation_endpoint", provider + "/revocation");
        op.put("jwks", new JWKSet(providerSigningKey.toPublicJWK()).toJSONObject());
        op.put("subject_types_supported", List.of("pairwise"));
        op.put("response_types_supported", List.of("code"));
        op.put("scopes_supported", List.of("openid", "profile", "email"));
        op.put("acr_values_supported", List.of(CieLevel.L1.uri(), CieLevel.L2.uri(), CieLevel.L3.uri()));
        op.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt"));
        op.put("id_token_signing_alg_values_supported", List.of("RS256", "RS512"));
        op.put("id_token_encryption_alg_values_supported", List.of("RSA-OAEP", "RSA-OAEP-256"));
        op.put("id_token_encryption_enc_values_supported", List.of("A128CBC-HS256", "A256CBC-HS512"));
        op.put("userinfo_signing_alg_values_supported", List.of("RS256", "RS512"));
        op.put("request_object_signing_alg_values_supported", List.of("RS256", "RS512"));
        op.put("code_challenge_methods_supported", List.of("S256"));
        op.put("client_registration_types_supported", List.of("automatic"));
        providerMetadata.accept(op);
        claims.setMetadata(EntityType.OPENID_PROVIDER, op);
        return sign(claims, providerFederationKey);
    }

    /**
     * The authorization endpoint as a method: checks the redirect like a real OP, then answers as the browser would
     * be sent back.
     *
     * @param location where the RP redirected the browser
     * @return the callback's query parameters
     */
    Map<String, List<String>> authorize(URI location) throws Exception {
        Map<String, List<String>> query = URLUtils.parseParameters(location.getRawQuery());
        SignedJWT request = SignedJWT.parse(query.get("request").get(0));
        JWK rpKey = rpKeys.federationJwks().getKeyByKeyId(request.getHeader().getKeyID());
        check(rpKey != null && request.verify(new RSASSAVerifier((RSAKey) rpKey)), "request object signature");
        JWTClaimsSet claims = request.getJWTClaimsSet();
        check(relyingParty.toString().equals(claims.getIssuer()), "request object iss");
        check(claims.getAudience().equals(List.of(provider.toString())), "request object aud");
        check(relyingParty.toString().equals(claims.getStringClaim("client_id")), "client_id");
        check(query.get("scope").get(0).equals(claims.getStringClaim("scope")), "scope in query and object");
        check("S256".equals(claims.getStringClaim("code_challenge_method")), "PKCE method");
        check(claims.getStringClaim("nonce").matches("[A-Za-z0-9]{32,}"), "nonce");
        check(claims.getStringClaim("state").matches("[A-Za-z0-9]{32,}"), "state");
        check(OidcSettings.PROMPTS.contains(claims.getStringClaim("prompt")), "prompt");
        check(claims.getJSONObjectClaim("claims").containsKey("userinfo"), "claims");
        CieLevel requested = CieLevel.fromUri(claims.getStringClaim("acr_values")).orElseThrow();
        String state = claims.getStringClaim("state");
        if (authorizationError != null) {
            return Map.of("error", List.of(authorizationError), "state", List.of(state));
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(claims.getStringClaim("client_id"), claims.getStringClaim("redirect_uri"),
                claims.getStringClaim("nonce"), claims.getStringClaim("code_challenge"),
                assertedLevel != null ? assertedLevel : requested));
        return Map.of("code", List.of(code), "state", List.of(state), "iss", List.of(provider.toString()));
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("test OP refused the authorization request: " + what);
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, List<String>> form = URLUtils.parseParameters(
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        try {
            SignedJWT assertion = SignedJWT.parse(form.get("client_assertion").get(0));
            JWK key = rpKeys.federationJwks().getKeyByKeyId(assertion.getHeader().getKeyID());
            JWTClaimsSet a = assertion.getJWTClaimsSet();
            Grant grant = codes.remove(form.get("code").get(0));
            CodeChallenge challenge = CodeChallenge.compute(CodeChallengeMethod.S256,
                    new CodeVerifier(form.get("code_verifier").get(0)));
            if (key == null || !assertion.verify(new RSASSAVerifier((RSAKey) key))
                    || !a.getAudience().contains(provider + "/token") || !relyingParty.toString().equals(a.getIssuer())
                    || !relyingParty.toString().equals(a.getSubject())) {
                answer(exchange, 401, "application/json", "{\"error\":\"invalid_client\"}");
                return;
            }
            if (grant == null || !grant.challenge.equals(challenge.getValue())
                    || !grant.redirectUri.equals(form.get("redirect_uri").get(0))) {
                answer(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
                return;
            }
            BearerAccessToken accessToken = new BearerAccessToken(accessToken(grant));
            String sub = "pairwise-" + Integer.toHexString(grant.clientId.hashCode());
            accessTokens.put(accessToken.getValue(), Map.of("sub", sub, "client", grant.clientId));
            Instant now = Instant.now();
            JWTClaimsSet.Builder id = new JWTClaimsSet.Builder()
                    .issuer(provider.toString()).subject(sub).audience(grant.clientId)
                    .issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                    .expirationTime(Date.from(now.plusSeconds(300))).jwtID(UUID.randomUUID().toString())
                    .claim("nonce", grant.nonce).claim("acr", grant.level.uri())
                    .claim("at_hash", AccessTokenHash.compute(accessToken, JWSAlgorithm.RS256).getValue());
            CITIZEN.forEach(id::claim);
            idTokenClaims.accept(id);
            JSONObject body = new JSONObject();
            body.put("access_token", accessToken.getValue());
            body.put("token_type", "Bearer");
            body.put("expires_in", 1800);
            String signed = idTokenSigned.apply(sign(id.build(), providerSigningKey, JOSEObjectType.JWT));
            body.put("id_token", idTokenWire.apply(encrypt ? encrypt(signed, rpEncryptionKey()) : signed));
            answer(exchange, 200, "application/json", body.toJSONString());
        } catch (Exception e) {
            answer(exchange, 400, "application/json", "{\"error\":\"invalid_request\"}");
        }
    }

    private String accessToken(Grant grant) throws JOSEException {
        Instant now = Instant.now();
        return sign(new JWTClaimsSet.Builder().issuer(provider.toString()).audience(grant.clientId)
                .claim("client_id", grant.clientId).claim("scope", "openid").issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(1800))).jwtID(UUID.randomUUID().toString()).build(),
                providerSigningKey, new JOSEObjectType("at+jwt"));
    }

    private void userInfo(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Map<String, Object> token = authorization == null ? null
                : accessTokens.get(authorization.replaceFirst("^Bearer ", ""));
        if (token == null) {
            answer(exchange, 401, "application/json", "{\"error\":\"invalid_token\"}");
            return;
        }
        try {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(provider.toString())
                    .subject((String) token.get("sub")).audience((String) token.get("client"));
            CITIZEN.forEach(claims::claim);
            userInfoClaims.accept(claims);
            answer(exchange, 200, "application/jwt", seal(claims.build()));
        } catch (JOSEException e) {
            answer(exchange, 500, "application/json", "{\"error\":\"server_error\"}");
        }
    }

    /**
     * @param claims claims to sign with the OP's key and, when {@link #encrypt}, encrypt to the RP
     * @return the compact token
     */
    String seal(JWTClaimsSet claims) throws JOSEException {
        String signed = sign(claims, providerSigningKey, JOSEObjectType.JWT);
        return encrypt ? encrypt(signed, rpEncryptionKey()) : signed;
    }

    /** @return the RP's published encryption key, as the OP picks it from the RP's metadata */
    RSAKey rpEncryptionKey() {
        return (RSAKey) rpKeys.relyingPartyJwks().getKeys().stream()
                .filter(k -> KeyUse.ENCRYPTION.equals(k.getKeyUse())).findFirst().orElseThrow();
    }

    static String encrypt(String signedJwt, RSAKey to) throws JOSEException {
        JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP, EncryptionMethod.A256CBC_HS512)
                .keyID(to.getKeyID()).contentType("JWT").build(), new Payload(signedJwt));
        jwe.encrypt(new RSAEncrypter(to));
        return jwe.serialize();
    }

    static String sign(JWTClaimsSet claims, RSAKey key, JOSEObjectType type) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(type)
                .build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String sign(EntityStatementClaimsSet claims, RSAKey key) {
        try {
            return EntityStatement.sign(claims, key).getSignedStatement().serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
