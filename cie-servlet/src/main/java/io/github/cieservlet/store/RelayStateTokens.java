package io.github.cieservlet.store;

import java.security.SecureRandom;
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

}
