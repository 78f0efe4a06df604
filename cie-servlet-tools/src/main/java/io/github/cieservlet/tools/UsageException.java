package io.github.cieservlet.tools;

/** The command line is wrong; the message says what to change. Exit code {@link ExitCode#USAGE}. */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong with the command line and how to fix it */
    public UsageException(String message) {
        super(message);
    }
}
