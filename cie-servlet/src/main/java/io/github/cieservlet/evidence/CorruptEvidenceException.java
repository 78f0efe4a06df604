package io.github.cieservlet.evidence;

/** Stored evidence that cannot be read as a record at all (a line or row altered beyond parsing). */
public final class CorruptEvidenceException extends EvidenceStoreException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message where and what, e.g. the file and line
     * @param cause the parse failure
     */
    public CorruptEvidenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
