package io.github.cieservlet.saml.validation;

import io.github.cieservlet.CieIdentity;
import java.time.Instant;
import java.util.Objects;

/** A Response that passed every check of {@link ResponseValidator}, and the identity it asserts. Immutable. */
public final class ValidatedResponse {

    private final CieIdentity identity;
    private final String responseId;
    private final String assertionId;
    private final Instant assertionExpiry;

    /**
     * @param identity the citizen
     * @param responseId the Response ID
     * @param assertionId the Assertion ID
     * @param assertionExpiry the earlier NotOnOrAfter of the Assertion
     */
    ValidatedResponse(CieIdentity identity, String responseId, String assertionId, Instant assertionExpiry) {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.responseId = Objects.requireNonNull(responseId, "responseId");
        this.assertionId = Objects.requireNonNull(assertionId, "assertionId");
        this.assertionExpiry = Objects.requireNonNull(assertionExpiry, "assertionExpiry");
    }

    /** @return the authenticated citizen */
    public CieIdentity identity() {
        return identity;
    }

    /** @return the Response ID (for the log; not personal data) */
    public String responseId() {
        return responseId;
    }

    /** @return the Assertion ID (for the log; not personal data) */
    public String assertionId() {
        return assertionId;
    }

    /**
     * @return the earlier of the Assertion's {@code Conditions/@NotOnOrAfter} and its bearer
     *         {@code SubjectConfirmationData/@NotOnOrAfter}, as stated by the identity provider: the local
     *         session should be created before this instant
     */
    public Instant assertionExpiry() {
        return assertionExpiry;
    }
}
