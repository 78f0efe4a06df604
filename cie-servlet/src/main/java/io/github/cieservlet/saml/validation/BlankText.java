package io.github.cieservlet.saml.validation;

/**
 * Whether a value taken from a received message says nothing: absent, empty, or made only of white space, in
 * the Unicode sense ({@link Character#isWhitespace} or {@link Character#isSpaceChar}: also the no-break and
 * em spaces that {@link String#trim()} keeps). A required value that is blank is refused like a missing one.
 */
final class BlankText {

    private BlankText() {
    }

    /**
     * @param value a value as received, possibly null
     * @return true when it is null or has no character other than white space
     */
    static boolean isBlank(String value) {
        if (value == null) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                return false;
            }
        }
        return true;
    }
}
