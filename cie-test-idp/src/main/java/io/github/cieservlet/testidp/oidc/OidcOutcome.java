package io.github.cieservlet.testidp.oidc;

/**
 * What the test OP answers, picked by the tester: a login, one of the profile's error codes, or a login whose answer
 * is wrong in one way (for the RP's refusals end to end).
 */
public enum OidcOutcome {
    /** The citizen logs in. */
    SUCCESS(null, "Autenticazione riuscita"),
    /** The citizen's credentials are refused or do not reach the level. */
    ACCESS_DENIED("access_denied", "Credenziali non valide (access_denied)"),
    /** The citizen refuses to send the data. */
    CONSENT_REQUIRED("consent_required", "Consenso negato (consent_required)"),
    /** The OP fails. */
    SERVER_ERROR("server_error", "Errore del gestore (server_error)"),
    /** The OP refuses the request object. */
    INVALID_REQUEST_OBJECT("invalid_request_object", "Richiesta rifiutata (invalid_request_object)"),
    /** The authorization response names another issuer ({@code iss} = the trust anchor). */
    WRONG_ISSUER(null, "Prova: iss della risposta errato"),
    /** The ID token's {@code nonce} is not the request's. */
    WRONG_NONCE(null, "Prova: nonce dell'ID token errato"),
    /** The ID token expired ten minutes ago. */
    EXPIRED_ID_TOKEN(null, "Prova: ID token scaduto"),
    /** The ID token's {@code aud} names another RP. */
    WRONG_AUDIENCE(null, "Prova: aud dell'ID token errato");

    private final String error;
    private final String label;

    OidcOutcome(String error, String label) {
        this.error = error;
        this.label = label;
    }

    /** @return the {@code error} code, or null when the OP issues a code */
    public String error() {
        return error;
    }

    /** @return the label on the chooser page */
    public String label() {
        return label;
    }
}
