package io.github.cieservlet.store;

import java.time.Instant;

/** Remembers message IDs until they expire, so that no Response or Assertion is accepted twice. */
public interface ReplayCache {

    /**
     * Records an ID if it was not seen before. Atomic: of two concurrent calls with one ID, one wins.
     *
     * @param id a Response or Assertion ID (callers namespace them, e.g. {@code "assertion:" + id})
     * @param expiry until when the ID must be remembered
     * @return true if the ID is new, false if it was already seen (a replay)
     */
    boolean firstUse(String id, Instant expiry);
}
