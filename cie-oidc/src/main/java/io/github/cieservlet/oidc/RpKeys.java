package io.github.cieservlet.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.github.cieservlet.config.SpCredentials;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The relying party's keys as JWKs: the current signing key (entity configuration, request objects, client
 * assertions), signing keys published for a rollover, and the encryption keys the OP encrypts ID tokens and UserInfo
 * to. Each {@code kid} is the RFC 7638 thumbprint of the key; when the same key pair serves signing and encryption,
 * the encryption JWK's {@code kid} gets the suffix {@code -enc} so that no two entries of the JWKS share a kid.
 */
public final class RpKeys {

    private final RSAKey signing;
    private final List<RSAKey> publishedSigning;
    private final List<RSAKey> encryption;

    private RpKeys(RSAKey signing, List<RSAKey> publishedSigning, List<RSAKey> encryption) {
        this.signing = signing;
        this.publishedSigning = List.copyOf(publishedSigning);
        this.encryption = List.copyOf(encryption);
    }

    /**
     * @param signing the key that signs now (the SP keystore's key)
     * @param rollover signing keys published too: the next key before a switch, or the previous one after it
     * @param encryption the encryption keys, first the current one; empty to encrypt to the signing key pair
     * @return the keys
     */
    public static RpKeys of(SpCredentials signing, List<SpCredentials> rollover, List<SpCredentials> encryption) {
        Objects.requireNonNull(signing, "signing");
        RSAKey current = jwk(signing, KeyUse.SIGNATURE, "");
        List<RSAKey> published = new ArrayList<>();
        published.add(current);
        for (SpCredentials next : rollover) {
            published.add(jwk(next, KeyUse.SIGNATURE, ""));
        }
        Set<String> signingKids = new HashSet<>();
        published.forEach(k -> signingKids.add(k.getKeyID()));
        List<RSAKey> enc = new ArrayList<>();
        for (SpCredentials e : encryption.isEmpty() ? List.of(signing) : encryption) {
            RSAKey plain = jwk(e, KeyUse.ENCRYPTION, "");
            enc.add(signingKids.contains(plain.getKeyID()) ? jwk(e, KeyUse.ENCRYPTION, "-enc") : plain);
        }
        return new RpKeys(current, published, enc);
    }

    private static RSAKey jwk(SpCredentials credentials, KeyUse use, String kidSuffix) {
        try {
            RSAKey bare = new RSAKey.Builder((RSAPublicKey) credentials.certificate().getPublicKey()).build();
            return new RSAKey.Builder((RSAPublicKey) credentials.certificate().getPublicKey())
                    .privateKey(credentials.privateKey())
                    .keyUse(use)
                    .keyID(bare.computeThumbprint().toString() + kidSuffix)
                    .build();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot compute the JWK thumbprint", e);
        }
    }

    /** @return the current signing key, with its private part */
    public RSAKey signingKey() {
        return signing;
    }

    /** @return the encryption keys with their private parts, the current one first */
    public List<RSAKey> encryptionKeys() {
        return encryption;
    }

    /** @return the public signing keys (the entity configuration's federation {@code jwks}) */
    public JWKSet federationJwks() {
        return new JWKSet(new ArrayList<JWK>(publishedSigning)).toPublicJWKSet();
    }

    /** @return the public signing and encryption keys (the {@code openid_relying_party} {@code jwks}) */
    public JWKSet relyingPartyJwks() {
        List<JWK> all = new ArrayList<>(publishedSigning);
        all.addAll(encryption);
        return new JWKSet(all).toPublicJWKSet();
    }

    /** @return the encryption keys as a set, private parts included, for decryption only */
    JWKSet decryptionJwks() {
        return new JWKSet(new ArrayList<JWK>(encryption));
    }
}
