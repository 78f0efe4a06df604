package io.github.cieservlet.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.CieLevel;
import io.github.cieservlet.config.LevelComparison;
import io.github.cieservlet.config.RequestBinding;
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
        return new PendingRequest("_" + "a".repeat(32), issued, CieLevel.L3, LevelComparison.MINIMUM, "/area",
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
}
