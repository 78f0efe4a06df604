package io.github.cieservlet.testidp.oidc;

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
import io.github.cieservlet.CieLevel;
import io.github.cieservlet.testidp.response.TestCitizen;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;

/**
 * A local CIE OpenID Connect federation, servlet-free: a trust anchor at {@code <base>/ta} and an OpenID Provider at
 * {@code <base>/op}, each with fresh keys. The OP checks what a real one checks (request object signed by a key of
 * the RP's metadata, {@code iss}/{@code aud}/{@code client_id}, PKCE S256, {@code state} and {@code nonce} of at
 * least 32 alphanumeric characters, {@code prompt}, {@code private_key_jwt} with {@code aud} = the token endpoint,
 * single-use codes) and answers as CIE does (ID token and UserInfo signed by the OP, then encrypted to the RP's
 * encryption key; {@code iss} in the authorization response). The setters change one thing on purpose, for the tests
 * of a relying party; a fresh instance behaves correctly.
 */
public final class OidcTestFederation {

    /** Path of an entity configuration under an entity ID. */
    public static final String WELL_KNOWN = "/.well-known/openid-federation";
    private static final String ENTITY_STATEMENT = "application/entity-statement+jwt";

    private final URI trustAnchor;
    private final URI provider;
    private final RelyingPartyDirectory relyingParties;
    private final Clock clock;
    private final RSAKey trustAnchorKey;
    private final RSAKey providerFederationKey;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> accessTokens = new ConcurrentHashMap<>();
    private final AtomicInteger providerConfigurationFetches = new AtomicInteger();
    private final List<String> revocations = new CopyOnWriteArrayList<>();

    private volatile RSAKey providerSigningKey;
    private volatile JSONObject providerPolicy;
    private volatile Duration subordinateLifetime = Duration.ofHours(1);
    private volatile RSAKey trustAnchorSigner;
    private volatile Consumer<JSONObject> providerMetadata = m -> { };
    private volatile Consumer<JWTClaimsSet.Builder> idTokenClaims = b -> { };
    private volatile UnaryOperator<String> idTokenSigned = UnaryOperator.identity();
    private volatile UnaryOperator<String> idTokenWire = UnaryOperator.identity();
    private volatile Consumer<JWTClaimsSet.Builder> userInfoClaims = b -> { };
    private volatile boolean encrypt = true;

    /** A validated authorization request, waiting for the tester's choice. */
    public static final class Authorization {
        private final RelyingParty relyingParty;
        private final String redirectUri;
        private final String state;
        private final String nonce;
        private final String challenge;
        private final CieLevel level;

        Authorization(RelyingParty relyingParty, String redirectUri, String state, String nonce, String challenge,
                CieLevel level) {
            this.relyingParty = relyingParty;
            this.redirectUri = redirectUri;
            this.state = state;
            this.nonce = nonce;
            this.challenge = challenge;
            this.level = level;
        }

        /** @return the RP's client ID */
        public String clientId() {
            return relyingParty.clientId();
        }

        /** @return the requested level */
        public CieLevel level() {
            return level;
        }
    }

    private static final class Grant {
        final Authorization authorization;
        final TestCitizen citizen;
        final CieLevel level;
        final OidcOutcome outcome;

        Grant(Authorization authorization, TestCitizen citizen, CieLevel level, OidcOutcome outcome) {
            this.authorization = authorization;
            this.citizen = citizen;
            this.level = level;
            this.outcome = outcome;
        }
    }

    /**
     * @param base the URL the federation is served under, e.g. {@code http://127.0.0.1:8080/app/cie-test-idp/oidc}
     * @param relyingParties where relying parties are looked up
     * @param clock the clock
     * @throws JOSEException if the keys cannot be generated
     */
    public OidcTestFederation(URI base, RelyingPartyDirectory relyingParties, Clock clock) throws JOSEException {
        this.trustAnchor = URI.create(base + "/ta");
        this.provider = URI.create(base + "/op");
        this.relyingParties = relyingParties;
        this.clock = clock;
        this.trustAnchorKey = new RSAKeyGenerator(2048).keyID("ta-1").keyUse(KeyUse.SIGNATURE).generate();
        this.trustAnchorSigner = trustAnchorKey;
        this.providerFederationKey = new RSAKeyGenerator(2048).keyID("op-fed-1").keyUse(KeyUse.SIGNATURE).generate();
        this.providerSigningKey = new RSAKeyGenerator(2048).keyID("op-core-1").keyUse(KeyUse.SIGNATURE).generate();
    }

    /** @return the trust anchor's entity ID */
    public URI trustAnchor() {
        return trustAnchor;
    }

    /** @return the OP's entity ID */
    public URI provider() {
        return provider;
    }

    /** @return the trust anchor's public keys, to pin in the RP */
    public JWKSet trustAnchorKeys() {
        return new JWKSet(trustAnchorKey.toPublicJWK());
    }

    /** @return how many times the OP's entity configuration was served */
    public int providerConfigurationFetches() {
        return providerConfigurationFetches.get();
    }

    // ---- knobs for the tests of a relying party

    /** @param policy the trust anchor's metadata policy on the OP's {@code openid_provider} metadata, or null */
    public void setProviderPolicy(JSONObject policy) {
        this.providerPolicy = policy;
    }

    /** @param lifetime lifetime of the trust anchor's statement about an entity; negative: already expired */
    public void setSubordinateLifetime(Duration lifetime) {
        this.subordinateLifetime = lifetime;
    }

    /** @param signer the key the trust anchor signs subordinate statements with, instead of its own */
    public void setTrustAnchorSigner(RSAKey signer) {
        this.trustAnchorSigner = signer == null ? trustAnchorKey : signer;
    }

    /** @param change a change to the OP's {@code openid_provider} metadata before it is signed */
    public void setProviderMetadata(Consumer<JSONObject> change) {
        this.providerMetadata = change;
    }

    /** @param key the OP's new token signing key (a rollover) */
    public void setProviderSigningKey(RSAKey key) {
        this.providerSigningKey = key;
    }

    /** @return the OP's current token signing key */
    public RSAKey providerSigningKey() {
        return providerSigningKey;
    }

    /** @param change a change to the ID token claims before signing */
    public void setIdTokenClaims(Consumer<JWTClaimsSet.Builder> change) {
        this.idTokenClaims = change;
    }

    /** @param change a change to the signed ID token before it is encrypted */
    public void setIdTokenSigned(UnaryOperator<String> change) {
        this.idTokenSigned = change;
    }

    /** @param change a change to the ID token as sent */
    public void setIdTokenWire(UnaryOperator<String> change) {
        this.idTokenWire = change;
    }

    /** @param change a change to the UserInfo claims before signing */
    public void setUserInfoClaims(Consumer<JWTClaimsSet.Builder> change) {
        this.userInfoClaims = change;
    }

    /** @param value whether ID tokens and UserInfo answers are encrypted to the RP */
    public void setEncrypt(boolean value) {
        this.encrypt = value;
    }

    // ---- trust anchor

    /** @return the trust anchor's entity configuration */
    public Answer trustAnchorConfiguration() {
        EntityID self = new EntityID(trustAnchor.toString());
        Instant now = clock.instant();
        EntityStatementClaimsSet claims = new EntityStatementClaimsSet(self, self, Date.from(now),
                Date.from(now.plus(Duration.ofDays(1))), trustAnchorKeys());
        FederationEntityMetadata metadata = new FederationEntityMetadata();
        metadata.setFederationFetchEndpointURI(URI.create(trustAnchor + "/fetch"));
        metadata.setOrganizationName("cie-test-idp trust anchor");
        claims.setFederationEntityMetadata(metadata);
        return new Answer(200, ENTITY_STATEMENT, sign(claims, trustAnchorKey));
    }

    /**
     * @param subject the {@code sub} query parameter of the fetch endpoint
     * @return the trust anchor's statement about the OP or a known RP
     */
    public Answer fetch(String subject) {
        JWKSet subjectKeys;
        if (provider.toString().equals(subject)) {
            subjectKeys = new JWKSet(providerFederationKey.toPublicJWK());
        } else {
            Optional<RelyingParty> rp = relyingParties.find(subject);
            if (rp.isEmpty()) {
                return Answer.error(404, "not_found");
            }
            subjectKeys = rp.get().federationKeys();
        }
        Instant now = clock.instant();
        Duration lifetime = subordinateLifetime;
        Instant issued = lifetime.isNegative() ? now.plus(lifetime).minusSeconds(3600) : now;
        EntityStatementClaimsSet claims = new EntityStatementClaimsSet(new EntityID(trustAnchor.toString()),
                new EntityID(subject), Date.from(issued), Date.from(now.plus(lifetime)), subjectKeys);
        JSONObject policy = providerPolicy;
        if (policy != null && provider.toString().equals(subject)) {
            JSONObject byType = new JSONObject();
            byType.put(EntityType.OPENID_PROVIDER.getValue(), policy);
            claims.setMetadataPolicyJSONObject(byType);
        }
        return new Answer(200, ENTITY_STATEMENT, sign(claims, trustAnchorSigner));
    }

    // ---- OpenID Provider

    /** @return the OP's entity configuration */
    public Answer providerConfiguration() {
        providerConfigurationFetches.incrementAndGet();
        EntityID self = new EntityID(provider.toString());
        Instant now = clock.instant();
        EntityStatementClaimsSet claims = new EntityStatementClaimsSet(self, self, Date.from(now),
                Date.from(now.plus(Duration.ofDays(1))), new JWKSet(providerFederationKey.toPublicJWK()));
        claims.setAuthorityHints(List.of(new EntityID(trustAnchor.toString())));
        JSONObject op = new JSONObject();
        op.put("issuer", provider.toString());
        op.put("authorization_endpoint", provider + "/authorization");
        op.put("token_endpoint", provider + "/token");
        op.put("userinfo_endpoint", provider + "/userinfo");
        op.put("revocation_endpoint", provider + "/revocation");
        op.put("jwks", providerJwks().toJSONObject());
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
        return new Answer(200, ENTITY_STATEMENT, sign(claims, providerFederationKey));
    }

    /** @return the OP's token signing keys, as a {@code jwks_uri} would serve them */
    public Answer jwks() {
        return Answer.json(200, providerJwks().toString());
    }

    private JWKSet providerJwks() {
        return new JWKSet(providerSigningKey.toPublicJWK());
    }

    /**
     * Checks an authorization request as the OP's authorization endpoint does.
     *
     * @param rawQuery the query string
     * @return the validated request
     * @throws IllegalArgumentException naming what is wrong
     */
    public Authorization authorize(String rawQuery) {
        Map<String, List<String>> query = URLUtils.parseParameters(rawQuery);
        try {
            SignedJWT request = SignedJWT.parse(single(query, "request"));
            JWTClaimsSet claims = request.getJWTClaimsSet();
            RelyingParty rp = relyingParties.find(claims.getStringClaim("client_id")).orElseThrow(
                    () -> new IllegalArgumentException("unknown client_id"));
            JWK key = rp.keys().getKeyByKeyId(request.getHeader().getKeyID());
            check(key instanceof RSAKey && request.verify(new RSASSAVerifier((RSAKey) key)),
                    "request object not signed by a key of the RP");
            check(rp.clientId().equals(claims.getIssuer()), "request object iss is not the client_id");
            check(List.of(provider.toString()).equals(claims.getAudience()), "request object aud is not the OP");
            check(claims.getExpirationTime() != null && claims.getExpirationTime().toInstant().isAfter(clock.instant()),
                    "request object expired");
            check(single(query, "scope").equals(claims.getStringClaim("scope")), "scope differs from the object's");
            check("code".equals(claims.getStringClaim("response_type")), "response_type is not code");
            check(rp.redirectUris().contains(claims.getStringClaim("redirect_uri")), "redirect_uri not registered");
            check("S256".equals(claims.getStringClaim("code_challenge_method")), "PKCE method is not S256");
            check(claims.getStringClaim("code_challenge") != null, "no code_challenge");
            check(matches(claims.getStringClaim("nonce")), "nonce shorter than 32 alphanumeric characters");
            check(matches(claims.getStringClaim("state")), "state shorter than 32 alphanumeric characters");
            check(List.of("consent", "consent login").contains(claims.getStringClaim("prompt")), "prompt");
            check(claims.getJSONObjectClaim("claims") != null, "no claims");
            CieLevel level = CieLevel.fromUri(claims.getStringClaim("acr_values")).orElseThrow(
                    () -> new IllegalArgumentException("acr_values is not a CIE level"));
            return new Authorization(rp, claims.getStringClaim("redirect_uri"), claims.getStringClaim("state"),
                    claims.getStringClaim("nonce"), claims.getStringClaim("code_challenge"), level);
        } catch (ParseException | JOSEException e) {
            throw new IllegalArgumentException("request object unreadable: " + e.getMessage(), e);
        }
    }

    private static boolean matches(String value) {
        return value != null && value.matches("[A-Za-z0-9]{32,}");
    }

    private static String single(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        check(values != null && values.size() == 1, "parameter " + name + " missing or repeated");
        return values.get(0);
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException(what);
        }
    }

    /**
     * The tester's choice: where the browser goes back to.
     *
     * @param authorization the validated request
     * @param citizen who logs in
     * @param level the level the OP asserts
     * @param outcome success or an error
     * @return the RP's redirect URI with {@code code} or {@code error}, {@code state} and {@code iss}
     */
    public URI complete(Authorization authorization, TestCitizen citizen, CieLevel level, OidcOutcome outcome) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (outcome.error() != null) {
            params.put("error", List.of(outcome.error()));
        } else {
            String code = UUID.randomUUID().toString();
            codes.put(code, new Grant(authorization, citizen, level, outcome));
            params.put("code", List.of(code));
        }
        params.put("state", List.of(authorization.state));
        params.put("iss", List.of((outcome == OidcOutcome.WRONG_ISSUER ? trustAnchor : provider).toString()));
        return URI.create(authorization.redirectUri + (authorization.redirectUri.contains("?") ? "&" : "?")
                + URLUtils.serializeParameters(params));
    }

    /**
     * The token endpoint.
     *
     * @param formBody the POST body
     * @return the token response or an error
     */
    public Answer token(String formBody) {
        Map<String, List<String>> form = URLUtils.parseParameters(formBody);
        try {
            Optional<String> client = authenticatedClient(form, provider + "/token");
            if (client.isEmpty()) {
                return Answer.error(401, "invalid_client");
            }
            Grant grant = codes.remove(single(form, "code"));
            CodeChallenge challenge = CodeChallenge.compute(CodeChallengeMethod.S256,
                    new CodeVerifier(single(form, "code_verifier")));
            if (grant == null || !grant.authorization.clientId().equals(client.get())
                    || !grant.authorization.challenge.equals(challenge.getValue())
                    || !grant.authorization.redirectUri.equals(single(form, "redirect_uri"))) {
                return Answer.error(400, "invalid_grant");
            }
            return Answer.json(200, tokens(grant));
        } catch (ParseException | JOSEException | IllegalArgumentException | NullPointerException e) {
            return Answer.error(400, "invalid_request");
        }
    }

    /**
     * The revocation endpoint (RFC 7009, {@code private_key_jwt}): the client's access token stops working at the
     * UserInfo endpoint, and the revocation is recorded ({@link #revocations()}).
     *
     * @param formBody the POST body
     * @return 200 (also for a token unknown or already revoked, as RFC 7009 says), or an error
     */
    public Answer revocation(String formBody) {
        Map<String, List<String>> form = URLUtils.parseParameters(formBody);
        try {
            Optional<String> client = authenticatedClient(form, provider + "/revocation");
            if (client.isEmpty()) {
                return Answer.error(401, "invalid_client");
            }
            String token = single(form, "token");
            Map<String, Object> session = accessTokens.get(token);
            if (session != null && ((RelyingParty) session.get("client")).clientId().equals(client.get())) {
                accessTokens.remove(token);
                revocations.add(client.get() + " " + session.get("sub"));
            }
            return Answer.json(200, "{}");
        } catch (ParseException | JOSEException | IllegalArgumentException | NullPointerException e) {
            return Answer.error(400, "invalid_request");
        }
    }

    /** @return the access tokens revoked so far, oldest first, each as {@code "<client_id> <sub>"} */
    public List<String> revocations() {
        return List.copyOf(revocations);
    }

    /** @return {@link #revocations()} as a JSON array */
    public Answer revocationList() {
        return Answer.json(200, JSONArray.toJSONString(revocations()));
    }

    /** The client whose {@code private_key_jwt} assertion, for this endpoint, verifies with a key of its metadata. */
    private Optional<String> authenticatedClient(Map<String, List<String>> form, String endpoint)
            throws ParseException, JOSEException {
        SignedJWT assertion = SignedJWT.parse(single(form, "client_assertion"));
        JWTClaimsSet a = assertion.getJWTClaimsSet();
        Optional<RelyingParty> rp = relyingParties.find(a.getIssuer());
        JWK key = rp.map(r -> r.keys().getKeyByKeyId(assertion.getHeader().getKeyID())).orElse(null);
        boolean valid = key instanceof RSAKey && assertion.verify(new RSASSAVerifier((RSAKey) key))
                && a.getAudience().contains(endpoint) && a.getIssuer().equals(a.getSubject())
                && "urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(single(form, "client_assertion_type"));
        return valid ? Optional.of(a.getIssuer()) : Optional.empty();
    }

    private String tokens(Grant grant) throws JOSEException {
        Instant now = clock.instant();
        String clientId = grant.authorization.clientId();
        BearerAccessToken accessToken = new BearerAccessToken(sign(new JWTClaimsSet.Builder()
                .issuer(provider.toString()).audience(clientId).claim("client_id", clientId).claim("scope", "openid")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(1800)))
                .jwtID(UUID.randomUUID().toString()).build(), new JOSEObjectType("at+jwt")));
        String subject = "pairwise-" + Integer.toHexString((clientId + grant.citizen.fiscalCode()).hashCode());
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("sub", subject);
        session.put("client", grant.authorization.relyingParty);
        session.put("citizen", grant.citizen);
        accessTokens.put(accessToken.getValue(), session);
        JWTClaimsSet.Builder id = citizen(new JWTClaimsSet.Builder(), grant.citizen)
                .issuer(provider.toString()).subject(subject).audience(clientId)
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300))).jwtID(UUID.randomUUID().toString())
                .claim("nonce", grant.authorization.nonce).claim("acr", grant.level.uri())
                .claim("at_hash", AccessTokenHash.compute(accessToken, JWSAlgorithm.RS256).getValue());
        tamper(id, grant.outcome, now);
        idTokenClaims.accept(id);
        String signed = idTokenSigned.apply(sign(id.build(), JOSEObjectType.JWT));
        JSONObject body = new JSONObject();
        body.put("access_token", accessToken.getValue());
        body.put("token_type", "Bearer");
        body.put("expires_in", 1800);
        body.put("id_token", idTokenWire.apply(sealed(signed, grant.authorization.relyingParty)));
        return body.toJSONString();
    }

    private static void tamper(JWTClaimsSet.Builder id, OidcOutcome outcome, Instant now) {
        if (outcome == OidcOutcome.WRONG_NONCE) {
            id.claim("nonce", "another" + UUID.randomUUID().toString().replace("-", ""));
        } else if (outcome == OidcOutcome.EXPIRED_ID_TOKEN) {
            id.expirationTime(Date.from(now.minusSeconds(600)));
        } else if (outcome == OidcOutcome.WRONG_AUDIENCE) {
            id.audience("https://another-rp.example.it/oidc");
        }
    }

    /**
     * The UserInfo endpoint.
     *
     * @param authorization the {@code Authorization} header
     * @return the signed and encrypted claims, or an error
     */
    public Answer userInfo(String authorization) {
        Map<String, Object> session = authorization == null ? null
                : accessTokens.get(authorization.replaceFirst("^Bearer ", ""));
        if (session == null) {
            return Answer.error(401, "invalid_token");
        }
        RelyingParty rp = (RelyingParty) session.get("client");
        JWTClaimsSet.Builder claims = citizen(new JWTClaimsSet.Builder(), (TestCitizen) session.get("citizen"))
                .issuer(provider.toString()).subject((String) session.get("sub")).audience(rp.clientId());
        userInfoClaims.accept(claims);
        try {
            return new Answer(200, "application/jwt", sealed(sign(claims.build(), JOSEObjectType.JWT), rp));
        } catch (JOSEException e) {
            return Answer.error(500, "server_error");
        }
    }

    private static JWTClaimsSet.Builder citizen(JWTClaimsSet.Builder claims, TestCitizen citizen) {
        return claims.claim("given_name", citizen.givenName()).claim("family_name", citizen.familyName())
                .claim("birthdate", citizen.dateOfBirth().toString())
                .claim("https://attributes.eid.gov.it/fiscal_number", "TINIT-" + citizen.fiscalCode());
    }

    private String sealed(String signed, RelyingParty rp) throws JOSEException {
        if (!encrypt) {
            return signed;
        }
        RSAKey to = (RSAKey) rp.keys().getKeys().stream().filter(k -> KeyUse.ENCRYPTION.equals(k.getKeyUse()))
                .findFirst().orElseThrow(() -> new JOSEException("the RP publishes no encryption key"));
        JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP, EncryptionMethod.A256CBC_HS512)
                .keyID(to.getKeyID()).contentType("JWT").build(), new Payload(signed));
        jwe.encrypt(new RSAEncrypter(to));
        return jwe.serialize();
    }

    private String sign(JWTClaimsSet claims, JOSEObjectType type) throws JOSEException {
        RSAKey key = providerSigningKey;
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(type)
                .build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String sign(EntityStatementClaimsSet claims, RSAKey key) {
        try {
            return EntityStatement.sign(claims, key).getSignedStatement().serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an entity statement", e);
        }
    }
}
