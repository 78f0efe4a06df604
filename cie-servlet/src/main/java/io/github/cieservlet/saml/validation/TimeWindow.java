package io.github.cieservlet.saml.validation;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The instant a Response is validated at, and the tolerated clock difference with the identity provider.
 * One instance per validation, so that every time rule compares with the same "now".
 *
 * <p>All boundaries are inclusive in favour of the skew: an instant exactly {@code skew} in the future is
 * still accepted, a {@code NotOnOrAfter} exactly {@code skew} in the past is already expired.
 */
final class TimeWindow {

    private final Instant now;
    private final Duration skew;

    /**
     * @param now the instant of validation
     * @param skew the tolerated clock difference, not negative
     */
    TimeWindow(Instant now, Duration skew) {
        this.now = Objects.requireNonNull(now, "now");
        this.skew = Objects.requireNonNull(skew, "skew");
    }

    /** @return the instant of validation */
    Instant now() {
        return now;
    }

    /** @return the tolerated clock difference */
    Duration skew() {
        return skew;
    }

    /**
     * @param instant an instant stated by the identity provider
     * @return whether it is not later than now plus the skew
     */
    boolean isNotInFuture(Instant instant) {
        return !instant.isAfter(now.plus(skew));
    }

    /**
     * @param instant an instant stated by the identity provider
     * @param earliest an instant of this service provider's clock
     * @return whether {@code instant} is not earlier than {@code earliest} minus the skew
     */
    boolean isNotBefore(Instant instant, Instant earliest) {
        return !instant.isBefore(earliest.minus(skew));
    }

    /**
     * @param notOnOrAfter an expiry stated by the identity provider
     * @return whether it is later than now minus the skew
     */
    boolean isNotExpired(Instant notOnOrAfter) {
        return notOnOrAfter.isAfter(now.minus(skew));
    }
}
