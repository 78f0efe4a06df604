package io.github.cieservlet.evidence;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a store's chain starts: the seq and hash of the last record purged by retention (seq 0 and
 * {@link EvidenceRecord#GENESIS} when nothing was ever purged). The first record kept must follow it.
 */
public final class Checkpoint {

    /** The checkpoint of a store that never purged. */
    public static final Checkpoint ORIGIN = new Checkpoint(0, EvidenceRecord.GENESIS, Instant.EPOCH);

    private final long seq;
    private final String hash;
    private final Instant purgedAt;

    /**
     * @param seq the seq of the last purged record
     * @param hash its hash
     * @param purgedAt when it was purged
     */
    public Checkpoint(long seq, String hash, Instant purgedAt) {
        this.seq = seq;
        this.hash = Objects.requireNonNull(hash, "hash");
        this.purgedAt = Objects.requireNonNull(purgedAt, "purgedAt");
    }

    /** @return the seq of the last purged record (0: none) */
    public long seq() {
        return seq;
    }

    /** @return its hash, the previous hash of the first record kept */
    public String hash() {
        return hash;
    }

    /** @return when the purge happened */
    public Instant purgedAt() {
        return purgedAt;
    }

    @Override
    public String toString() {
        return "seq " + seq + " hash " + hash;
    }
}
