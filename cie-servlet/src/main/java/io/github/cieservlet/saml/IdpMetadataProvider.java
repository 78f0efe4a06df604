package io.github.cieservlet.saml;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.config.ResourceLocation;
import io.github.cieservlet.logging.Causes;
import io.github.cieservlet.logging.Log;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serves the identity provider's metadata, loaded lazily on first use (the bundled test IdP lives in the same
 * web application and is not listening yet while it starts), cached and reloaded once the refresh interval has
 * passed.
 *
 * <p>When a reload fails the metadata loaded before keeps being served (a WARN is logged) and the reload is
 * retried after {@link #RETRY_INTERVAL}. When no metadata was ever loaded, callers get
 * {@link CieError#IDP_METADATA_UNAVAILABLE} and the source is tried again at most once per
 * {@link #RETRY_INTERVAL}, however many logins arrive. Thread-safe: one thread loads at a time; while it
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
    private final ReentrantLock loadLock = new ReentrantLock();
    private volatile State state = new State(null, Instant.MIN, null);

    /**
     * Reads nothing yet.
     *
     * @param location where the metadata is published
     * @param refresh how long loaded metadata is used before it is read again; positive
     * @param loader the class loader for {@code classpath:} locations
     * @param clock the clock deciding when to reload
     */
    public IdpMetadataProvider(ResourceLocation location, Duration refresh, ClassLoader loader, Clock clock) {
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
            IdpMetadata metadata = IdpMetadataParser.parse(location.read(loader));
            LOG.info("IdP metadata loaded from {}: entity {}, {} signing certificate(s)", location,
                    metadata.entityId(), metadata.signingCertificates().size());
            return new State(metadata, now.plus(refresh), null);
        } catch (IOException | SamlXmlException | RuntimeException e) {
            Instant retry = now.plus(RETRY_INTERVAL);
            if (previous.metadata != null) {
                LOG.warn("cannot reload the IdP metadata from {} ({}); still using the metadata loaded before, "
                        + "next attempt after {}", location, Causes.describe(e), retry);
            }
            return new State(previous.metadata, retry, e);
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
