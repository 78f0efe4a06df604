package io.github.cieservlet.store;

import io.github.cieservlet.config.CieConfigException;
import io.github.cieservlet.config.CieParam;
import io.github.cieservlet.config.JndiDataSource;
import io.github.cieservlet.config.StateStoreLocation;
import io.github.cieservlet.logging.Log;
import java.time.Clock;

/** Builds the {@link ReplayCache} {@code cie.stateStore} names, at startup. */
public final class ReplayCaches {

    private static final Log LOG = Log.of(ReplayCaches.class);

    private ReplayCaches() {
    }

    /**
     * @param location {@code cie.stateStore}
     * @param maxMemoryEntries the bound of the in-memory cache
     * @param classLoader the web application's class loader (JCache provider)
     * @param clock the clock expiries are read against
     * @return the replay cache
     * @throws io.github.cieservlet.config.CieConfigException naming {@code cie.stateStore} when the store cannot be used
     */
    public static ReplayCache open(StateStoreLocation location, int maxMemoryEntries, ClassLoader classLoader,
            Clock clock) {
        switch (location.kind()) {
            case JNDI:
                LOG.info("Replay cache and answered requests kept in the database {}", location.name());
                return new JdbcReplayCache(JndiDataSource.lookup(location.name(), CieParam.STATE_STORE),
                        location.name(), clock);
            case JCACHE:
                return jcache(location.name(), classLoader, clock);
            default:
                LOG.info("Replay cache and answered requests kept in this JVM's memory: with several nodes, set"
                        + " cie.stateStore to a shared jcache: cache or jndi: database");
                return new InMemoryReplayCache(maxMemoryEntries, clock);
        }
    }

    private static ReplayCache jcache(String cacheName, ClassLoader classLoader, Clock clock) {
        try {
            Class.forName("javax.cache.Caching", false, ReplayCaches.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw CieConfigException.of(CieParam.STATE_STORE, "the JCache API (javax.cache:cache-api 1.1) is not"
                    + " on the class path; add it and a provider (Hazelcast, Ehcache, Infinispan) to WEB-INF/lib, or"
                    + " use jndi:java:comp/env/jdbc/<name>");
        }
        try {
            ReplayCache cache = JCacheReplayCache.open(cacheName, classLoader, clock);
            LOG.info("Replay cache and answered requests kept in the JCache cache {}", cacheName);
            return cache;
        } catch (RuntimeException e) {
            throw CieConfigException.of(CieParam.STATE_STORE, "cannot open the JCache cache " + cacheName + " ("
                    + e.getMessage() + "); check that exactly one JCache provider is on the class path and"
                    + " configured to join the other nodes");
        }
    }
}
