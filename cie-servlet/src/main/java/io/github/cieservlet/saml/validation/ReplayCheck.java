package io.github.cieservlet.saml.validation;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.store.ReplayCache;
import java.time.Instant;
import java.util.Objects;

/**
 * Each Response and each Assertion is accepted once (CIE-SAML, SPID-RT): their IDs are recorded in the
 * {@link ReplayCache} under {@value #RESPONSE_PREFIX} and {@value #ASSERTION_PREFIX}, until the Assertion can
 * no longer be accepted anyway. An ID already recorded is {@link CieError#REPLAYED_RESPONSE}.
 *
 * <p>Run last, once every other check has passed, so that a refused message does not use up its IDs.
 */
final class ReplayCheck {

    /** Namespace of Response IDs in the replay cache. */
    static final String RESPONSE_PREFIX = "response:";
    /** Namespace of Assertion IDs in the replay cache. */
    static final String ASSERTION_PREFIX = "assertion:";

    private final ReplayCache cache;

    /** @param cache where IDs are remembered */
    ReplayCheck(ReplayCache cache) {
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    /**
     * @param responseId the Response ID
     * @param assertionId the Assertion ID
     * @param expiry until when to remember them
     * @throws CieAuthenticationException when either was already used
     */
    void check(String responseId, String assertionId, Instant expiry) throws CieAuthenticationException {
        if (!cache.firstUse(RESPONSE_PREFIX + responseId, expiry)) {
            throw new CieAuthenticationException(CieError.REPLAYED_RESPONSE,
                    "Response " + Detail.quote(responseId) + " was already used");
        }
        if (!cache.firstUse(ASSERTION_PREFIX + assertionId, expiry)) {
            throw new CieAuthenticationException(CieError.REPLAYED_RESPONSE,
                    "Assertion " + Detail.quote(assertionId) + " was already used");
        }
    }
}
