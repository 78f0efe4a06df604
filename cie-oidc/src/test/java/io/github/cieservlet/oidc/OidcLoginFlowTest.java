package io.github.cieservlet.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.CieIdentity;
import io.github.cieservlet.CieLevel;
import io.github.cieservlet.store.InMemoryReplayCache;
import io.github.cieservlet.testidp.oidc.OidcOutcome;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole login over real HTTP on 127.0.0.1 against {@link TestFederation}: the trust chain, the signed request, the
 * token request and the encrypted tokens, for each level and each refusal the SAML side has an equivalent for.
 */
class OidcLoginFlowTest {

    private static TestFederation federation;

    private OidcRelyingParty rp;

    @BeforeAll
    static void startFederation() throws Exception {
        federation = new TestFederation();
    }

    @AfterAll
    static void stopFederation() {
        federation.close();
    }

    @BeforeEach
    void freshRelyingParty() {
        federation.assertedLevel = null;
        federation.op.setTrustAnchorSigner(null);
        federation.op.setIdTokenClaims(b -> { });
        federation.op.setIdTokenWire(s -> s);
        federation.op.setIdTokenSigned(s -> s);
        federation.op.setUserInfoClaims(b -> { });
        federation.op.setEncrypt(true);
        federation.outcome = OidcOutcome.SUCCESS;
        rp = newRp(federation.rpSettings().build());
    }

    private static OidcRelyingParty newRp(OidcSettings settings) {
        return new OidcRelyingParty(settings, federation.rpKeys, new InMemoryReplayCache(10_000, Clock.systemUTC()), Clock.systemUTC());
    }

    private CieIdentity login(CieLevel level) throws Exception {
        LoginRedirect redirect = rp.start(level);
        return rp.finish(federation.authorize(redirect.location()), redirect.pending());
    }

    @ParameterizedTest
    @EnumSource(CieLevel.class)
    void eachLevelLogsInWithTheSameIdentityAsSaml(CieLevel level) throws Exception {
        CieIdentity identity = login(level);

        assertThat(identity.getName()).isEqualTo("MARIO");
        assertThat(identity.getFamilyName()).isEqualTo("ROSSI");
        assertThat(identity.getDateOfBirth()).hasToString("1980-01-01");
        assertThat(identity.getFiscalNumber()).isEqualTo("TINIT-RSSMRA80A01H501U");
        assertThat(identity.getFiscalCode()).isEqualTo("RSSMRA80A01H501U");
        assertThat(identity.getLevel()).isEqualTo(level);
        assertThat(identity.getIdpEntityId()).isEqualTo(federation.provider.toString());
        assertThat(identity.getNameIdQualifier()).isEqualTo(federation.provider.toString());
        assertThat(identity.getNameId()).startsWith("pairwise-");
    }

    @Test
    void theRedirectCarriesTheProfileParametersAndASignedRequestObject() throws Exception {
        LoginRedirect redirect = rp.start(CieLevel.L2);
        Map<String, List<String>> query = URLUtils.parseParameters(redirect.location().getRawQuery());

        assertThat(redirect.location().toString()).startsWith(federation.provider + "/authorization?");
        assertThat(query.keySet()).containsExactlyInAnyOrder("client_id", "response_type", "scope", "code_challenge",
                "code_challenge_method", "request");
        assertThat(query.get("code_challenge_method")).containsExactly("S256");
        var requestObject = JWTParser.parse(query.get("request").get(0)).getJWTClaimsSet();
        assertThat(requestObject.getStringClaim("acr_values")).isEqualTo(CieLevel.L2.uri());
        assertThat(requestObject.getStringClaim("prompt")).isEqualTo("consent login");
        assertThat(requestObject.getStringClaim("redirect_uri")).isEqualTo(federation.relyingParty + "/callback");
        assertThat(requested(requestObject, "userinfo")).containsExactlyInAnyOrder("given_name", "family_name",
                "birthdate", "https://attributes.eid.gov.it/fiscal_number");
        assertThat(requested(requestObject, "id_token")).isEqualTo(requested(requestObject, "userinfo"));
        assertThat(requestObject.getExpirationTime()).isAfter(new Date());
        assertThat(redirect.pending().state()).isEqualTo(requestObject.getStringClaim("state"));
        assertThat(redirect.pending().toString()).doesNotContain(redirect.pending().codeVerifier());
    }

    @Test
    void emailAndPhoneAreRequestedOnlyWhenConfigured() throws Exception {
        rp = newRp(federation.rpSettings().requestEmail(true).requestPhone(true).build());
        String request = URLUtils.parseParameters(rp.start().location().getRawQuery()).get("request").get(0);

        assertThat(requested(JWTParser.parse(request).getJWTClaimsSet(), "userinfo")).contains("email", "phone_number");
    }

    private static java.util.Set<String> requested(com.nimbusds.jwt.JWTClaimsSet requestObject, String where)
            throws java.text.ParseException {
        return ((Map<?, ?>) requestObject.getJSONObjectClaim("claims").get(where)).keySet().stream()
                .map(String::valueOf).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void aLowerLevelThanRequestedIsRefused() {
        federation.assertedLevel = CieLevel.L1;

        assertRefused(() -> login(CieLevel.L2), CieError.INSUFFICIENT_LEVEL);
    }

    @Test
    void aHigherLevelThanRequestedIsAccepted() throws Exception {
        federation.assertedLevel = CieLevel.L3;

        assertThat(login(CieLevel.L2).getLevel()).isEqualTo(CieLevel.L3);
    }

    @ParameterizedTest
    @CsvSource({"ACCESS_DENIED,IDP_AUTHENTICATION_FAILED", "CONSENT_REQUIRED,IDP_CONSENT_DENIED",
            "SERVER_ERROR,IDP_AUTHENTICATION_FAILED", "INVALID_REQUEST_OBJECT,IDP_REQUEST_REJECTED",
            "WRONG_ISSUER,INVALID_ISSUER", "WRONG_NONCE,UNKNOWN_REQUEST", "EXPIRED_ID_TOKEN,INVALID_CONDITIONS",
            "WRONG_AUDIENCE,INVALID_AUDIENCE"})
    void eachErrorOutcomeHasItsCode(OidcOutcome outcome, CieError expected) {
        federation.outcome = outcome;

        assertRefused(() -> login(CieLevel.L2), expected);
    }

    @Test
    void aCallbackForAnotherLoginIsRefused() throws Exception {
        LoginRedirect first = rp.start();
        LoginRedirect second = rp.start();
        Map<String, List<String>> callback = federation.authorize(first.location());

        assertRefused(() -> rp.finish(callback, second.pending()), CieError.UNKNOWN_REQUEST);
    }

    @Test
    void aCallbackFromAnotherIssuerIsRefused() throws Exception {
        LoginRedirect redirect = rp.start();
        Map<String, List<String>> callback = new HashMap<>(federation.authorize(redirect.location()));
        callback.put("iss", List.of("https://evil.example.org/op"));

        assertRefused(() -> rp.finish(callback, redirect.pending()), CieError.INVALID_ISSUER);
    }

    @Test
    void aCallbackWithoutIssIsRefused() throws Exception {
        LoginRedirect redirect = rp.start();
        Map<String, List<String>> callback = new HashMap<>(federation.authorize(redirect.location()));
        callback.remove("iss");

        assertRefused(() -> rp.finish(callback, redirect.pending()), CieError.INVALID_ISSUER);
    }

    @Test
    void aReplayedCallbackIsRefused() throws Exception {
        LoginRedirect redirect = rp.start();
        Map<String, List<String>> callback = federation.authorize(redirect.location());
        rp.finish(callback, redirect.pending());

        assertRefused(() -> rp.finish(callback, redirect.pending()), CieError.TOKEN_REQUEST_FAILED);
    }

    @Test
    void aReplayedIdTokenIsRefused() throws Exception {
        String[] first = new String[1];
        federation.op.setIdTokenWire(token -> {
            if (first[0] == null) {
                first[0] = token;
            }
            return first[0];
        });
        login(CieLevel.L2);

        assertRefused(() -> login(CieLevel.L2), CieError.UNKNOWN_REQUEST); // the replayed token's nonce is the old one
    }

    @Test
    void anIdTokenReplayedWithItsNonceIsRefusedByJti() throws Exception {
        federation.op.setIdTokenClaims(b -> b.jwtID("always-the-same"));
        login(CieLevel.L2);

        assertRefused(() -> login(CieLevel.L2), CieError.REPLAYED_RESPONSE);
    }

    @Test
    void aTamperedIdTokenIsRefused() {
        federation.op.setIdTokenSigned(token -> {
            String[] parts = token.split("\\.");
            String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                    .replace("MARIO", "MALLORY");
            return parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(payload.getBytes()) + "." + parts[2];
        });

        assertRefused(() -> login(CieLevel.L2), CieError.SIGNATURE_INVALID);
    }

    @Test
    void anOversizedTokenResponseIsNotRead() {
        federation.op.setIdTokenWire(token -> token + "A".repeat(70_000));

        assertRefused(() -> login(CieLevel.L2), CieError.RESPONSE_TOO_LARGE);
    }

    @Test
    void anUnencryptedIdTokenIsRefused() {
        federation.op.setEncrypt(false);

        assertRefused(() -> login(CieLevel.L2), CieError.INVALID_TOKEN);
    }

    @Test
    void anExpiredIdTokenIsRefused() {
        federation.op.setIdTokenClaims(b -> b.expirationTime(Date.from(Instant.now().minusSeconds(120))));

        assertRefused(() -> login(CieLevel.L2), CieError.INVALID_CONDITIONS);
    }

    @Test
    void anIdTokenForAnotherAudienceIsRefused() {
        federation.op.setIdTokenClaims(b -> b.audience("https://other-rp.example.it"));

        assertRefused(() -> login(CieLevel.L2), CieError.INVALID_AUDIENCE);
    }

    @Test
    void anIdTokenWithAnotherNonceIsRefused() {
        federation.op.setIdTokenClaims(b -> b.claim("nonce", "x".repeat(43)));

        assertRefused(() -> login(CieLevel.L2), CieError.UNKNOWN_REQUEST);
    }

    @Test
    void anIdTokenWithAWrongAtHashIsRefused() {
        federation.op.setIdTokenClaims(b -> b.claim("at_hash", "AAAAAAAAAAAAAAAAAAAAAA"));

        assertRefused(() -> login(CieLevel.L2), CieError.INVALID_TOKEN);
    }

    @Test
    void anIdTokenFromAnotherIssuerIsRefused() {
        federation.op.setIdTokenClaims(b -> b.issuer("https://evil.example.org/op"));

        assertRefused(() -> login(CieLevel.L2), CieError.INVALID_ISSUER);
    }

    @Test
    void userInfoForAnotherSubjectIsRefused() {
        federation.op.setUserInfoClaims(b -> b.subject("someone-else"));

        assertRefused(() -> login(CieLevel.L2), CieError.INVALID_SUBJECT);
    }

    @Test
    void aMalformedFiscalNumberIsRefused() {
        federation.op.setUserInfoClaims(b -> b.claim(CitizenClaims.FISCAL_NUMBER, "RSSMRA80A01H501U"));

        assertRefused(() -> login(CieLevel.L2), CieError.INVALID_ATTRIBUTES);
    }

    @Test
    void anOpSigningKeyRolloverIsFollowedAfterTheChainIsResolvedAgain() throws Exception {
        RSAKey old = federation.op.providerSigningKey();
        try {
            federation.op.setProviderSigningKey(new RSAKeyGenerator(2048).keyID("op-core-2").generate());
            rp = newRp(federation.rpSettings().build()); // a fresh resolution sees the new key

            assertThat(login(CieLevel.L2).getLevel()).isEqualTo(CieLevel.L2);
        } finally {
            federation.op.setProviderSigningKey(old);
        }
    }

    @Test
    void aLoginOlderThanTheTimeoutIsRefused() throws Exception {
        LoginRedirect redirect = rp.start();
        Map<String, List<String>> callback = federation.authorize(redirect.location());
        OidcRelyingParty later = new OidcRelyingParty(federation.rpSettings().build(), federation.rpKeys,
                new InMemoryReplayCache(10_000, Clock.systemUTC()), Clock.offset(Clock.systemUTC(), Duration.ofMinutes(16)));

        assertRefused(() -> later.finish(callback, redirect.pending()), CieError.REQUEST_EXPIRED);
    }

    @Test
    void noPendingLoginIsRefused() {
        assertRefused(() -> rp.finish(Map.of("code", List.of("x")), null), CieError.UNKNOWN_REQUEST);
    }

    @Test
    void theEntityConfigurationIsServedSigned() throws Exception {
        assertThat(JWTParser.parse(rp.entityConfiguration()).getJWTClaimsSet().getIssuer())
                .isEqualTo(federation.relyingParty.toString());
        assertThat(URI.create(federation.relyingParty + RpEntityConfiguration.WELL_KNOWN_PATH).getPath())
                .isEqualTo("/rp/.well-known/openid-federation");
    }

    interface Call {
        void run() throws Exception;
    }

    static void assertRefused(Call call, CieError expected) {
        assertRefused(call, expected, "");
    }

    /** The refusal must carry {@code expected} and name its reason in the log detail. */
    static void assertRefused(Call call, CieError expected, String detail) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(CieAuthenticationException.class, e -> {
            assertThat(e.error()).as(e.getMessage()).isEqualTo(expected);
            assertThat(e.getMessage()).containsIgnoringCase(detail);
        });
    }
}
