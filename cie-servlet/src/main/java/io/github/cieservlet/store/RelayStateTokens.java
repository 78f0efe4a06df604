package io.github.cieservlet.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque random tokens: 32 bytes from {@link SecureRandom}, base64url without padding (43 characters, under
 * the 80-byte RelayState limit of SAML bindings). They reveal nothing about the page being requested.
 */
public final class RelayStateTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RelayStateTokens() {
    }

    /** @return a new unguessable token */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * @param token a token
     * @return its SHA-256, base64url: what is stored, so a memory dump does not reveal the cookie value
     */
    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
