package io.github.cieservlet.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock the test sets and moves by hand. */
public final class MutableClock extends Clock {

    private volatile Instant now;

    /** @param now the starting time */
    public MutableClock(Instant now) {
        this.now = now;
    }

    /** @param duration how far to move the clock */
    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** @param instant the new time */
    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
