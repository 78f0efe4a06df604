package io.github.cieservlet.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.CieLevel;
import io.github.cieservlet.config.LevelComparison;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StoresTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static PendingRequest pending(String id, Instant expiresAt) {
        return new PendingRequest(id, NOW, CieLevel.L3, LevelComparison.MINIMUM, "/", "<xml/>", "hash", expiresAt);
    }

    @Test
    void pendingRequestIsConsumedOnce() {
        InMemoryPendingRequestStore store = new InMemoryPendingRequestStore(10, CLOCK);
        assertThat(store.save("tok", pending("_1", NOW.plusSeconds(60)))).isTrue();
        assertThat(store.consume("tok")).map(PendingRequest::requestId).contains("_1");
        assertThat(store.consume("tok")).isEmpty();
        assertThat(store.consume(null)).isEmpty();
    }

    @Test
    void fullStoreDropsLongExpiredEntriesThenRefuses() {
        InMemoryPendingRequestStore store = new InMemoryPendingRequestStore(2, CLOCK);
        store.save("old", pending("_old", NOW.minus(Duration.ofHours(1))));
        store.save("live", pending("_live", NOW.plusSeconds(600)));
        assertThat(store.save("new", pending("_new", NOW.plusSeconds(600)))).isTrue();
        assertThat(store.consume("old")).isEmpty();
        assertThat(store.save("more", pending("_more", NOW.plusSeconds(600)))).isFalse();
    }

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
    void relayStateTokensAreOpaqueShortAndUnique() {
        String a = RelayStateTokens.newToken();
        assertThat(a).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(a.getBytes()).hasSizeLessThanOrEqualTo(80);
        assertThat(RelayStateTokens.newToken()).isNotEqualTo(a);
        assertThat(RelayStateTokens.hash(a)).isEqualTo(RelayStateTokens.hash(a)).isNotEqualTo(a);
    }
}
