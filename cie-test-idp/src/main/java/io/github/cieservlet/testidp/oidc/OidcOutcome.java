package io.github.cieservlet.testidp.oidc;

/** What the test OP answers, picked by the tester: a login, or one of the profile's error codes. */
public enum OidcOutcome {
    /** The citizen logs in. */
    SUCCESS(null, "Autenticazione riuscita"),
    /** The citizen's credentials are refused or do not reach the level. */
    ACCESS_DENIED("access_denied", "Credenziali non valide (access_denied)"),
    /** The citizen refuses to send the data. */
    CONSENT_REQUIRED("consent_required", "Consenso negato (consent_required)"),
    /** The OP fails. */
    SERVER_ERROR("server_error", "Errore del gestore (server_error)");

    private final String error;
    private final String label;

    OidcOutcome(String error, String label) {
        this.error = error;
        this.label = label;
    }

    /** @return the {@code error} code, or null for a success */
    public String error() {
        return error;
    }

    /** @return the label on the chooser page */
    public String label() {
        return label;
    }
}
