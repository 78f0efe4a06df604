package io.github.cieservlet.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import java.security.Key;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a token from the OP (ID token or UserInfo answer) into a verified {@link SignedJWT}, with Nimbus doing every
 * cryptographic step: a size cap first; an encrypted token (required when {@code encrypted} is asked) is decrypted
 * with the RP's encryption keys, only with the profile's algorithms and never compressed; the signature must use a
 * profile algorithm (so {@code none} and HMAC, including HS256 keyed with the OP's public key, are refused before any
 * key is looked at) and verify with a key of the OP's federation-resolved JWKS chosen by {@code kid}. Keys or URLs in
 * the token's own header ({@code jwk}, {@code jku}, {@code x5u}, {@code x5c}) are never used.
 */
final class SignedTokenReader {

    private final JWKSet decryptionKeys;
    private final int maxChars;

    /**
     * @param decryptionKeys the RP's encryption keys, private parts included
     * @param maxChars the longest token accepted
     */
    SignedTokenReader(JWKSet decryptionKeys, int maxChars) {
        this.decryptionKeys = decryptionKeys;
        this.maxChars = maxChars;
    }

    /**
     * @param token the compact serialisation
     * @param what what the token is, for the log line
     * @param encrypted whether the token must be encrypted
     * @param providerKeys the OP's public keys
     * @return the verified signed JWT
     * @throws CieAuthenticationException naming the refused step
     */
    SignedJWT read(String token, String what, boolean encrypted, JWKSet providerKeys)
            throws CieAuthenticationException {
        if (token == null || token.isEmpty()) {
            throw new CieAuthenticationException(CieError.INVALID_TOKEN, what + " missing");
        }
        if (token.length() > maxChars) {
            throw new CieAuthenticationException(CieError.RESPONSE_TOO_LARGE, what + " is " + token.length()
                    + " characters; the limit is " + maxChars);
        }
        JWT parsed;
        try {
            parsed = JWTParser.parse(token);
        } catch (ParseException e) {
            throw new CieAuthenticationException(CieError.INVALID_TOKEN, what + " is not a JWT: " + e.getMessage());
        }
        if (parsed instanceof EncryptedJWT) {
            parsed = decrypt((EncryptedJWT) parsed, what);
        } else if (encrypted) {
            throw new CieAuthenticationException(CieError.INVALID_TOKEN, what + " is not encrypted, as the RP's "
                    + "metadata asks");
        }
        if (parsed instanceof PlainJWT || !(parsed instanceof SignedJWT)) {
            throw new CieAuthenticationException(CieError.SIGNATURE_MISSING, what + " is not signed (alg "
                    + parsed.getHeader().getAlgorithm() + ")");
        }
        SignedJWT jwt = (SignedJWT) parsed;
        verify(jwt, what, providerKeys);
        return jwt;
    }

    private SignedJWT decrypt(EncryptedJWT jwe, String what) throws CieAuthenticationException {
        JWEHeader header = jwe.getHeader();
        if (!ProfileAlgorithms.KEY_ENCRYPTION.contains(header.getAlgorithm())
                || !ProfileAlgorithms.CONTENT_ENCRYPTION.contains(header.getEncryptionMethod())) {
            throw new CieAuthenticationException(CieError.SIGNATURE_ALGORITHM_NOT_ALLOWED, what + " is encrypted with "
                    + header.getAlgorithm() + "/" + header.getEncryptionMethod() + ", not a profile algorithm");
        }
        if (header.getCompressionAlgorithm() != null) {
            throw new CieAuthenticationException(CieError.INVALID_TOKEN, what + " is compressed (zip), which the "
                    + "profile does not use");
        }
        List<JWK> candidates = new JWKSelector(new JWKMatcher.Builder().keyType(KeyType.RSA)
                .keyUses(KeyUse.ENCRYPTION, null).keyID(header.getKeyID()).privateOnly(true).build())
                .select(decryptionKeys);
        if (candidates.isEmpty() && header.getKeyID() != null) {
            throw new CieAuthenticationException(CieError.INVALID_TOKEN, what + " is encrypted to an unknown key (kid "
                    + CallbackReader.Detail.of(header.getKeyID()) + ")");
        }
        for (JWK candidate : candidates) {
            try {
                jwe.decrypt(new RSADecrypter((RSAKey) candidate));
                SignedJWT inner = jwe.getPayload().toSignedJWT();
                if (inner == null) {
                    throw new CieAuthenticationException(CieError.SIGNATURE_MISSING, what
                            + " is encrypted but holds no signed JWT");
                }
                return inner;
            } catch (JOSEException e) {
                // another candidate key may be the right one (rollover without kid)
            }
        }
        throw new CieAuthenticationException(CieError.INVALID_TOKEN, what + " cannot be decrypted with the RP's keys");
    }

    private static void verify(SignedJWT jwt, String what, JWKSet providerKeys) throws CieAuthenticationException {
        JWSHeader header = jwt.getHeader();
        if (!ProfileAlgorithms.SIGNATURE.contains(header.getAlgorithm())) {
            throw new CieAuthenticationException(CieError.SIGNATURE_ALGORITHM_NOT_ALLOWED, what + " is signed with "
                    + header.getAlgorithm() + ", not a profile algorithm");
        }
        List<JWK> candidates = new JWKSelector(new JWKMatcher.Builder()
                .keyType(KeyType.forAlgorithm(header.getAlgorithm())).keyUses(KeyUse.SIGNATURE, null)
                .keyID(header.getKeyID()).build()).select(providerKeys);
        if (candidates.isEmpty()) {
            throw new CieAuthenticationException(CieError.SIGNATURE_INVALID, what + " names a key the OP does not "
                    + "publish (kid " + CallbackReader.Detail.of(header.getKeyID()) + ")");
        }
        List<String> failures = new ArrayList<>();
        for (JWK candidate : candidates) {
            try {
                Key key = candidate instanceof RSAKey ? ((RSAKey) candidate).toPublicKey()
                        : ((ECKey) candidate).toPublicKey();
                JWSVerifier verifier = new DefaultJWSVerifierFactory().createJWSVerifier(header, key);
                if (jwt.verify(verifier)) {
                    return;
                }
                failures.add(candidate.getKeyID());
            } catch (JOSEException e) {
                failures.add(candidate.getKeyID() + ": " + e.getMessage());
            }
        }
        throw new CieAuthenticationException(CieError.SIGNATURE_INVALID, what + " signature does not verify with the "
                + "OP's keys " + failures);
    }
}
