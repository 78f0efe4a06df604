package io.github.cieservlet;

import java.util.Objects;

/**
 * A login failed. Carries the stable {@link CieError} that decides what the citizen sees, and a technical
 * detail for the one log line (never shown to the citizen, never containing personal data).
 */
public final class CieAuthenticationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final CieError error;

    /**
     * @param error what went wrong, for the citizen
     * @param detail what exactly was wrong, for the log
     */
    public CieAuthenticationException(CieError error, String detail) {
        super(detail);
        this.error = Objects.requireNonNull(error, "error");
    }

    /**
     * @param error what went wrong, for the citizen
     * @param detail what exactly was wrong, for the log
     * @param cause the underlying failure
     */
    public CieAuthenticationException(CieError error, String detail, Throwable cause) {
        super(detail, cause);
        this.error = Objects.requireNonNull(error, "error");
    }

    /** @return the stable error */
    public CieError error() {
        return error;
    }
}
