package io.github.cieservlet.saml;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.config.ResourceLocation;
import io.github.cieservlet.logging.Causes;
import io.github.cieservlet.logging.Log;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serves the identity provider's metadata, loaded lazily on first use (the bundled test IdP lives in the same
 * web application and is not listening yet while it starts), cached and reloaded once the refresh interval has
 * passed.
 *
 * <p>When a reload fails the metadata loaded before keeps being served (a WARN is logged) and the reload is
 * retried after {@link #RETRY_INTERVAL}. When no metadata was ever loaded, callers get
 * {@link CieError#IDP_METADATA_UNAVAILABLE} and the source is tried again at most once per
 * {@link #RETRY_INTERVAL}, however many logins arrive; with a last good copy on disk ({@link IdpMetadataPolicy})
 * that copy is served until the source answers. New metadata replaces the metadata in use only when the
 * {@link IdpMetadataPolicy} accepts it (validUntil, same entity, pinned keys); a key change is logged at WARN.
 * Thread-safe: one thread loads at a time; while it
 * reloads, the others keep getting the current metadata without waiting.
 */
public final class IdpMetadataProvider {

    /** Shortest time between two attempts after a failed load. */
    public static final Duration RETRY_INTERVAL = Duration.ofSeconds(30);

    private static final Log LOG = Log.of(IdpMetadataProvider.class);

    private final ResourceLocation location;
    private final Duration refresh;
    private final ClassLoader loader;
    private final Clock clock;
    private final IdpMetadataPolicy policy;
    private final Set<String> reportedUnpinned = ConcurrentHashMap.newKeySet();
    private final ReentrantLock loadLock = new ReentrantLock();
    private volatile State state = new State(null, Instant.MIN, null);
    private volatile Instant loadedAt;
    private volatile Instant lastAttempt;
    private volatile String lastOutcome = "not loaded yet";

    /**
     * Reads nothing yet.
     *
     * @param location where the metadata is published
     * @param refresh how long loaded metadata is used before it is read again; positive
     * @param loader the class loader for {@code classpath:} locations
     * @param clock the clock deciding when to reload
     */
    public IdpMetadataProvider(ResourceLocation location, Duration refresh, ClassLoader loader, Clock clock) {
        this(location, refresh, loader, clock, IdpMetadataPolicy.NONE);
    }

    /**
     * Reads nothing yet.
     *
     * @param location where the metadata is published
     * @param refresh how long loaded metadata is used before it is read again; positive
     * @param loader the class loader for {@code classpath:} locations
     * @param clock the clock deciding when to reload
     * @param policy what new metadata must satisfy, and the last good copy on disk
     */
    public IdpMetadataProvider(ResourceLocation location, Duration refresh, ClassLoader loader, Clock clock,
            IdpMetadataPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.location = Objects.requireNonNull(location, "location");
        this.refresh = Objects.requireNonNull(refresh, "refresh");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (refresh.isZero() || refresh.isNegative()) {
            throw new IllegalArgumentException("the metadata refresh interval must be positive");
        }
    }

    /**
     * @return the current metadata, loading or reloading it first when due
     * @throws CieAuthenticationException with {@link CieError#IDP_METADATA_UNAVAILABLE} when it was never loaded
     */
    public IdpMetadata current() throws CieAuthenticationException {
        State seen = state;
        if (!isDue(seen)) {
            return served(seen);
        }
        if (seen.metadata == null) {
            loadLock.lock();
        } else if (!loadLock.tryLock()) {
            return seen.metadata;
        }
        try {
            State latest = state;
            if (isDue(latest)) {
                latest = load(latest);
                state = latest;
            }
            return served(latest);
        } finally {
            loadLock.unlock();
        }
    }

    private boolean isDue(State current) {
        return !clock.instant().isBefore(current.nextLoad);
    }

    private State load(State previous) {
        Instant now = clock.instant();
        try {
            byte[] document = location.read(loader);
            IdpMetadata metadata = accepted(IdpMetadataParser.parse(document), previous.metadata, now);
            LOG.info("IdP metadata loaded from {}: entity {}, {} signing certificate(s)", location,
                    metadata.entityId(), metadata.signingCertificates().size());
            saveLastGood(document);
            loadedAt = now;
            lastAttempt = now;
            lastOutcome = "loaded";
            return new State(metadata, now.plus(refresh), null);
        } catch (IOException | SamlXmlException | RuntimeException e) {
            Instant retry = now.plus(RETRY_INTERVAL);
            lastAttempt = now;
            lastOutcome = "failed: " + e.getMessage();
            if (previous.metadata != null) {
                LOG.warn("cannot reload the IdP metadata from {} ({}); still using the metadata loaded before, "
                        + "next attempt after {}", location, Causes.describe(e), retry);
                return new State(previous.metadata, retry, e);
            }
            return new State(lastGood(now, e).orElse(null), retry, e);
        }
    }

    /** Checks new metadata against the policy; logs a key change (WARN) and a key outside the pins (ERROR, once). */
    private IdpMetadata accepted(IdpMetadata candidate, IdpMetadata current, Instant now) throws SamlXmlException {
        for (String unpinned : policy.unpinned(candidate)) {
            if (reportedUnpinned.add(unpinned)) {
                LOG.error("The IdP metadata from {} names the signing certificate {}, which is not in"
                        + " cie.idpCertificatePins: refused. If the Ministry changed its key, check the new"
                        + " fingerprint with them and add it to the pins", location, unpinned);
            }
        }
        Optional<String> refusal = policy.refusal(candidate, current, now);
        if (refusal.isPresent()) {
            throw new SamlXmlException("the new metadata is refused: " + refusal.get());
        }
        if (current != null) {
            Set<String> before = fingerprints(current);
            Set<String> after = fingerprints(candidate);
            if (!before.equals(after)) {
                LOG.warn("The IdP signing certificate changed: was {}, now {}", before, after);
            }
        }
        return candidate;
    }

    private static Set<String> fingerprints(IdpMetadata metadata) {
        Set<String> fingerprints = new TreeSet<>();
        metadata.signingCertificates().forEach(c -> fingerprints.add(IdpMetadataPolicy.fingerprint(c)));
        return fingerprints;
    }

    private void saveLastGood(byte[] document) {
        policy.cacheFile().ifPresent(file -> {
            try {
                AtomicFiles.replace(file, document);
            } catch (IOException e) {
                LOG.warn("cannot keep the last good IdP metadata in {} (cie.idpMetadataCache): {}", file, e.toString());
            }
        });
    }

    /** The last good copy on disk, when the source cannot be read and nothing was loaded yet. */
    private Optional<IdpMetadata> lastGood(Instant now, Exception sourceFailure) {
        Optional<Path> file = policy.cacheFile().filter(Files::isRegularFile);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            IdpMetadata metadata = accepted(IdpMetadataParser.parse(Files.readAllBytes(file.get())), null, now);
            LOG.warn("cannot load the IdP metadata from {} ({}); using the last good copy {} of {}", location,
                    sourceFailure.getMessage(), file.get(), Files.getLastModifiedTime(file.get()));
            return Optional.of(metadata);
        } catch (IOException | SamlXmlException | RuntimeException e) {
            LOG.warn("the last good IdP metadata {} cannot be used either: {}", file.get(), e.getMessage());
            return Optional.empty();
        }
    }

    /** @return when metadata was last loaded from its source, if ever */
    public Optional<Instant> loadedAt() {
        return Optional.ofNullable(loadedAt);
    }

    /** @return when the source was last read, if ever */
    public Optional<Instant> lastAttempt() {
        return Optional.ofNullable(lastAttempt);
    }

    /** @return "loaded", "failed: ..." or "not loaded yet": the outcome of the last read */
    public String lastOutcome() {
        return lastOutcome;
    }

    /** @return the metadata in use, without loading anything */
    public Optional<IdpMetadata> inUse() {
        return Optional.ofNullable(state.metadata);
    }

    /** Reloads the metadata when it is due (the scheduled refresh); a failure is logged, never thrown. */
    public void refreshIfDue() {
        try {
            current();
        } catch (CieAuthenticationException e) {
            LOG.warn("IdP metadata refresh: {}", e.getMessage());
        }
    }

    private IdpMetadata served(State current) throws CieAuthenticationException {
        if (current.metadata != null) {
            return current.metadata;
        }
        throw new CieAuthenticationException(CieError.IDP_METADATA_UNAVAILABLE, "cannot load the IdP metadata from "
                + location + " (" + Causes.describe(current.failure) + "); next attempt after " + current.nextLoad,
                current.failure);
    }

    /** What is served, until when, and why the last load failed. */
    private static final class State {
        private final IdpMetadata metadata;
        private final Instant nextLoad;
        private final Exception failure;

        State(IdpMetadata metadata, Instant nextLoad, Exception failure) {
            this.metadata = metadata;
            this.nextLoad = nextLoad;
            this.failure = failure;
        }
    }
}
