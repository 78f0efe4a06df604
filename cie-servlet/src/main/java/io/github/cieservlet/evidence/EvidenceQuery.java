package io.github.cieservlet.evidence;

import java.time.Instant;
import java.util.Objects;

/** Which records to read: all, those of one fiscal code, or those recorded in a time range. Immutable. */
public final class EvidenceQuery {

    private static final EvidenceQuery ALL = new EvidenceQuery(null, null, null);

    private final String fiscalCode;
    private final Instant from;
    private final Instant to;

    private EvidenceQuery(String fiscalCode, Instant from, Instant to) {
        this.fiscalCode = fiscalCode;
        this.from = from;
        this.to = to;
    }

    /** @return every record, in chain order */
    public static EvidenceQuery all() {
        return ALL;
    }

    /**
     * @param fiscalCode a fiscal code exactly as recorded (e.g. {@code TINIT-RSSMRA80A01H501U})
     * @return the accepted logins of that citizen
     */
    public static EvidenceQuery fiscalCode(String fiscalCode) {
        return new EvidenceQuery(Objects.requireNonNull(fiscalCode, "fiscalCode"), null, null);
    }

    /**
     * @param from first instant included
     * @param to first instant excluded
     * @return the records recorded in {@code [from, to)}
     */
    public static EvidenceQuery recordedBetween(Instant from, Instant to) {
        return new EvidenceQuery(null, Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to"));
    }

    /** @return the fiscal code selected, or null */
    public String fiscalCode() {
        return fiscalCode;
    }

    /** @return the start of the time range, or null */
    public Instant from() {
        return from;
    }

    /** @return the end (excluded) of the time range, or null */
    public Instant to() {
        return to;
    }

    /** @return whether this selects every record */
    public boolean isAll() {
        return fiscalCode == null && from == null;
    }

    /**
     * @param record a record
     * @return whether the query selects it
     */
    public boolean matches(EvidenceRecord record) {
        if (fiscalCode != null) {
            return fiscalCode.equals(record.entry().fiscalCode());
        }
        if (from != null) {
            return !record.recordedAt().isBefore(from) && record.recordedAt().isBefore(to);
        }
        return true;
    }

    @Override
    public String toString() {
        if (fiscalCode != null) {
            return "fiscalCode=" + fiscalCode;
        }
        return from == null ? "all" : "recordedAt in [" + from + ", " + to + ")";
    }
}
