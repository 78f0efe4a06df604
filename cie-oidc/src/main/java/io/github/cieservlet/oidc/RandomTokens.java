package io.github.cieservlet.oidc;

import java.security.SecureRandom;

/** Random alphanumeric values for {@code state}, {@code nonce} and {@code jti}: the profile asks for at least 32. */
final class RandomTokens {

    /** Length of a generated value: 43 alphanumeric characters carry about 256 bits. */
    static final int LENGTH = 43;

    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomTokens() {
    }

    /** @return a new random alphanumeric value of {@value #LENGTH} characters */
    static String next() {
        char[] out = new char[LENGTH];
        for (int i = 0; i < out.length; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }
}
