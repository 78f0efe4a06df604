package io.github.cieservlet.evidence;

import java.util.Objects;

/** A position in a hash chain: a record's seq and hash. Immutable. */
public final class ChainLink {

    private final long seq;
    private final String hash;

    /**
     * @param seq the record's seq
     * @param hash the record's hash
     */
    public ChainLink(long seq, String hash) {
        this.seq = seq;
        this.hash = Objects.requireNonNull(hash, "hash");
    }

    /** @return the seq */
    public long seq() {
        return seq;
    }

    /** @return the hash */
    public String hash() {
        return hash;
    }

    @Override
    public String toString() {
        return "seq " + seq + " (hash " + hash + ")";
    }
}
