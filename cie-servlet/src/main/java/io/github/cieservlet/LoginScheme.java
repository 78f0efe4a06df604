package io.github.cieservlet;

import java.util.Locale;
import java.util.Optional;

/**
 * The identity schemes an Italian public-administration portal accepts, chosen in web.xml with
 * {@code cie.schemes}: CIE (the electronic identity card), SPID, and eIDAS (EU citizens, through the Italian eIDAS
 * node FICEP, which federates as one more SPID identity provider). The {@link CieIdentity} of a login says which
 * one authenticated the citizen.
 */
public enum LoginScheme {
    /** Carta d'Identità Elettronica, through the Ministry of the Interior's identity provider. */
    CIE("cie"),
    /** Sistema Pubblico di Identità Digitale, through one of the SPID identity providers of the AgID registry. */
    SPID("spid"),
    /** eIDAS notified identities of other EU countries, through the Italian eIDAS node (FICEP). */
    EIDAS("eidas");

    private final String id;

    LoginScheme(String id) {
        this.id = id;
    }

    /** @return the scheme's name in web.xml and in login URLs: {@code cie}, {@code spid} or {@code eidas} */
    public String id() {
        return id;
    }

    /**
     * @param value a scheme name as written in web.xml or in a login URL, case-insensitive, trimmed
     * @return the scheme, or empty when the value names none
     */
    public static Optional<LoginScheme> fromId(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        for (LoginScheme scheme : values()) {
            if (scheme.id.equals(wanted)) {
                return Optional.of(scheme);
            }
        }
        return Optional.empty();
    }
}
