package io.github.cieservlet.evidence;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the evidence of logins is kept: append-only, one hash chain per store, each record durable (committed,
 * or written and forced to disk) when {@link #append} returns.
 */
public interface EvidenceStore extends EvidenceSource, AutoCloseable {

    /**
     * Adds a record at the head of the chain and makes it durable before returning.
     *
     * @param entry what to record
     * @return the record as stored
     * @throws EvidenceStoreException when it cannot be made durable (the caller must not complete the login)
     */
    EvidenceRecord append(EvidenceEntry entry) throws EvidenceStoreException;

    /**
     * Deletes the oldest records, those recorded before a cutoff and only up to the first one that is not, and
     * moves the checkpoint to the last record deleted.
     *
     * @param cutoff records recorded before this instant may go
     * @return the new checkpoint, or empty when nothing was old enough
     * @throws EvidenceStoreException when the store cannot be changed
     */
    Optional<Checkpoint> purgeRecordedBefore(Instant cutoff) throws EvidenceStoreException;

    /** @return what and where the store is, for log lines (never a password) */
    String description();

    /** Releases the store's resources (file lock); the store is not used afterwards. */
    @Override
    void close();
}
