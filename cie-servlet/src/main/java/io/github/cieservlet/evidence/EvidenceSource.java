package io.github.cieservlet.evidence;

import java.util.Optional;

/** Read access to an evidence store or export: its checkpoint, its head and its records in chain order. */
public interface EvidenceSource {

    /** Receives records one by one. */
    @FunctionalInterface
    interface RecordVisitor {
        /**
         * @param record the next record
         * @throws EvidenceStoreException to stop reading
         */
        void visit(EvidenceRecord record) throws EvidenceStoreException;
    }

    /**
     * @return where the kept chain starts ({@link Checkpoint#ORIGIN} when nothing was purged)
     * @throws EvidenceStoreException when the store cannot be read
     */
    Checkpoint checkpoint() throws EvidenceStoreException;

    /**
     * @return the last record the store says it wrote, when it keeps that apart from the records (so that
     *         records deleted at the end of the chain are detected); empty when it does not
     * @throws EvidenceStoreException when the store cannot be read
     */
    Optional<ChainLink> head() throws EvidenceStoreException;

    /**
     * @param query which records
     * @param visitor receives them, in ascending seq
     * @throws EvidenceStoreException when the store cannot be read, or from the visitor
     */
    void forEach(EvidenceQuery query, RecordVisitor visitor) throws EvidenceStoreException;
}
