package io.github.cieservlet.tools;

/**
 * A file, keystore or configuration cannot be used; the message says which and why. Exit code
 * {@link ExitCode#IO_OR_CONFIG}.
 */
public final class ToolException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what cannot be used and why */
    public ToolException(String message) {
        super(message);
    }

    /**
     * @param message what cannot be used and why
     * @param cause the underlying error, printed only with {@code --debug}
     */
    public ToolException(String message, Throwable cause) {
        super(message, cause);
    }
}
