package io.github.cieservlet.evidence;

/** An evidence store cannot record or read now (database down, disk full, file locked, unreadable data). */
public class EvidenceStoreException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, for the log
     * @param cause the underlying failure, or null
     */
    public EvidenceStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param message what failed, for the log */
    public EvidenceStoreException(String message) {
        super(message);
    }
}
