package io.github.cieservlet.saml;

import java.security.SecureRandom;

/** Makes the IDs of outgoing SAML messages. */
public final class SamlIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int RANDOM_BYTES = 16;

    private SamlIds() {
    }

    /**
     * @return {@code _} followed by 32 lower-case hex digits (128 random bits): a valid xs:ID, unguessable and
     *     unique for all practical purposes
     */
    public static String newId() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        StringBuilder id = new StringBuilder(1 + 2 * RANDOM_BYTES).append('_');
        for (byte b : bytes) {
            id.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
        }
        return id.toString();
    }
}
