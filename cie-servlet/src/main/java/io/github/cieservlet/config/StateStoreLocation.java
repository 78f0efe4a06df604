package io.github.cieservlet.config;

import java.util.Objects;

/**
 * Where the library keeps the state it shares across a login ({@code cie.stateStore}): the once-only record of
 * answered requests and the replay cache of Response and Assertion IDs. {@code memory} (one node), a JCache
 * cache shared by the nodes ({@code jcache:cie-replay}), or a database ({@code jndi:java:comp/env/jdbc/cie}).
 * Immutable.
 */
public final class StateStoreLocation {

    /** The kinds of store. */
    public enum Kind {
        /** This JVM's memory: one node, or nodes with sticky sessions. */
        MEMORY,
        /** A JCache (JSR-107) cache by name. */
        JCACHE,
        /** A JNDI DataSource. */
        JNDI
    }

    /** This JVM's memory. */
    public static final StateStoreLocation MEMORY = new StateStoreLocation(Kind.MEMORY, "");

    private final Kind kind;
    private final String name;

    private StateStoreLocation(Kind kind, String name) {
        this.kind = kind;
        this.name = name;
    }

    /**
     * @param text the value of {@code cie.stateStore}
     * @return the location
     * @throws IllegalArgumentException with a message that says what to write instead
     */
    public static StateStoreLocation parse(String text) {
        Objects.requireNonNull(text, "text");
        if ("memory".equals(text)) {
            return MEMORY;
        }
        for (Kind kind : new Kind[] {Kind.JCACHE, Kind.JNDI}) {
            String prefix = kind.name().toLowerCase(java.util.Locale.ROOT) + ":";
            if (text.startsWith(prefix)) {
                String name = text.substring(prefix.length()).trim();
                if (name.isEmpty()) {
                    throw new IllegalArgumentException(prefix + " needs a name, e.g. "
                            + (kind == Kind.JCACHE ? "jcache:cie-replay" : "jndi:java:comp/env/jdbc/cie"));
                }
                return new StateStoreLocation(kind, name);
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not valid; use memory, jcache:<cache name> (a JCache"
                + " cache shared by the nodes) or jndi:java:comp/env/jdbc/<name> (a container DataSource)");
    }

    /** @return the kind */
    public Kind kind() {
        return kind;
    }

    /** @return the cache name (JCACHE) or JNDI name (JNDI) */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return kind == Kind.MEMORY ? "memory" : kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + name;
    }
}
