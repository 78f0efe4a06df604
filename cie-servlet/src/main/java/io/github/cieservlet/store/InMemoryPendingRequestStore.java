package io.github.cieservlet.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A bounded {@link PendingRequestStore} in this JVM's memory. Entries are kept a grace period past their
 * expiry (so a late answer is reported as expired), then dropped. In a cluster, route the Assertion Consumer
 * Service to the node that started the login (sticky sessions on the binding cookie) or plug in a shared store.
 */
public final class InMemoryPendingRequestStore implements PendingRequestStore {

    private static final Duration GRACE = Duration.ofMinutes(10);

    private final ConcurrentMap<String, PendingRequest> requests = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final Clock clock;

    /**
     * @param maxEntries most logins in progress at once (bounds memory against floods of login requests)
     * @param clock the clock expiries are read against
     */
    public InMemoryPendingRequestStore(int maxEntries, Clock clock) {
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    @Override
    public boolean save(String relayState, PendingRequest request) {
        if (requests.size() >= maxEntries) {
            Instant cutoff = clock.instant().minus(GRACE);
            requests.values().removeIf(r -> r.expiresAt().isBefore(cutoff));
            if (requests.size() >= maxEntries) {
                return false;
            }
        }
        return requests.putIfAbsent(relayState, request) == null;
    }

    @Override
    public Optional<PendingRequest> consume(String relayState) {
        return relayState == null ? Optional.empty() : Optional.ofNullable(requests.remove(relayState));
    }
}
