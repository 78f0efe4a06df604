package io.github.cieservlet.web;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.CieIdentity;
import io.github.cieservlet.bootstrap.CieMonitor;
import io.github.cieservlet.evidence.EvidenceEntry;
import io.github.cieservlet.evidence.EvidenceRecorder;
import io.github.cieservlet.spi.ProtocolEvidence;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * What one call of the Assertion Consumer Service (or of a login protocol's callback) has learnt so far for its
 * evidence record (the Response bytes, then the request they answer), recorded once at the end: as accepted
 * before the login completes, or as refused with the error code. A call without a decodable Response leaves
 * nothing to record. Every outcome is counted for JMX. A protocol's answer is its parts as received, one per line
 * (OIDC: the callback's query string, the ID token, the UserInfo JWT).
 */
final class LoginEvidence implements ProtocolEvidence {

    private final EvidenceRecorder recorder;
    private final CieMonitor monitor;
    private final Instant receivedAt;
    private byte[] response;
    private String requestId;
    private String authnRequestXml;
    private Instant requestedAt;
    private String identityProvider;

    /**
     * @param recorder where evidence goes
     * @param monitor where outcomes are counted
     * @param receivedAt when the Response arrived
     */
    LoginEvidence(EvidenceRecorder recorder, CieMonitor monitor, Instant receivedAt) {
        this.recorder = recorder;
        this.monitor = monitor;
        this.receivedAt = receivedAt;
    }

    /** @return when the Response arrived */
    Instant receivedAt() {
        return receivedAt;
    }

    /** @param bytes the Response exactly as received */
    void response(byte[] bytes) {
        this.response = bytes;
    }

    /**
     * @param id the AuthnRequest ID the Response answers
     * @param xml the AuthnRequest as sent
     * @param issuedAt when it was issued
     */
    @Override
    public void request(String id, String xml, Instant issuedAt) {
        this.requestId = id;
        this.authnRequestXml = xml;
        this.requestedAt = issuedAt;
    }

    @Override
    public void answer(String part) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        if (response != null) {
            joined.writeBytes(response);
            joined.write('\n');
        }
        joined.writeBytes(part.getBytes(StandardCharsets.UTF_8));
        response = joined.toByteArray();
    }

    @Override
    public void identityProvider(String entityId) {
        this.identityProvider = entityId;
    }

    /**
     * @param identity the validated identity
     * @throws CieAuthenticationException {@link CieError#EVIDENCE_UNAVAILABLE} when the record cannot be kept
     */
    void accepted(CieIdentity identity) throws CieAuthenticationException {
        recorder.accepted(EvidenceEntry.accepted(requestId, authnRequestXml, response, requestedAt, receivedAt,
                identity.getFiscalNumber() != null ? identity.getFiscalNumber() : identity.getUserId(),
                identity.getIdpEntityId()));
        monitor.accepted();
    }

    /**
     * @param error why the Response was refused
     * @param idpEntityId the identity provider of the metadata in use, or null when none is loaded; the one a
     *     protocol named ({@link #identityProvider(String)}) comes first
     */
    void refused(CieError error, String idpEntityId) {
        monitor.refused(error);
        if (response != null && error != CieError.EVIDENCE_UNAVAILABLE) {
            recorder.refused(EvidenceEntry.refused(requestId, authnRequestXml, response, requestedAt, receivedAt,
                    error.code(), identityProvider != null ? identityProvider : idpEntityId));
        }
    }
}
