package io.github.cieservlet.store;

/**
 * The shared state store ({@code cie.stateStore}: a database or a JCache cluster) cannot be used now, so nothing
 * can be checked as used once: the login is refused ({@link io.github.cieservlet.CieError#STATE_STORE_UNAVAILABLE},
 * 503) rather than completed without its replay protection. The message names the store and the engine's error,
 * for the one log line.
 */
public final class StateStoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message which store failed and how, for the log
     * @param cause the engine's failure
     */
    public StateStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
