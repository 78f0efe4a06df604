package io.github.cieservlet.saml.validation;

/**
 * Turns values taken from a received message into text that is safe to put in a refusal detail (and so in a
 * log line): quoted, shortened, and without control characters that could forge extra log lines.
 *
 * <p>Only for values that are not personal data (IDs, URLs, URIs, instants); personal data is never passed here.
 */
public final class Detail {

    private static final int MAX_LENGTH = 160;

    private Detail() {
    }

    /**
     * @param value a value as received, possibly null
     * @return the value in single quotes, shortened and with control characters escaped, or {@code (absent)}
     */
    public static String quote(Object value) {
        if (value == null) {
            return "(absent)";
        }
        String text = value.toString();
        boolean shortened = text.length() > MAX_LENGTH;
        String kept = shortened ? text.substring(0, MAX_LENGTH) : text;
        StringBuilder quoted = new StringBuilder(kept.length() + 8).append('\'');
        for (int i = 0; i < kept.length(); i++) {
            char c = kept.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        quoted.append('\'');
        if (shortened) {
            quoted.append("...");
        }
        return quoted.toString();
    }
}
