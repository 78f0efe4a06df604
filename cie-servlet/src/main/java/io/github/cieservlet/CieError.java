package io.github.cieservlet;

/**
 * Every way a CIE login can fail, each with a stable code (shown on the error page and in the log, listed in
 * docs/troubleshooting.md), the HTTP status of the error page, and whether the cause is the citizen's own
 * action at the identity provider (CIE codes nr19-nr25) or a technical refusal.
 *
 * <p>The citizen-facing text of each code is in the {@code io.github.cieservlet.web.messages} bundles
 * (Italian and English), under the key {@code error.<CODE>.title} / {@code error.<CODE>.text}.
 */
public enum CieError {
    /** The ACS was called with a method other than POST. */
    METHOD_NOT_ALLOWED(405),
    /** No SAMLResponse parameter, or it is not base64. */
    MISSING_RESPONSE(400),
    /** The request body is larger than cie.maxResponseBytes. */
    RESPONSE_TOO_LARGE(413),
    /** The Response is not well-formed SAML 2.0, or uses a forbidden XML construct (DTD, entity...). */
    MALFORMED_RESPONSE(400),
    /** A signature is missing where the profile requires one (Assertion must be signed). */
    SIGNATURE_MISSING(403),
    /** A signature does not verify with the identity provider's metadata key, or is not where it must be. */
    SIGNATURE_INVALID(403),
    /** A signature uses an algorithm the profile does not allow (SHA-1, non-RSA...). */
    SIGNATURE_ALGORITHM_NOT_ALLOWED(403),
    /** Response or Assertion Version is not 2.0, or ID missing/empty. */
    INVALID_MESSAGE_ATTRIBUTES(400),
    /** IssueInstant missing, malformed, before the request or in the future. */
    INVALID_ISSUE_INSTANT(400),
    /** InResponseTo missing, or not the request this browser is waiting for (unsolicited or foreign). */
    UNKNOWN_REQUEST(403),
    /** The login this Response answers was started too long ago, or was already completed. */
    REQUEST_EXPIRED(403),
    /** Destination or Recipient is not this service provider's ACS URL. */
    INVALID_DESTINATION(400),
    /** Issuer missing, wrong, or with a wrong Format. */
    INVALID_ISSUER(403),
    /** Status or StatusCode missing or malformed. */
    INVALID_STATUS(400),
    /** Success without exactly one Assertion, or an EncryptedAssertion. */
    INVALID_ASSERTION(400),
    /** Subject, NameID or SubjectConfirmation missing or not as the profile says. */
    INVALID_SUBJECT(400),
    /** Conditions missing, or the assertion is not valid now (NotBefore/NotOnOrAfter). */
    INVALID_CONDITIONS(400),
    /** Audience missing or not this service provider's entity ID. */
    INVALID_AUDIENCE(403),
    /** AuthnStatement or AuthnContextClassRef missing or unknown. */
    INVALID_AUTHN_CONTEXT(400),
    /** The identity provider authenticated at a lower level than requested. */
    INSUFFICIENT_LEVEL(403),
    /** Attributes missing, empty or malformed (fiscalNumber, dateOfBirth...). */
    INVALID_ATTRIBUTES(400),
    /** The same Response or Assertion was already used. */
    REPLAYED_RESPONSE(403),
    /** CIE nr21: the citizen did not complete authentication in time. */
    IDP_TIMEOUT(401, true),
    /** CIE nr22: the citizen refused to send the data to the service. */
    IDP_CONSENT_DENIED(401, true),
    /** CIE nr23: the card is expired or revoked. */
    IDP_CARD_EXPIRED_OR_REVOKED(401, true),
    /** CIE nr25: the citizen cancelled the authentication. */
    IDP_CANCELLED(401, true),
    /** CIE nr19, nr20, nr24 or another Responder failure: authentication failed at the identity provider. */
    IDP_AUTHENTICATION_FAILED(401, true),
    /** SPID nr19: repeated wrong credentials; the identity provider stopped the attempts. */
    IDP_TOO_MANY_ATTEMPTS(401, true),
    /** SPID nr20: the citizen has no credentials of the level the service requires. */
    IDP_LEVEL_NOT_AVAILABLE(401, true),
    /** SPID nr23: the digital identity is suspended or revoked, or its credentials are blocked. */
    IDP_IDENTITY_SUSPENDED(401, true),
    /** SPID nr30: the citizen used an identity of the wrong type (e.g. a professional one where a personal one is needed). */
    IDP_WRONG_IDENTITY_TYPE(401, true),
    /** CIE nr08-nr18: the identity provider refused the request as technically wrong. */
    IDP_REQUEST_REJECTED(400),
    /** The login link named a target that is not a page of this application. */
    INVALID_TARGET(400),
    /** The login link named a scheme ({@code scheme=}) that is unknown or not enabled in {@code cie.schemes}. */
    UNKNOWN_SCHEME(400),
    /** A SPID login link named no identity provider ({@code idp=}), or one that is not in the list. */
    UNKNOWN_IDENTITY_PROVIDER(400),
    /** A SAML message on the logout endpoint is malformed or not signed by the identity provider. */
    INVALID_LOGOUT_MESSAGE(400),
    /** The identity provider metadata cannot be loaded now. */
    IDP_METADATA_UNAVAILABLE(503),
    /**
     * OpenID Connect: the OpenID Provider's trust chain to the configured trust anchor does not verify (expired or
     * badly signed statement, unknown trust anchor, metadata policy violated).
     */
    TRUST_CHAIN_INVALID(503),
    /** OpenID Connect: the token or UserInfo endpoint refused the code or token, or did not answer as the profile says. */
    TOKEN_REQUEST_FAILED(403),
    /** OpenID Connect: an ID token or UserInfo response is malformed, cannot be decrypted, or its at_hash is wrong. */
    INVALID_TOKEN(400),
    /** The evidence store cannot keep the login's record now (database down, disk full): no login without it. */
    EVIDENCE_UNAVAILABLE(503),
    /**
     * The shared state store ({@code cie.stateStore}: database or JCache cluster) cannot be used now, so the
     * once-only checks cannot be made: no login without them.
     */
    STATE_STORE_UNAVAILABLE(503),
    /** Anything unexpected; details are in the server log only. */
    INTERNAL_ERROR(500);

    private final int httpStatus;
    private final boolean citizenOutcome;

    CieError(int httpStatus) {
        this(httpStatus, false);
    }

    CieError(int httpStatus, boolean citizenOutcome) {
        this.httpStatus = httpStatus;
        this.citizenOutcome = citizenOutcome;
    }

    /** @return the HTTP status of the error page */
    public int httpStatus() {
        return httpStatus;
    }

    /** @return whether this is the outcome of the citizen's own action at the IdP rather than a refusal */
    public boolean isCitizenOutcome() {
        return citizenOutcome;
    }

    /** @return the stable code, e.g. {@code CIE-SIGNATURE_INVALID} */
    public String code() {
        return "CIE-" + name();
    }
}
