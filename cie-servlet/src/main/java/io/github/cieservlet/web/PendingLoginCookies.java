package io.github.cieservlet.web;

import io.github.cieservlet.bootstrap.CieServiceProvider;
import io.github.cieservlet.config.CieSettings;
import io.github.cieservlet.store.PendingRequest;
import io.github.cieservlet.store.PendingRequestCodec;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The cookies that carry the logins in progress of one browser: one per login, named after its RelayState
 * ({@code cie_pending_<RelayState>}), its value the {@link PendingRequestCodec sealed} pending request. A fresh
 * cookie is made at every login start and never adopted from the client; the value is encrypted and
 * authenticated by the server, bound to its RelayState. HttpOnly. Over https the name has the {@code __Host-}
 * prefix (so Secure, Path=/ and no Domain: a sibling subdomain cannot plant one, which would be login CSRF) and
 * SameSite=None (the identity provider's answer is a cross-site POST); on plain-http localhost it is scoped to
 * the endpoints' path with SameSite=Lax. A browser keeps at most {@value #MAX_PER_BROWSER} logins in progress
 * (tabs) and at most {@value #MAX_TOTAL_CHARS} characters of them; starting another drops the oldest.
 */
final class PendingLoginCookies {

    /** Prefix of the cookie names (after {@code __Host-} over https). */
    static final String PREFIX = "cie_pending_";
    private static final String HOST_PREFIX = "__Host-";
    /** Most logins in progress one browser keeps. */
    static final int MAX_PER_BROWSER = 4;

    /** Longest total of the pending-login cookies one browser sends (well under the 8 KiB header limits). */
    static final int MAX_TOTAL_CHARS = 4096;
    /** How long past its expiry a pending login is still carried, so that a late answer is told "expired". */
    private static final Duration GRACE = Duration.ofMinutes(10);
    private static final Pattern RELAY_STATE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final PendingRequestCodec codec;
    private final String path;
    private final boolean secure;
    private final String namePrefix;
    private final long maxAgeSeconds;

    /**
     * @param codec seals and opens the values
     * @param publicBaseUrl the public URL of the application (its path is what the browser sees)
     * @param pathPrefix the endpoints' prefix under the application
     * @param lifetime how long a login may take
     */
    PendingLoginCookies(PendingRequestCodec codec, String publicBaseUrl, String pathPrefix, Duration lifetime) {
        this.codec = codec;
        String basePath = URI.create(publicBaseUrl).getRawPath();
        this.secure = publicBaseUrl.startsWith("https:");
        this.path = secure ? "/" : (basePath == null ? "" : basePath) + pathPrefix;
        this.namePrefix = secure ? HOST_PREFIX + PREFIX : PREFIX;
        this.maxAgeSeconds = lifetime.plus(GRACE).getSeconds();
    }

    /**
     * @param provider the service provider: its codec, public base URL, endpoints' prefix and login timeout
     * @return the cookies of its logins in progress
     */
    static PendingLoginCookies of(CieServiceProvider provider) {
        CieSettings settings = provider.settings();
        return new PendingLoginCookies(provider.pendingRequestCodec(), settings.endpoints().publicBaseUrl(),
                settings.endpoints().path(""), settings.pendingRequestTimeout());
    }

    /**
     * Seals a pending login; makes no cookie yet.
     *
     * @param relayState the RelayState it is sent with
     * @param pending the pending login
     * @return the cookie value, or empty when it would be too long for a cookie (a very long target)
     */
    Optional<String> seal(String relayState, PendingRequest pending) {
        try {
            return Optional.of(codec.seal(relayState, pending));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Adds the cookie of a new login, first dropping this browser's expired, unreadable and oldest ones so that
     * it keeps at most {@value #MAX_PER_BROWSER} and their total stays small.
     *
     * @param request the request to the login endpoint
     * @param response its response
     * @param relayState the new login's RelayState
     * @param value its sealed value
     * @param now the current time
     */
    void add(HttpServletRequest request, HttpServletResponse response, String relayState, String value, Instant now) {
        List<Held> held = new ArrayList<>();
        for (Cookie cookie : cookies(request)) {
            String name = cookie.getName();
            String state = name.startsWith(namePrefix) ? name.substring(namePrefix.length()) : "";
            if (RELAY_STATE.matcher(state).matches()) {
                Optional<PendingRequest> pending = codec.open(state, cookie.getValue());
                if (pending.isPresent() && now.isBefore(pending.get().expiresAt().plus(GRACE))) {
                    held.add(new Held(state, cookie.getValue().length(), pending.get().issueInstant()));
                } else {
                    clear(response, state);
                }
            }
        }
        held.sort(Comparator.comparing((Held h) -> h.issued).reversed());
        int budget = MAX_TOTAL_CHARS - (namePrefix.length() + relayState.length() + value.length());
        int kept = 0;
        for (Held h : held) {
            int size = namePrefix.length() + h.relayState.length() + h.valueLength;
            if (kept < MAX_PER_BROWSER - 1 && size <= budget) {
                kept++;
                budget -= size;
            } else {
                clear(response, h.relayState);
            }
        }
        response.addHeader("Set-Cookie", namePrefix + relayState + "=" + value + attributes(maxAgeSeconds));
    }

    /**
     * @param request a request to the Assertion Consumer Service
     * @param relayState the RelayState received
     * @return the login in progress this browser holds for exactly that RelayState, or empty
     */
    Optional<PendingRequest> read(HttpServletRequest request, String relayState) {
        if (relayState == null || !RELAY_STATE.matcher(relayState).matches()) {
            return Optional.empty();
        }
        String name = namePrefix + relayState;
        for (Cookie cookie : cookies(request)) {
            if (name.equals(cookie.getName())) {
                return codec.open(relayState, cookie.getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * @param response a response
     * @param relayState the RelayState whose cookie the browser must drop
     */
    void clear(HttpServletResponse response, String relayState) {
        response.addHeader("Set-Cookie", namePrefix + relayState + "=" + attributes(0));
    }

    private String attributes(long maxAge) {
        return "; Path=" + path + "; Max-Age=" + maxAge + "; HttpOnly" + (secure ? "; Secure; SameSite=None" : "; SameSite=Lax");
    }

    private static Cookie[] cookies(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? new Cookie[0] : cookies;
    }

    /** A pending-login cookie the browser sent. */
    private static final class Held {
        private final String relayState;
        private final int valueLength;
        private final Instant issued;

        Held(String relayState, int valueLength, Instant issued) {
            this.relayState = relayState;
            this.valueLength = valueLength;
            this.issued = issued;
        }
    }
}
