package io.github.cieservlet.evidence;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Objects;

/**
 * One stored piece of evidence: an {@link EvidenceEntry} with its place in the store's hash chain (sequence
 * number, the hash of the previous record) and its own hash. Immutable.
 *
 * <p>The hash is SHA-256, lower-case hex, over the fields in this fixed order, each written as a 4-byte
 * big-endian length followed by its UTF-8 bytes ({@code -1} and no bytes for an absent value): the format
 * tag {@code cie-evidence-v1}, seq, previousHash, recordedAt, requestId, requestedAt, receivedAt,
 * idpEntityId, outcome, errorCode, fiscalCode, authnRequestXml, responseBase64; numbers and times in decimal
 * (times as milliseconds since 1970-01-01T00:00Z). docs/operations.md gives the same recipe to auditors.
 */
public final class EvidenceRecord {

    /** The previous hash of the first record of a store: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    private static final String FORMAT = "cie-evidence-v1";

    private final long seq;
    private final Instant recordedAt;
    private final String previousHash;
    private final EvidenceEntry entry;
    private final String hash;

    private EvidenceRecord(long seq, Instant recordedAt, String previousHash, EvidenceEntry entry, String hash) {
        this.seq = seq;
        this.recordedAt = Objects.requireNonNull(recordedAt, "recordedAt");
        this.previousHash = Objects.requireNonNull(previousHash, "previousHash");
        this.entry = Objects.requireNonNull(entry, "entry");
        this.hash = Objects.requireNonNull(hash, "hash");
    }

    /**
     * @param seq the record's place in the chain (1 for the first)
     * @param recordedAt when it is recorded
     * @param previousHash the hash of the record before it, or {@link #GENESIS}
     * @param entry what is recorded
     * @return the new record with its hash
     */
    public static EvidenceRecord chain(long seq, Instant recordedAt, String previousHash, EvidenceEntry entry) {
        Instant at = EvidenceEntry.millis(recordedAt);
        return new EvidenceRecord(seq, at, previousHash, entry, computeHash(seq, at, previousHash, entry));
    }

    /**
     * A record as read back from a store, with the hash that was stored (which {@link #isIntact()} checks).
     *
     * @param seq stored seq
     * @param recordedAt stored time
     * @param previousHash stored previous hash
     * @param entry stored entry
     * @param storedHash stored hash
     * @return the record
     */
    public static EvidenceRecord stored(long seq, Instant recordedAt, String previousHash, EvidenceEntry entry,
            String storedHash) {
        return new EvidenceRecord(seq, recordedAt, previousHash, entry, storedHash);
    }

    /** @return whether the stored hash is the hash of the stored fields (false: the record was altered) */
    public boolean isIntact() {
        return MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII),
                computeHash(seq, recordedAt, previousHash, entry).getBytes(StandardCharsets.US_ASCII));
    }

    private static String computeHash(long seq, Instant recordedAt, String previousHash, EvidenceEntry e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        for (String field : new String[] {FORMAT, Long.toString(seq), previousHash, time(recordedAt),
                e.requestId(), time(e.requestedAt()), time(e.receivedAt()), e.idpEntityId(), e.outcome().name(),
                e.errorCode(), e.fiscalCode(), e.authnRequestXml(), e.responseBase64()}) {
            byte[] bytes = field == null ? null : field.getBytes(StandardCharsets.UTF_8);
            int length = bytes == null ? -1 : bytes.length;
            out.write(length >>> 24);
            out.write(length >>> 16);
            out.write(length >>> 8);
            out.write(length);
            if (bytes != null) {
                out.write(bytes, 0, bytes.length);
            }
        }
        return hex(sha256(out.toByteArray()));
    }

    private static String time(Instant instant) {
        return instant == null ? null : Long.toString(instant.toEpochMilli());
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            text.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return text.toString();
    }

    /** @return the place in the chain, from 1 */
    public long seq() {
        return seq;
    }

    /** @return when the record was committed (to the millisecond) */
    public Instant recordedAt() {
        return recordedAt;
    }

    /** @return the hash of the previous record, or {@link #GENESIS} */
    public String previousHash() {
        return previousHash;
    }

    /** @return what was recorded */
    public EvidenceEntry entry() {
        return entry;
    }

    /** @return this record's hash (as stored) */
    public String hash() {
        return hash;
    }
}
