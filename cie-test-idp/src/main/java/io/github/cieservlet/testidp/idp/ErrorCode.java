package io.github.cieservlet.testidp.idp;

import java.util.Locale;
import java.util.Optional;
import org.opensaml.saml.saml2.core.StatusCode;

/**
 * The CIE and SPID identity providers' error codes that these test IdPs produce (CIE reserves 19, 20 and 30,
 * which only the SPID and FICEP test IdPs send). Codes 2-7 and 10 are shown on an IdP
 * error page (the service provider never hears of them); the others travel back to the service provider as a
 * signed Response whose StatusMessage is {@code ErrorCode nrNN}.
 */
public enum ErrorCode {
    /** The IdP cannot serve the request now (here: the service provider's metadata cannot be read). */
    NR02(2, 503, null, null, "Sistema di autenticazione non disponibile - Riprovare più tardi"),
    /** An unexpected failure of the IdP. */
    NR03(3, 500, null, null, "Errore di sistema"),
    /** Mandatory binding parameters missing or not decodable. */
    NR04(4, 403, null, null, "Formato binding non corretto"),
    /** HTTP-Redirect query signature missing or not valid. */
    NR05(5, 403, null, null, "Impossibile stabilire l'autenticità della richiesta di autenticazione"
            + " (verifica della firma HTTP-Redirect fallita)"),
    /** The endpoint was called with the wrong HTTP method. */
    NR06(6, 403, null, null, "Formato richiesta non ricevibile (metodo HTTP errato per questo binding)"),
    /** HTTP-POST enveloped signature missing or not valid. */
    NR07(7, 403, null, null, "Impossibile stabilire l'autenticità della richiesta di autenticazione"
            + " (verifica della firma HTTP-POST fallita)"),
    /** The request is not a SAML request CIE accepts. */
    NR08(8, 0, StatusCode.REQUESTER, null, "Formato della richiesta non conforme alle specifiche SAML"),
    /** Version missing or not 2.0. */
    NR09(9, 0, StatusCode.REQUESTER, StatusCode.VERSION_MISMATCH,
            "Parametro Version non presente, malformato o diverso da 2.0"),
    /** Issuer missing, malformed, or not a registered service provider. */
    NR10(10, 403, null, null, "Issuer non presente, malformato o non corrispondente a un fornitore di servizi"
            + " registrato (l'applicazione non è registrata)"),
    /** ID missing or malformed. */
    NR11(11, 0, StatusCode.REQUESTER, null, "Identificatore della richiesta (ID) non presente, malformato o non conforme"),
    /** RequestedAuthnContext missing, malformed or not allowed. */
    NR12(12, 0, StatusCode.REQUESTER, StatusCode.NO_AUTHN_CONTEXT,
            "RequestedAuthnContext non presente, malformato o non previsto (tipologia di autenticazione non supportata)"),
    /** IssueInstant missing, malformed or too far from the time of arrival. */
    NR13(13, 0, StatusCode.REQUESTER, StatusCode.REQUEST_DENIED,
            "IssueInstant non presente, malformato o non coerente con l'orario di arrivo della richiesta"),
    /** Destination missing or not the SSO endpoint used. */
    NR14(14, 0, StatusCode.REQUESTER, StatusCode.REQUEST_UNSUPPORTED,
            "Destination non presente, malformata o diversa dall'indirizzo del servizio che riceve la richiesta"),
    /** IsPassive is true. */
    NR15(15, 0, StatusCode.REQUESTER, StatusCode.NO_PASSIVE, "Attributo IsPassive presente e impostato a true"),
    /** AssertionConsumerService reference missing or not in the service provider's metadata. */
    NR16(16, 0, StatusCode.REQUESTER, StatusCode.REQUEST_UNSUPPORTED,
            "AssertionConsumerService non correttamente valorizzato"),
    /** NameIDPolicy missing or its Format not transient. */
    NR17(17, 0, StatusCode.REQUESTER, StatusCode.REQUEST_UNSUPPORTED,
            "Attributo Format dell'elemento NameIDPolicy assente o non valorizzato secondo specifica"),
    /** AttributeConsumingServiceIndex missing or not in the service provider's metadata. */
    NR18(18, 0, StatusCode.REQUESTER, StatusCode.REQUEST_UNSUPPORTED,
            "AttributeConsumingServiceIndex malformato o non registrato nei metadati del fornitore di servizi"),
    /** SPID: authentication failed after repeated wrong credentials (reserved in CIE). */
    NR19(19, 0, StatusCode.RESPONDER, StatusCode.AUTHN_FAILED,
            "Autenticazione fallita per ripetuta sottomissione di credenziali errate"),
    /** SPID: the citizen has no credentials of the level the service provider asks for (reserved in CIE). */
    NR20(20, 0, StatusCode.RESPONDER, StatusCode.AUTHN_FAILED,
            "Utente privo di credenziali compatibili con il livello richiesto dal fornitore di servizi"),
    /** The citizen did not complete the authentication in time. */
    NR21(21, 0, StatusCode.RESPONDER, StatusCode.AUTHN_FAILED, "Timeout durante l'autenticazione"),
    /** The citizen refused to send the data to the service provider. */
    NR22(22, 0, StatusCode.RESPONDER, StatusCode.AUTHN_FAILED,
            "L'utente ha negato il consenso all'invio dei dati al fornitore di servizi"),
    /** The card is expired or revoked. */
    NR23(23, 0, StatusCode.RESPONDER, StatusCode.AUTHN_FAILED, "CIE scaduta o revocata"),
    /** The citizen cancelled the authentication. */
    NR25(25, 0, StatusCode.RESPONDER, StatusCode.AUTHN_FAILED, "Processo di autenticazione annullato dall'utente"),
    /** SPID only: the citizen used a kind of digital identity other than the one asked for (Avviso SPID 18). */
    NR30(30, 0, StatusCode.RESPONDER, StatusCode.AUTHN_FAILED,
            "Tentativo di usare una tipologia di identità digitale diversa da quella richiesta dal fornitore di"
                    + " servizi");

    private static final String SPID_NR23 = "Utente con identità sospesa o revocata o con credenziali bloccate";

    private final int number;
    private final int httpStatus;
    private final String statusCode;
    private final String subStatusCode;
    private final String description;

    ErrorCode(int number, int httpStatus, String statusCode, String subStatusCode, String description) {
        this.number = number;
        this.httpStatus = httpStatus;
        this.statusCode = statusCode;
        this.subStatusCode = subStatusCode;
        this.description = description;
    }

    /** @return the code as CIE writes it, e.g. {@code nr08} */
    public String label() {
        return String.format(Locale.ROOT, "nr%02d", number);
    }

    /** @return the StatusMessage of the error Response, e.g. {@code ErrorCode nr22} */
    public String statusMessage() {
        return "ErrorCode " + label();
    }

    /** @return whether the error goes back to the service provider as a Response (else it is an IdP page) */
    public boolean returnedToServiceProvider() {
        return statusCode != null;
    }

    /** @return the HTTP status of the IdP error page, for codes that are not returned to the service provider */
    public int httpStatus() {
        if (returnedToServiceProvider()) {
            throw new IllegalStateException(label() + " is returned to the service provider, not shown");
        }
        return httpStatus;
    }

    /** @return the top-level StatusCode URI of the error Response */
    public String statusCode() {
        if (!returnedToServiceProvider()) {
            throw new IllegalStateException(label() + " is shown by the IdP, not returned");
        }
        return statusCode;
    }

    /** @return the second-level StatusCode URI of the error Response, if any */
    public Optional<String> subStatusCode() {
        return Optional.ofNullable(subStatusCode);
    }

    /** @return what the code means, in Italian, as the CIE rules say it */
    public String description() {
        return description;
    }

    /**
     * @param scheme the test IdP that answers
     * @return what the code means for that scheme, in Italian (nr23 is about the card for CIE, the identity or its
     *     credentials for SPID)
     */
    public String description(IdpScheme scheme) {
        return this == NR23 && scheme.followsSpidRules() ? SPID_NR23 : description;
    }
}
