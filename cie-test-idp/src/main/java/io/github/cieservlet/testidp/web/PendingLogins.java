package io.github.cieservlet.testidp.web;

import io.github.cieservlet.testidp.request.ValidRequest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The requests waiting for the developer's choice, each named by an unguessable token that travels in the
 * choice form. Kept in the IdP's own memory, not in the HTTP session (which belongs to the service provider
 * sharing this web application); entries expire after {@link #LIFETIME}, and the oldest go first when
 * {@link #MAX_ENTRIES} are waiting. A token can be used once.
 */
public final class PendingLogins {

    /** How long a request waits for the developer's choice. */
    public static final Duration LIFETIME = Duration.ofMinutes(10);
    /** How many requests may wait at once. */
    public static final int MAX_ENTRIES = 1000;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private record Entry(ValidRequest request, Instant expires) {
    }

    /** @param clock decides expiry */
    public PendingLogins(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param request a request that passed every check
     * @return the token naming it
     */
    public synchronized String add(ValidRequest request) {
        Instant now = clock.instant();
        entries.values().removeIf(entry -> !now.isBefore(entry.expires()));
        if (entries.size() >= MAX_ENTRIES) {
            Iterator<String> oldest = entries.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        entries.put(token, new Entry(Objects.requireNonNull(request, "request"), now.plus(LIFETIME)));
        return token;
    }

    /**
     * Removes and returns the request a token names.
     *
     * @param token a token from {@link #add}, or null
     * @return the request, or empty when the token is unknown, already used or expired
     */
    public synchronized Optional<ValidRequest> take(String token) {
        Entry entry = token == null ? null : entries.remove(token);
        if (entry == null || !clock.instant().isBefore(entry.expires())) {
            return Optional.empty();
        }
        return Optional.of(entry.request());
    }
}
