package io.github.cieservlet.testidp.response;

import io.github.cieservlet.testidp.idp.ErrorCode;
import java.util.Optional;

/** How the simulated authentication ends, as the developer chooses it. */
public enum Outcome {
    /** The citizen authenticates and consents: an Assertion is sent. */
    SUCCESS(null, "Autenticazione riuscita"),
    /** The citizen does not finish in time. */
    TIMEOUT(ErrorCode.NR21, "Tempo scaduto durante l'autenticazione"),
    /** The citizen refuses to send the data. */
    CONSENT_DENIED(ErrorCode.NR22, "Consenso all'invio dei dati negato"),
    /** The card is expired or revoked. */
    CARD_EXPIRED_OR_REVOKED(ErrorCode.NR23, "CIE scaduta o revocata"),
    /** The citizen cancels. */
    CANCELLED(ErrorCode.NR25, "Autenticazione annullata dall'utente");

    private final ErrorCode errorCode;
    private final String label;

    Outcome(ErrorCode errorCode, String label) {
        this.errorCode = errorCode;
        this.label = label;
    }

    /** @return the CIE error code of a failed authentication; empty for success */
    public Optional<ErrorCode> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /** @return the Italian label shown to the developer */
    public String label() {
        return label;
    }
}
