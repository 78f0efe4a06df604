package io.github.cieservlet.store;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ModifiedExpiryPolicy;
import javax.cache.spi.CachingProvider;

/**
 * A {@link ReplayCache} on a JCache (JSR-107) cache shared by the nodes ({@code cie.stateStore=jcache:name}):
 * Hazelcast, Infinispan (WildFly), Ehcache... Each ID maps to its expiry in epoch milliseconds; the atomic
 * {@code putIfAbsent} and {@code replace(key, old, new)} decide which node wins. The JCache API is an optional
 * dependency: this class is loaded only when that store is configured.
 *
 * <p>A cache the library creates expires entries one day after their last change; a cache the operator
 * configures must keep entries at least that long and must not evict them for size (a forgotten ID could be
 * replayed). A failing cache is a {@link StateStoreUnavailableException}: the login fails closed.
 */
public final class JCacheReplayCache implements ReplayCache {

    /** How long the cache keeps an entry after its last change, when the library creates the cache. */
    static final Duration ENTRY_LIFETIME = new Duration(TimeUnit.DAYS, 1);

    private final Cache<Object, Object> cache;
    private final String cacheName;
    private final Clock clock;

    /**
     * @param cache the shared cache
     * @param clock the clock expiries are read against
     */
    public JCacheReplayCache(Cache<Object, Object> cache, Clock clock) {
        this.cache = cache;
        this.cacheName = cache.getName();
        this.clock = clock;
    }

    /**
     * Finds the named cache of the default caching provider (the one on the web application's class path or
     * the container's), creating it when the provider has none of that name.
     *
     * @param cacheName the cache's name
     * @param classLoader the web application's class loader
     * @param clock the clock expiries are read against
     * @return the replay cache
     * @throws javax.cache.CacheException when there is no (or more than one) caching provider
     */
    public static ReplayCache open(String cacheName, ClassLoader classLoader, Clock clock) {
        return open(Caching.getCachingProvider(classLoader), cacheName, clock);
    }

    /**
     * Finds or creates the named cache of a caching provider, through the provider's default URI and class
     * loader: the cache's name is then the same on every node (a web application's own class loader would make
     * some providers, Hazelcast among them, name the cache after it, and each node would have its own).
     *
     * @param provider the caching provider
     * @param cacheName the cache's name
     * @param clock the clock expiries are read against
     * @return the replay cache
     */
    public static ReplayCache open(CachingProvider provider, String cacheName, Clock clock) {
        CacheManager manager = provider.getCacheManager(provider.getDefaultURI(), provider.getDefaultClassLoader());
        Cache<Object, Object> cache = manager.getCache(cacheName);
        if (cache == null) {
            try {
                cache = manager.createCache(cacheName, new MutableConfiguration<>()
                        .setExpiryPolicyFactory(ModifiedExpiryPolicy.factoryOf(ENTRY_LIFETIME)));
            } catch (javax.cache.CacheException e) {
                cache = manager.getCache(cacheName); // created by another node at the same moment
                if (cache == null) {
                    throw e;
                }
            }
        }
        return new JCacheReplayCache(cache, clock);
    }

    /**
     * {@inheritDoc}
     *
     * @throws StateStoreUnavailableException when the cache fails (cluster unreachable, cache closed)
     */
    @Override
    public boolean firstUse(String id, Instant expiry) {
        try {
            return firstUseInCache(id, expiry);
        } catch (RuntimeException e) { // javax.cache.CacheException, or the provider's own (e.g. Hazelcast's)
            throw new StateStoreUnavailableException("the shared state store (cie.stateStore) in the JCache cache "
                    + cacheName + " cannot be used: " + e, e);
        }
    }

    private boolean firstUseInCache(String id, Instant expiry) {
        Long until = expiry.toEpochMilli();
        if (cache.putIfAbsent(id, until)) {
            return true;
        }
        Object previous = cache.get(id);
        if (previous == null) {
            return cache.putIfAbsent(id, until); // evicted in between
        }
        // An ID whose time is over is as good as new; of two nodes replacing the same old value, one wins.
        return previous instanceof Long && (Long) previous < clock.instant().toEpochMilli()
                && cache.replace(id, previous, until);
    }
}
