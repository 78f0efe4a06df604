package io.github.cieservlet.oidc;

import static io.github.cieservlet.oidc.OidcLoginFlowTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.CompressionAlgorithm;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.github.cieservlet.CieError;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The attacks of the SAML side's attack tests, on the OIDC tokens: each token is built bad before it is signed or
 * encrypted, and each is refused by {@link SignedTokenReader} alone, with a control that the same path accepts a good
 * token.
 */
class TokenAttackTest {

    private static RSAKey opKey;
    private static RSAKey attackerKey;
    private static RSAKey rpEncryption;
    private static JWKSet opKeys;
    private static SignedTokenReader reader;
    private static final JWTClaimsSet CLAIMS = new JWTClaimsSet.Builder().issuer("https://op.example.it")
            .subject("s").build();

    @BeforeAll
    static void keys() throws Exception {
        opKey = new RSAKeyGenerator(2048).keyID("op-1").keyUse(KeyUse.SIGNATURE).generate();
        attackerKey = new RSAKeyGenerator(2048).keyID("op-1").keyUse(KeyUse.SIGNATURE).generate();
        rpEncryption = new RSAKeyGenerator(2048).keyID("rp-enc").keyUse(KeyUse.ENCRYPTION).generate();
        opKeys = new JWKSet(opKey.toPublicJWK());
        reader = new SignedTokenReader(new JWKSet(rpEncryption), 16 * 1024);
    }

    private static String signed(JWSHeader header, RSAKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(header, CLAIMS);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String good() throws Exception {
        return signed(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("op-1").build(), opKey);
    }

    private static String encrypt(String signedJwt, RSAKey to) throws Exception {
        JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP, EncryptionMethod.A256CBC_HS512)
                .contentType("JWT").build(), new Payload(signedJwt));
        jwe.encrypt(new RSAEncrypter(to));
        return jwe.serialize();
    }

    private static String read(String token, boolean encrypted) throws Exception {
        return reader.read(token, "token", encrypted, opKeys).getJWTClaimsSet().getSubject();
    }

    @Test
    void aGoodSignedAndEncryptedTokenIsRead() throws Exception {
        assertThat(read(encrypt(good(), rpEncryption.toPublicJWK()), true)).isEqualTo("s");
        assertThat(read(good(), false)).isEqualTo("s");
    }

    @Test
    void algNoneIsRefused() {
        assertRefused(() -> read(new PlainJWT(CLAIMS).serialize(), false), CieError.SIGNATURE_MISSING);
    }

    @Test
    void algNoneInsideTheEncryptionIsRefused() throws Exception {
        String inner = new PlainJWT(CLAIMS).serialize();
        JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP, EncryptionMethod.A256CBC_HS512)
                .contentType("JWT").build(), new Payload(inner));
        jwe.encrypt(new RSAEncrypter(rpEncryption.toPublicJWK()));

        assertRefused(() -> read(jwe.serialize(), true), CieError.SIGNATURE_MISSING);
    }

    @Test
    void hs256KeyedWithTheProvidersPublicKeyIsRefused() throws Exception {
        byte[] publicKeyAsSecret = opKey.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        SignedJWT confused = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("op-1").build(), CLAIMS);
        confused.sign(new MACSigner(publicKeyAsSecret));
        byte[] derSecret = opKey.toRSAPublicKey().getEncoded();
        SignedJWT confusedDer = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).build(), CLAIMS);
        confusedDer.sign(new MACSigner(derSecret));

        assertRefused(() -> read(confused.serialize(), false), CieError.SIGNATURE_ALGORITHM_NOT_ALLOWED);
        assertRefused(() -> read(confusedDer.serialize(), false), CieError.SIGNATURE_ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void anUnknownKidIsRefused() throws Exception {
        String token = signed(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("op-2").build(), opKey);

        assertRefused(() -> read(token, false), CieError.SIGNATURE_INVALID, "does not publish");
    }

    @Test
    void anInjectedKidIsOnlyAnUnknownKid() throws Exception {
        String token = signed(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID("../../../../dev/null' OR '1'='1").build(), opKey);

        assertRefused(() -> read(token, false), CieError.SIGNATURE_INVALID, "does not publish");
    }

    @Test
    void aKeyEmbeddedInTheHeaderIsNeverUsed() throws Exception {
        String token = signed(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("op-1")
                .jwk(attackerKey.toPublicJWK()).jwkURL(URI.create("https://evil.example.org/jwks"))
                .build(), attackerKey);

        assertRefused(() -> read(token, false), CieError.SIGNATURE_INVALID, "does not verify");
    }

    @Test
    void aSignatureByAnotherKeyIsRefused() throws Exception {
        String token = signed(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("op-1").build(), attackerKey);

        assertRefused(() -> read(token, false), CieError.SIGNATURE_INVALID, "does not verify");
    }

    @Test
    void aTamperedPayloadIsRefused() throws Exception {
        String[] parts = good().split("\\.");
        String forged = parts[0] + "." + Base64URL.encode(new JWTClaimsSet.Builder(CLAIMS).subject("admin").build()
                .toString()) + "." + parts[2];

        assertRefused(() -> read(forged, false), CieError.SIGNATURE_INVALID, "does not verify");
    }

    @Test
    void anOversizedTokenIsRefusedBeforeParsing() {
        String huge = "eyJhbGciOiJSUzI1NiJ9." + "A".repeat(20_000) + ".AAAA";

        assertRefused(() -> read(huge, false), CieError.RESPONSE_TOO_LARGE);
    }

    @Test
    void aCompressedEncryptedTokenIsRefused() throws Exception {
        JWEObject zipped = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP, EncryptionMethod.A256CBC_HS512)
                .compressionAlgorithm(CompressionAlgorithm.DEF).contentType("JWT").build(), new Payload(good()));
        zipped.encrypt(new RSAEncrypter(rpEncryption.toPublicJWK()));

        assertRefused(() -> read(zipped.serialize(), true), CieError.INVALID_TOKEN, "compressed");
    }

    @Test
    void rsa15KeyEncryptionIsRefused() throws Exception {
        JWEObject weak = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.RSA1_5, EncryptionMethod.A128CBC_HS256)
                .contentType("JWT").build(), new Payload(good()));
        weak.encrypt(new RSAEncrypter(rpEncryption.toPublicJWK()));

        assertRefused(() -> read(weak.serialize(), true), CieError.SIGNATURE_ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void aTokenEncryptedToAnotherKeyIsRefused() throws Exception {
        RSAKey other = new RSAKeyGenerator(2048).generate();

        assertRefused(() -> read(encrypt(good(), other.toPublicJWK()), true), CieError.INVALID_TOKEN,
                "cannot be decrypted");
    }

    @Test
    void anUnencryptedTokenWhereEncryptionIsRequiredIsRefused() {
        assertRefused(() -> read(good(), true), CieError.INVALID_TOKEN, "not encrypted");
    }

    @Test
    void notAJwtIsRefused() {
        assertRefused(() -> read("not-a-jwt", false), CieError.INVALID_TOKEN);
    }

    @Test
    void theTypeHeaderDoesNotMatter() throws Exception {
        String token = signed(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("op-1").type(JOSEObjectType.JOSE)
                .build(), opKey);

        assertThat(read(token, false)).isEqualTo("s");
    }
}
