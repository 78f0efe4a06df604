package io.github.cieservlet.oidc;

import static io.github.cieservlet.oidc.OidcLoginFlowTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.claims.AccessTokenHash;
import io.github.cieservlet.CieError;
import io.github.cieservlet.CieLevel;
import io.github.cieservlet.store.InMemoryReplayCache;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each ID token check refuses alone: a good token passes, and each test changes one claim before signing. */
class IdTokenChecksTest {

    private static final String RP = "https://comune.example.it/rp";
    private static final URI OP = URI.create("https://op.example.it");
    private static final BearerAccessToken ACCESS_TOKEN = new BearerAccessToken("access-token-value-0123456789");
    private static RSAKey key;

    private final Instant now = Instant.now();
    private final PendingOidcLogin pending = new PendingOidcLogin("s".repeat(43), "n".repeat(43), "v".repeat(43),
            CieLevel.L2, OP, now.minusSeconds(30));
    private final IdTokenChecks checks = new IdTokenChecks(RP, Duration.ofSeconds(60),
            new InMemoryReplayCache(1000, Clock.systemUTC()));

    @BeforeAll
    static void key() throws Exception {
        key = new RSAKeyGenerator(2048).generate();
    }

    private SignedJWT token(Consumer<JWTClaimsSet.Builder> change) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(OP.toString()).subject("pairwise-1")
                .audience(RP).issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300))).jwtID("jti-" + System.nanoTime())
                .claim("nonce", pending.nonce()).claim("acr", CieLevel.L2.uri())
                .claim("at_hash", AccessTokenHash.compute(ACCESS_TOKEN, JWSAlgorithm.RS256).getValue());
        change.accept(claims);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt;
    }

    private void check(Consumer<JWTClaimsSet.Builder> change) throws Exception {
        checks.check(token(change), ACCESS_TOKEN, pending, now);
    }

    @Test
    void aGoodTokenPasses() throws Exception {
        assertThat(checks.check(token(c -> { }), ACCESS_TOKEN, pending, now).getSubject()).isEqualTo("pairwise-1");
    }

    @Test
    void issuer() {
        assertRefused(() -> check(c -> c.issuer(OP + "/other")), CieError.INVALID_ISSUER);
    }

    @Test
    void audience() {
        assertRefused(() -> check(c -> c.audience("https://other.example.it")), CieError.INVALID_AUDIENCE);
    }

    @Test
    void severalAudiencesNeedAzp() throws Exception {
        assertRefused(() -> check(c -> c.audience(List.of(RP, "https://other.example.it"))), CieError.INVALID_AUDIENCE);
        check(c -> c.audience(List.of(RP, "https://other.example.it")).claim("azp", RP));
    }

    @Test
    void expiry() {
        assertRefused(() -> check(c -> c.expirationTime(Date.from(now.minusSeconds(61)))), CieError.INVALID_CONDITIONS);
        assertRefused(() -> check(c -> c.expirationTime(null)), CieError.INVALID_CONDITIONS);
    }

    @Test
    void issuedInTheFutureOrBeforeTheLogin() {
        assertRefused(() -> check(c -> c.issueTime(Date.from(now.plusSeconds(120)))), CieError.INVALID_CONDITIONS);
        assertRefused(() -> check(c -> c.issueTime(Date.from(now.minusSeconds(3600)))), CieError.INVALID_CONDITIONS);
    }

    @Test
    void notBefore() {
        assertRefused(() -> check(c -> c.notBeforeTime(Date.from(now.plusSeconds(120)))), CieError.INVALID_CONDITIONS);
    }

    @Test
    void nonce() {
        assertRefused(() -> check(c -> c.claim("nonce", null)), CieError.UNKNOWN_REQUEST);
        assertRefused(() -> check(c -> c.claim("nonce", "m".repeat(43))), CieError.UNKNOWN_REQUEST);
    }

    @Test
    void subject() {
        assertRefused(() -> check(c -> c.subject(null)), CieError.INVALID_SUBJECT);
    }

    @Test
    void acr() {
        assertRefused(() -> check(c -> c.claim("acr", null)), CieError.INVALID_AUTHN_CONTEXT);
        assertRefused(() -> check(c -> c.claim("acr", "urn:oasis:names:tc:SAML:2.0:ac:classes:SpidL2")),
                CieError.INVALID_AUTHN_CONTEXT);
        assertRefused(() -> check(c -> c.claim("acr", CieLevel.L1.uri())), CieError.INSUFFICIENT_LEVEL);
    }

    @Test
    void atHash() {
        assertRefused(() -> check(c -> c.claim("at_hash", null)), CieError.INVALID_TOKEN);
        assertRefused(() -> check(c -> c.claim("at_hash", AccessTokenHash.compute(new BearerAccessToken("other"),
                JWSAlgorithm.RS256).getValue())), CieError.INVALID_TOKEN);
    }

    @Test
    void jtiIsRequiredAndUsedOnce() throws Exception {
        assertRefused(() -> check(c -> c.jwtID(null)), CieError.INVALID_TOKEN);
        check(c -> c.jwtID("once"));
        assertRefused(() -> check(c -> c.jwtID("once")), CieError.REPLAYED_RESPONSE);
    }
}
