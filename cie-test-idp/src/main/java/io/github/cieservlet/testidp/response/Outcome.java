package io.github.cieservlet.testidp.response;

import io.github.cieservlet.testidp.idp.ErrorCode;
import io.github.cieservlet.testidp.idp.IdpScheme;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How the simulated authentication ends, as the developer chooses it. The CIE test IdP offers success and the
 * codes CIE sends (21, 22, 23 for the card, 25); the SPID and FICEP test IdPs offer success and every SPID code
 * about the user (19, 20, 21, 22, 23 for the identity, 25, 30).
 */
public enum Outcome {
    /** The citizen authenticates and consents: an Assertion is sent. */
    SUCCESS(null, "Autenticazione riuscita", true, true),
    /** SPID: repeated wrong credentials. */
    WRONG_CREDENTIALS(ErrorCode.NR19, "Credenziali errate inserite troppe volte", false, true),
    /** SPID: no credentials of the requested level. */
    NO_CREDENTIALS_FOR_LEVEL(ErrorCode.NR20, "Nessuna credenziale del livello richiesto", false, true),
    /** The citizen does not finish in time. */
    TIMEOUT(ErrorCode.NR21, "Tempo scaduto durante l'autenticazione", true, true),
    /** The citizen refuses to send the data. */
    CONSENT_DENIED(ErrorCode.NR22, "Consenso all'invio dei dati negato", true, true),
    /** CIE: the card is expired or revoked. */
    CARD_EXPIRED_OR_REVOKED(ErrorCode.NR23, "CIE scaduta o revocata", true, false),
    /** SPID: the identity is suspended or revoked, or its credentials are blocked. */
    IDENTITY_SUSPENDED_OR_REVOKED(ErrorCode.NR23, "Identità sospesa o revocata, o credenziali bloccate", false, true),
    /** The citizen cancels. */
    CANCELLED(ErrorCode.NR25, "Autenticazione annullata dall'utente", true, true),
    /** SPID: the citizen used another kind of digital identity (e.g. a professional one) than the one asked for. */
    WRONG_IDENTITY_TYPE(ErrorCode.NR30, "Tipo di identità digitale diverso da quello richiesto", false, true);

    private final ErrorCode errorCode;
    private final String label;
    private final boolean cie;
    private final boolean spid;

    Outcome(ErrorCode errorCode, String label, boolean cie, boolean spid) {
        this.errorCode = errorCode;
        this.label = label;
        this.cie = cie;
        this.spid = spid;
    }

    /** @return the error code of a failed authentication; empty for success */
    public Optional<ErrorCode> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /** @return the Italian label shown to the developer */
    public String label() {
        return label;
    }

    /**
     * @param scheme a test IdP
     * @return whether that IdP offers this outcome
     */
    public boolean offeredBy(IdpScheme scheme) {
        return scheme.followsSpidRules() ? spid : cie;
    }

    /**
     * @param scheme a test IdP
     * @return the outcomes it offers, in order
     */
    public static List<Outcome> offeredAt(IdpScheme scheme) {
        return Arrays.stream(values()).filter(outcome -> outcome.offeredBy(scheme)).collect(Collectors.toList());
    }
}
