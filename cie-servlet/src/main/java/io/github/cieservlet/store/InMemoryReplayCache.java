package io.github.cieservlet.store;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A bounded {@link ReplayCache} in this JVM's memory. {@link #sweep()} drops expired IDs; the service provider
 * runs it on a schedule. When full, expired IDs are dropped at once; if it is still full, new IDs are refused
 * (fail closed: a flood must not make the cache forget a live ID). The ACS records only the IDs of Responses
 * that passed every check (signed by the IdP), so filling it takes real logins at the identity provider.
 */
public final class InMemoryReplayCache implements ReplayCache {

    private final ConcurrentMap<String, Instant> seen = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final Clock clock;

    /**
     * @param maxEntries most IDs remembered at once
     * @param clock the clock expiries are read against
     */
    public InMemoryReplayCache(int maxEntries, Clock clock) {
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    @Override
    public boolean firstUse(String id, Instant expiry) {
        Instant now = clock.instant();
        if (seen.size() >= maxEntries) {
            sweep();
            if (seen.size() >= maxEntries) {
                return false;
            }
        }
        Instant previous = seen.putIfAbsent(id, expiry);
        if (previous == null) {
            return true;
        }
        // An ID whose memory has expired is as good as new only after its own validity is over.
        return previous.isBefore(now) && seen.replace(id, previous, expiry);
    }

    /** Drops the IDs whose expiry has passed. */
    public void sweep() {
        Instant now = clock.instant();
        seen.values().removeIf(e -> e.isBefore(now));
    }

    /** @return how many IDs are remembered now */
    public int size() {
        return seen.size();
    }
}
