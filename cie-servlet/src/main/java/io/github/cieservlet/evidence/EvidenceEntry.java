package io.github.cieservlet.evidence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;

/**
 * What the Assertion Consumer Service knows about one Response when it records it: the request it answers
 * (when known), the exact bytes received, the outcome and the times. Times are kept to the millisecond (the
 * precision of every store). Immutable.
 */
public final class EvidenceEntry {

    private final String requestId;
    private final String authnRequestXml;
    private final String responseBase64;
    private final EvidenceOutcome outcome;
    private final String errorCode;
    private final Instant requestedAt;
    private final Instant receivedAt;
    private final String fiscalCode;
    private final String idpEntityId;

    private EvidenceEntry(String requestId, String authnRequestXml, String responseBase64, EvidenceOutcome outcome,
            String errorCode, Instant requestedAt, Instant receivedAt, String fiscalCode, String idpEntityId) {
        this.requestId = requestId;
        this.authnRequestXml = authnRequestXml;
        this.responseBase64 = Objects.requireNonNull(responseBase64, "responseBase64");
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.errorCode = errorCode;
        this.requestedAt = millis(requestedAt);
        this.receivedAt = millis(Objects.requireNonNull(receivedAt, "receivedAt"));
        this.fiscalCode = fiscalCode;
        this.idpEntityId = idpEntityId;
    }

    /**
     * @param requestId the ID of the AuthnRequest answered
     * @param authnRequestXml the AuthnRequest as sent
     * @param response the Response bytes exactly as received (after base64 decoding of the form field)
     * @param requestedAt when the AuthnRequest was issued
     * @param receivedAt when the Response arrived
     * @param fiscalCode the citizen's fiscal code from the validated Assertion
     * @param idpEntityId the identity provider's entity ID
     * @return the entry of an accepted login
     */
    public static EvidenceEntry accepted(String requestId, String authnRequestXml, byte[] response,
            Instant requestedAt, Instant receivedAt, String fiscalCode, String idpEntityId) {
        return new EvidenceEntry(Objects.requireNonNull(requestId, "requestId"),
                Objects.requireNonNull(authnRequestXml, "authnRequestXml"), base64(response), EvidenceOutcome.ACCEPTED,
                null, Objects.requireNonNull(requestedAt, "requestedAt"), receivedAt,
                Objects.requireNonNull(fiscalCode, "fiscalCode"), idpEntityId);
    }

    /**
     * @param requestId the ID of the AuthnRequest the Response claims to answer, or null when no login was found
     * @param authnRequestXml the AuthnRequest as sent, or null when no login was found
     * @param response the Response bytes exactly as received
     * @param requestedAt when the AuthnRequest was issued, or null
     * @param receivedAt when the Response arrived
     * @param errorCode the refusal's code, e.g. {@code CIE-SIGNATURE_INVALID}
     * @param idpEntityId the identity provider's entity ID
     * @return the entry of a refused Response
     */
    public static EvidenceEntry refused(String requestId, String authnRequestXml, byte[] response,
            Instant requestedAt, Instant receivedAt, String errorCode, String idpEntityId) {
        return new EvidenceEntry(requestId, authnRequestXml, base64(response), EvidenceOutcome.REFUSED,
                Objects.requireNonNull(errorCode, "errorCode"), requestedAt, receivedAt, null, idpEntityId);
    }

    /** Rebuilds an entry read back from a store (the Response stays in its stored base64 form). */
    static EvidenceEntry stored(String requestId, String authnRequestXml, String responseBase64,
            EvidenceOutcome outcome, String errorCode, Instant requestedAt, Instant receivedAt, String fiscalCode,
            String idpEntityId) {
        return new EvidenceEntry(requestId, authnRequestXml, responseBase64, outcome, errorCode, requestedAt,
                receivedAt, fiscalCode, idpEntityId);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(Objects.requireNonNull(bytes, "response"));
    }

    static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }

    /** @return the AuthnRequest ID, or null */
    public String requestId() {
        return requestId;
    }

    /** @return the AuthnRequest as sent, or null */
    public String authnRequestXml() {
        return authnRequestXml;
    }

    /** @return the Response as received, base64 (standard alphabet, no line breaks) */
    public String responseBase64() {
        return responseBase64;
    }

    /** @return the Response bytes as received */
    public byte[] response() {
        return Base64.getDecoder().decode(responseBase64);
    }

    /** @return accepted or refused */
    public EvidenceOutcome outcome() {
        return outcome;
    }

    /** @return the refusal code, or null for an accepted login */
    public String errorCode() {
        return errorCode;
    }

    /** @return when the AuthnRequest was issued, or null */
    public Instant requestedAt() {
        return requestedAt;
    }

    /** @return when the Response arrived */
    public Instant receivedAt() {
        return receivedAt;
    }

    /** @return the citizen's fiscal code (accepted logins only), or null */
    public String fiscalCode() {
        return fiscalCode;
    }

    /** @return the identity provider's entity ID, or null */
    public String idpEntityId() {
        return idpEntityId;
    }
}
