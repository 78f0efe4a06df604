package io.github.cieservlet.testidp.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.CieLevel;
import io.github.cieservlet.testidp.request.Comparison;
import io.github.cieservlet.testidp.request.ReplyTo;
import io.github.cieservlet.testidp.request.ValidRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingLoginsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:30:00Z"));
    private final PendingLogins pending = new PendingLogins(clock);

    @Test
    void aTokenNamesItsRequestOnce() {
        ValidRequest request = request("_1");
        String token = pending.add(request);
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(pending.add(request("_2"))).isNotEqualTo(token);
        assertThat(pending.take(token)).contains(request);
        assertThat(pending.take(token)).isEmpty();
        assertThat(pending.take("unknown")).isEmpty();
        assertThat(pending.take(null)).isEmpty();
    }

    @Test
    void requestsExpireAfterTenMinutes() {
        String token = pending.add(request("_1"));
        String fresh;
        clock.advance(PendingLogins.LIFETIME.minusSeconds(1));
        fresh = pending.add(request("_2"));
        clock.advance(Duration.ofSeconds(1));
        assertThat(pending.take(token)).isEmpty();
        assertThat(pending.take(fresh)).isPresent();
    }

    @Test
    void theOldestGoFirstWhenFull() {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i <= PendingLogins.MAX_ENTRIES; i++) {
            tokens.add(pending.add(request("_" + i)));
        }
        assertThat(pending.take(tokens.get(0))).isEmpty();
        assertThat(pending.take(tokens.get(1))).isPresent();
        assertThat(pending.take(tokens.get(PendingLogins.MAX_ENTRIES))).isPresent();
    }

    private static ValidRequest request(String id) {
        return new ValidRequest(new ReplyTo("sp", "https://sp/acs", id, null), CieLevel.L3, Comparison.MINIMUM, 0,
                List.of());
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
