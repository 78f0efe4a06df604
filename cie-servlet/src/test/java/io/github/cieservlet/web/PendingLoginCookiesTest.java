package io.github.cieservlet.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.CieLevel;
import io.github.cieservlet.config.LevelComparison;
import io.github.cieservlet.config.RequestBinding;
import io.github.cieservlet.store.PendingProtocolLogin;
import io.github.cieservlet.store.PendingRequest;
import io.github.cieservlet.store.PendingRequestCodec;
import io.github.cieservlet.store.RelayStateTokens;
import io.github.cieservlet.testing.TestCredentials;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The pending-login cookies of one browser: attributes, the per-browser cap, exact RelayState lookup. */
class PendingLoginCookiesTest {

    private static final Instant NOW = Instant.parse("2026-11-28T01:00:00Z");
    private static final PendingRequestCodec CODEC = PendingRequestCodec.derivedFrom(TestCredentials.sp().privateKey());

    private static HttpServletRequest requestWith(List<Cookie> cookies) {
        return (HttpServletRequest) Proxy.newProxyInstance(PendingLoginCookiesTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    if ("getCookies".equals(method.getName())) {
                        return cookies.isEmpty() ? null : cookies.toArray(new Cookie[0]);
                    }
                    throw new AssertionError(method.getName());
                });
    }

    private static HttpServletResponse responseInto(List<String> setCookies) {
        return (HttpServletResponse) Proxy.newProxyInstance(PendingLoginCookiesTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    if ("addHeader".equals(method.getName()) && "Set-Cookie".equals(args[0])) {
                        setCookies.add((String) args[1]);
                        return null;
                    }
                    throw new AssertionError(method.getName());
                });
    }

    private static PendingRequest pending(Instant issued) {
        return pending(issued, "/area");
    }

    private static PendingRequest pending(Instant issued, String target) {
        return new PendingRequest("_" + "a".repeat(32), issued, CieLevel.L3, LevelComparison.MINIMUM, target,
                "https://idp.example.it/sso", RequestBinding.POST, issued.plus(Duration.ofMinutes(15)));
    }

    @Test
    void overHttpsTheCookieIsHostPrefixedSecureAndSameSiteNone() {
        PendingLoginCookies cookies = new PendingLoginCookies(CODEC, "https://portale.example.it/servizi", "/cie",
                Duration.ofMinutes(15));
        List<String> set = new ArrayList<>();
        String relayState = RelayStateTokens.newToken();
        String value = cookies.seal(relayState, pending(NOW)).orElseThrow();
        cookies.add(requestWith(List.of()), responseInto(set), relayState, value, NOW);
        assertThat(set).containsExactly("__Host-cie_pending_" + relayState + "=" + value
                + "; Path=/; Max-Age=1500; HttpOnly; Secure; SameSite=None");
        Cookie sent = new Cookie("__Host-cie_pending_" + relayState, value);
        assertThat(cookies.read(requestWith(List.of(sent)), relayState)).isPresent();
        assertThat(cookies.read(requestWith(List.of(new Cookie("cie_pending_" + relayState, value))), relayState))
                .as("without the __Host- prefix, as a sibling subdomain could plant it").isEmpty();
    }

    @Test
    void overPlainHttpLocalhostTheCookieIsScopedToTheEndpoints() {
        PendingLoginCookies cookies = new PendingLoginCookies(CODEC, "http://127.0.0.1:8080", "/cie", Duration.ofMinutes(15));
        List<String> set = new ArrayList<>();
        String relayState = RelayStateTokens.newToken();
        cookies.add(requestWith(List.of()), responseInto(set), relayState,
                cookies.seal(relayState, pending(NOW)).orElseThrow(), NOW);
        assertThat(set).singleElement().asString().startsWith("cie_pending_" + relayState + "=")
                .endsWith("; Path=/cie; Max-Age=1500; HttpOnly; SameSite=Lax");
    }

    @Test
    void aBrowserKeepsAtMostFourLoginsAndTheOldestGoFirst() {
        PendingLoginCookies cookies = new PendingLoginCookies(CODEC, "http://127.0.0.1:8080", "/cie", Duration.ofMinutes(15));
        List<Cookie> held = new ArrayList<>();
        List<String> states = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String state = RelayStateTokens.newToken();
            states.add(state);
            held.add(new Cookie("cie_pending_" + state, cookies.seal(state, pending(NOW.plusSeconds(i))).orElseThrow()));
        }
        String expired = RelayStateTokens.newToken();
        held.add(new Cookie("cie_pending_" + expired, cookies.seal(expired, pending(NOW.minus(Duration.ofHours(1))))
                .orElseThrow()));
        String forged = RelayStateTokens.newToken();
        held.add(new Cookie("cie_pending_" + forged, "forged"));
        held.add(new Cookie("cie_pending_not-a-relay-state", "ignored"));

        List<String> set = new ArrayList<>();
        String fresh = RelayStateTokens.newToken();
        cookies.add(requestWith(held), responseInto(set), fresh,
                cookies.seal(fresh, pending(NOW.plusSeconds(10))).orElseThrow(), NOW.plusSeconds(10));
        List<String> cleared = set.stream().filter(c -> c.contains("Max-Age=0")).map(c -> c.substring(0, c.indexOf('=')))
                .collect(Collectors.toList());
        assertThat(cleared).containsExactlyInAnyOrder("cie_pending_" + states.get(0), "cie_pending_" + states.get(1),
                "cie_pending_" + expired, "cie_pending_" + forged);
        assertThat(set).filteredOn(c -> !c.contains("Max-Age=0")).singleElement().asString()
                .startsWith("cie_pending_" + fresh + "=");
    }

    @Test
    void lookupIsByTheExactRelayState() {
        PendingLoginCookies cookies = new PendingLoginCookies(CODEC, "http://127.0.0.1:8080", "/cie", Duration.ofMinutes(15));
        String state = RelayStateTokens.newToken();
        String value = cookies.seal(state, pending(NOW)).orElseThrow();
        HttpServletRequest request = requestWith(List.of(new Cookie("cie_pending_" + state, value)));
        assertThat(cookies.read(request, state)).isPresent();
        assertThat(cookies.read(request, state + " ")).isEmpty();
        assertThat(cookies.read(request, state.toUpperCase(java.util.Locale.ROOT))).isEmpty();
        assertThat(cookies.read(request, null)).isEmpty();
        assertThat(cookies.read(requestWith(List.of()), state)).isEmpty();
    }

    private static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final int NAME_LENGTH = "cie_pending_".length() + 43;

    private static PendingLoginCookies local() {
        return new PendingLoginCookies(CODEC, "http://127.0.0.1:8080", "/cie", LIFETIME);
    }

    private static List<String> clearedNames(List<String> setCookies) {
        return setCookies.stream().filter(c -> c.contains("Max-Age=0")).map(c -> c.substring(0, c.indexOf('=')))
                .collect(Collectors.toList());
    }

    /** @return the names of the held cookies a new login started at {@code now} drops */
    private static List<String> droppedByALoginStart(PendingLoginCookies cookies, List<Cookie> held, Instant now) {
        List<String> set = new ArrayList<>();
        cookies.add(requestWith(held), responseInto(set), RelayStateTokens.newToken(), "v", now);
        return clearedNames(set);
    }

    @Test
    void overPlainHttpTheCookiePathIncludesTheApplicationsPath() {
        PendingLoginCookies cookies = new PendingLoginCookies(CODEC, "http://127.0.0.1:8080/portale", "/cie", LIFETIME);
        List<String> set = new ArrayList<>();
        String relayState = RelayStateTokens.newToken();
        cookies.clear(responseInto(set), relayState);
        assertThat(set).containsExactly("cie_pending_" + relayState + "=; Path=/portale/cie; Max-Age=0; HttpOnly; SameSite=Lax");
    }

    /** An expired login is dropped even when the browser holds fewer than the most it may keep. */
    @Test
    void anExpiredLoginIsDroppedAndALiveOneKept() {
        PendingLoginCookies cookies = local();
        String expired = RelayStateTokens.newToken();
        String live = RelayStateTokens.newToken();
        // expired 15 minutes ago, past the 10 minutes of grace; the other one expires in 5 minutes
        List<Cookie> held = List.of(
                new Cookie("cie_pending_" + expired, cookies.seal(expired, pending(NOW.minus(Duration.ofMinutes(30))))
                        .orElseThrow()),
                new Cookie("cie_pending_" + live, cookies.seal(live, pending(NOW.minus(Duration.ofMinutes(10))))
                        .orElseThrow()));
        assertThat(droppedByALoginStart(cookies, held, NOW)).containsExactly("cie_pending_" + expired);
    }

    /** Within the grace after its expiry a login is still carried, so that a late answer is told "expired". */
    @Test
    void aLoginJustPastItsExpiryIsKeptDuringTheGrace() {
        PendingLoginCookies cookies = local();
        String late = RelayStateTokens.newToken();
        List<Cookie> held = List.of(new Cookie("cie_pending_" + late,
                cookies.seal(late, pending(NOW.minus(Duration.ofMinutes(24)))).orElseThrow()));
        assertThat(droppedByALoginStart(cookies, held, NOW)).isEmpty();
        assertThat(droppedByALoginStart(cookies, held, NOW.plus(Duration.ofMinutes(1)))).containsExactly("cie_pending_" + late);
    }

    /** The cookies of other protocols' logins count like SAML ones: kept while live, dropped once expired. */
    @Test
    void protocolLoginsAreHeldAndExpireLikeSamlOnes() {
        PendingLoginCookies cookies = local();
        String live = RelayStateTokens.newToken();
        String expired = RelayStateTokens.newToken();
        List<Cookie> held = List.of(
                new Cookie("cie_pending_" + live, cookies.sealProtocolLogin(live, new PendingProtocolLogin(new byte[] {1},
                        "/a", NOW, NOW.plus(LIFETIME))).orElseThrow()),
                new Cookie("cie_pending_" + expired, cookies.sealProtocolLogin(expired, new PendingProtocolLogin(
                        new byte[] {2}, "/b", NOW.minus(Duration.ofHours(1)), NOW.minus(Duration.ofMinutes(45)))).orElseThrow()));
        assertThat(droppedByALoginStart(cookies, held, NOW)).containsExactly("cie_pending_" + expired);
        assertThat(cookies.readProtocolLogin(requestWith(held), live)).hasValueSatisfying(p -> assertThat(p.target())
                .isEqualTo("/a"));
        assertThat(cookies.readProtocolLogin(requestWith(held), expired)).as("read; its expiry is the callback's to tell")
                .isPresent();
        assertThat(cookies.readProtocolLogin(requestWith(held), RelayStateTokens.newToken())).isEmpty();
        assertThat(cookies.read(requestWith(held), live)).as("a protocol login is no SAML login").isEmpty();
    }

    @Test
    void aLoginTooLongForACookieIsNotSealed() {
        PendingLoginCookies cookies = local();
        assertThat(cookies.seal(RelayStateTokens.newToken(), pending(NOW, "/" + "a".repeat(3000)))).isEmpty();
        assertThat(cookies.sealProtocolLogin(RelayStateTokens.newToken(), new PendingProtocolLogin(new byte[1],
                "/" + "a".repeat(3000), NOW, NOW))).isEmpty();
        assertThat(cookies.sealProtocolLogin(RelayStateTokens.newToken(), new PendingProtocolLogin(new byte[1], "/", NOW,
                NOW))).isPresent();
    }

    /**
     * The total the browser sends stays within {@value PendingLoginCookies#MAX_TOTAL_CHARS} characters: the new
     * cookie first, then the newest held ones while they fit, exactly to the last character.
     */
    @Test
    void heldLoginsAreKeptNewestFirstWhileTheTotalFits() {
        PendingLoginCookies cookies = local();
        List<Cookie> held = new ArrayList<>();
        List<String> states = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String state = RelayStateTokens.newToken();
            states.add(state);
            held.add(new Cookie("cie_pending_" + state, cookies.seal(state, pending(NOW.plusSeconds(i), "/" + "x".repeat(600)))
                    .orElseThrow()));
        }
        int each = NAME_LENGTH + held.get(0).getValue().length();
        assertThat(held).allSatisfy(c -> assertThat(NAME_LENGTH + c.getValue().length()).isEqualTo(each));

        // room for exactly the two newest beside the new cookie
        String fresh = RelayStateTokens.newToken();
        List<String> set = new ArrayList<>();
        cookies.add(requestWith(held), responseInto(set), fresh, "v".repeat(PendingLoginCookies.MAX_TOTAL_CHARS - 2 * each
                - NAME_LENGTH), NOW.plusSeconds(5));
        assertThat(clearedNames(set)).containsExactly("cie_pending_" + states.get(0));

        // one character more: only the newest fits
        set.clear();
        cookies.add(requestWith(held), responseInto(set), fresh, "v".repeat(PendingLoginCookies.MAX_TOTAL_CHARS - 2 * each
                - NAME_LENGTH + 1), NOW.plusSeconds(5));
        assertThat(clearedNames(set)).containsExactlyInAnyOrder("cie_pending_" + states.get(0), "cie_pending_" + states.get(1));
    }

    @Test
    void lookupNeedsTheWholeCookieNameAndAWellFormedRelayState() {
        PendingLoginCookies cookies = local();
        String state = RelayStateTokens.newToken();
        String value = cookies.seal(state, pending(NOW)).orElseThrow();
        assertThat(cookies.read(requestWith(List.of(new Cookie("CIE_PENDING_" + state, value))), state)).isEmpty();
        assertThat(cookies.read(requestWith(List.of(new Cookie("cie_pending_" + state + "x", value))), state)).isEmpty();
        assertThat(cookies.read(requestWith(List.of(new Cookie("x_cie_pending_" + state, value))), state)).isEmpty();
        String shortState = state.substring(1);
        String shortValue = CODEC.seal(shortState, pending(NOW));
        assertThat(cookies.read(requestWith(List.of(new Cookie("cie_pending_" + shortState, shortValue))), shortState))
                .as("a RelayState that is not 43 base64url characters is none of ours").isEmpty();
        assertThat(cookies.read(requestWith(List.of(new Cookie("cie_pending_other", value),
                new Cookie("cie_pending_" + state, value))), state)).isPresent();
    }
}
