package io.github.cieservlet.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
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

    /** When full, the IDs whose expiry has passed are dropped to make room: no lock-out by old entries. */
    @Test
    void fullReplayCacheEvictsExpiredIdsToMakeRoom() {
        MutableClock clock = new MutableClock(NOW);
        InMemoryReplayCache cache = new InMemoryReplayCache(2, clock);
        assertThat(cache.firstUse("old", NOW.plusSeconds(10))).isTrue();
        assertThat(cache.firstUse("live", NOW.plusSeconds(600))).isTrue();
        clock.advance(Duration.ofSeconds(11));

        assertThat(cache.firstUse("new", NOW.plusSeconds(600))).isTrue();
        assertThat(cache.firstUse("live", NOW.plusSeconds(600))).as("the live ID is still remembered").isFalse();
        assertThat(cache.firstUse("another", NOW.plusSeconds(600))).as("full of live IDs: fail closed").isFalse();
    }

    /** An ID expiring exactly now is still live (expiry is "remember until"): it is neither evicted nor reusable. */
    @Test
    void replayCacheKeepsAnIdUntilItsExpiryHasPassed() {
        MutableClock clock = new MutableClock(NOW);
        InMemoryReplayCache cache = new InMemoryReplayCache(1, clock);
        assertThat(cache.firstUse("a", NOW.plusSeconds(10))).isTrue();
        clock.advance(Duration.ofSeconds(10));

        assertThat(cache.firstUse("b", NOW.plusSeconds(60))).isFalse();
        assertThat(cache.firstUse("a", NOW.plusSeconds(60))).isFalse();

        clock.advance(Duration.ofMillis(1));
        assertThat(cache.firstUse("a", NOW.plusSeconds(60))).as("its memory expired: as good as new").isTrue();
        assertThat(cache.firstUse("a", NOW.plusSeconds(60))).as("and remembered again").isFalse();
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
