package io.github.cieservlet.evidence;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.config.CieConfigException;
import io.github.cieservlet.config.CieParam;
import io.github.cieservlet.config.EvidenceLocation;
import io.github.cieservlet.config.JndiDataSource;
import io.github.cieservlet.logging.Log;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Assertion Consumer Service's one door to the evidence store: {@link #accepted} before a login completes
 * (a failure refuses the login with {@link CieError#EVIDENCE_UNAVAILABLE}), {@link #refused} for every refused
 * Response (a failure is logged, the refusal stands), and {@link #purgeExpired} for retention.
 */
public final class EvidenceRecorder implements AutoCloseable {

    private static final Log LOG = Log.of(EvidenceRecorder.class);

    private final EvidenceStore store;
    private final Period retention;
    private final Clock clock;
    private final AtomicLong failures = new AtomicLong();

    /**
     * @param store where to record, or null to record nothing
     * @param retention how long records are kept
     * @param clock the clock the retention cutoff is computed from
     */
    public EvidenceRecorder(EvidenceStore store, Period retention, Clock clock) {
        this.store = store;
        this.retention = retention;
        this.clock = clock;
    }

    /**
     * Opens the store {@code cie.evidence} names: looks the DataSource up in JNDI and creates the tables (a
     * database down now is logged, and tried again at the first login), or opens the directory. With no
     * store, logs a WARN that the duty to keep evidence is not met.
     *
     * @param location {@code cie.evidence}
     * @param retention {@code cie.evidenceRetention}
     * @param clock the clock of the records
     * @return the recorder
     * @throws CieConfigException naming {@code cie.evidence} when the DataSource or directory cannot be used
     */
    public static EvidenceRecorder open(EvidenceLocation location, Period retention, Clock clock) {
        switch (location.kind()) {
            case JNDI:
                JdbcEvidenceStore jdbc = new JdbcEvidenceStore(JndiDataSource.lookup(location.jndiName(),
                        CieParam.EVIDENCE), location.jndiName(), clock);
                try {
                    jdbc.createTablesIfMissing();
                } catch (EvidenceStoreException e) {
                    LOG.error("cie.evidence: {}; logins are refused until the database answers", e.getMessage());
                }
                return started(jdbc, retention, clock);
            case FILE:
                try {
                    return started(FileEvidenceStore.open(location.directory(), clock), retention, clock);
                } catch (EvidenceStoreException e) {
                    throw CieConfigException.of(CieParam.EVIDENCE, e.getMessage()
                            + "; give the server's user a directory of its own");
                }
            case NONE:
                LOG.warn("cie.evidence=none: the evidence of logins (AuthnRequest, Response, times) is NOT kept, so"
                        + " this service provider does not meet its duty to keep it for 24 months");
                return new EvidenceRecorder(null, retention, clock);
            default:
                LOG.warn("cie.evidence is not set: the evidence of logins is NOT kept, so this service provider does"
                        + " not meet its duty to keep it for 24 months; set cie.evidence to jndi:java:comp/env/jdbc/..."
                        + " or file:/..., or to none to say so explicitly");
                return new EvidenceRecorder(null, retention, clock);
        }
    }

    private static EvidenceRecorder started(EvidenceStore store, Period retention, Clock clock) {
        LOG.info("Evidence of logins is kept in {} for {}", store.description(), retention);
        LocalDate today = LocalDate.now(clock);
        if (today.minus(retention).isAfter(today.minusMonths(24))) {
            LOG.warn("cie.evidenceRetention={} is shorter than the 24 months the CIE rules ask for", retention);
        }
        return new EvidenceRecorder(store, retention, clock);
    }

    /** @return whether evidence is kept */
    public boolean enabled() {
        return store != null;
    }

    /** @return the store, when evidence is kept */
    public Optional<EvidenceStore> store() {
        return Optional.ofNullable(store);
    }

    /** @return how many records could not be kept since startup */
    public long failures() {
        return failures.get();
    }

    /**
     * Records an accepted login; the login must complete only if this returns.
     *
     * @param entry the accepted login
     * @throws CieAuthenticationException {@link CieError#EVIDENCE_UNAVAILABLE} when the record cannot be kept
     */
    public void accepted(EvidenceEntry entry) throws CieAuthenticationException {
        if (store == null) {
            return;
        }
        try {
            store.append(entry);
        } catch (EvidenceStoreException | RuntimeException e) {
            failures.incrementAndGet();
            LOG.debug("Evidence store failure", e);
            throw new CieAuthenticationException(CieError.EVIDENCE_UNAVAILABLE, "requestId=" + entry.requestId()
                    + ": the evidence store (" + store.description() + ") cannot keep the login's record, so the"
                    + " login is refused: " + e.getMessage(), e);
        }
    }

    /**
     * Records a refused Response. Never throws: the refusal stands either way; a failure is logged.
     *
     * @param entry the refused Response
     */
    public void refused(EvidenceEntry entry) {
        if (store == null) {
            return;
        }
        try {
            store.append(entry);
        } catch (EvidenceStoreException | RuntimeException e) {
            failures.incrementAndGet();
            LOG.error("The evidence store ({}) cannot keep the record of a refused Response ({}, requestId={}): {}",
                    store.description(), entry.errorCode(), entry.requestId(), e.getMessage());
        }
    }

    /** Purges the records older than the retention period; logs the new checkpoint, or the failure. */
    public void purgeExpired() {
        if (store == null) {
            return;
        }
        Instant cutoff = clock.instant().atZone(ZoneOffset.UTC).minus(retention).toInstant();
        try {
            store.purgeRecordedBefore(cutoff).ifPresent(checkpoint -> LOG.info("Evidence recorded before {} purged"
                    + " ({}); the chain now starts after checkpoint {}", cutoff, store.description(), checkpoint));
        } catch (EvidenceStoreException | RuntimeException e) {
            failures.incrementAndGet();
            LOG.error("Evidence retention purge failed ({}): {}; it is tried again tomorrow", store.description(),
                    e.getMessage());
        }
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
        }
    }
}
