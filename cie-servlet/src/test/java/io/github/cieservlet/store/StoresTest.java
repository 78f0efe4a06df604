package io.github.cieservlet.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StoresTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void replayCacheSeesEachIdOnceUntilItExpires() {
        InMemoryReplayCache cache = new InMemoryReplayCache(10, CLOCK);
        assertThat(cache.firstUse("assertion:_a", NOW.plusSeconds(300))).isTrue();
        assertThat(cache.firstUse("assertion:_a", NOW.plusSeconds(300))).isFalse();
        assertThat(cache.firstUse("assertion:_b", NOW.plusSeconds(300))).isTrue();
    }

    @Test
    void fullReplayCacheFailsClosed() {
        InMemoryReplayCache cache = new InMemoryReplayCache(1, CLOCK);
        assertThat(cache.firstUse("a", NOW.plusSeconds(300))).isTrue();
        assertThat(cache.firstUse("b", NOW.plusSeconds(300))).isFalse();
    }

    @Test
    void sweepDropsOnlyExpiredIds() {
        InMemoryReplayCache cache = new InMemoryReplayCache(10, CLOCK);
        cache.firstUse("gone", NOW.minusSeconds(1));
        cache.firstUse("live", NOW.plusSeconds(1));
        cache.sweep();
        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.firstUse("live", NOW.plusSeconds(1))).isFalse();
        assertThat(cache.firstUse("gone", NOW.plusSeconds(1))).isTrue();
    }

    @Test
    void relayStateTokensAreOpaqueShortAndUnique() {
        String a = RelayStateTokens.newToken();
        assertThat(a).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(a.getBytes()).hasSizeLessThanOrEqualTo(80);
        assertThat(RelayStateTokens.newToken()).isNotEqualTo(a);
    }
}
