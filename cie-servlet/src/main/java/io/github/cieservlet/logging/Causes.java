package io.github.cieservlet.logging;

/**
 * A failure told by its whole cause chain, so one log line says what really went wrong (an unknown host, a TLS
 * handshake, a timeout) even when an exception has no message of its own.
 */
public final class Causes {

    private static final int MAX_DEPTH = 8;

    private Causes() {
    }

    /**
     * @param failure an exception
     * @return each exception of the chain as {@code SimpleClassName: message}, joined by {@code " <- "}, e.g.
     *     {@code ConnectException: Connection refused} or
     *     {@code SSLHandshakeException: PKIX path building failed <- ValidatorException: ...}
     */
    public static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (depth > 0) {
                text.append(" <- ");
            }
            text.append(current.getClass().getSimpleName());
            if (current.getMessage() != null) {
                text.append(": ").append(current.getMessage());
            }
            Throwable next = current.getCause();
            current = next == current ? null : next;
        }
        return text.toString();
    }
}
