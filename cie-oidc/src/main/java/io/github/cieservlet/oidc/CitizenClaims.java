package io.github.cieservlet.oidc;

import java.util.ArrayList;
import java.util.List;

/** The user claims the RP asks for and reads: the eIDAS minimum dataset, plus e-mail and phone when configured. */
final class CitizenClaims {

    /** Given name. */
    static final String GIVEN_NAME = "given_name";
    /** Surname. */
    static final String FAMILY_NAME = "family_name";
    /** Date of birth, {@code YYYY-MM-DD}. */
    static final String BIRTHDATE = "birthdate";
    /** The national unique identifier: {@code TINIT-} and the fiscal code. */
    static final String FISCAL_NUMBER = "https://attributes.eid.gov.it/fiscal_number";
    /** E-mail address. */
    static final String EMAIL = "email";
    /** Phone number. */
    static final String PHONE = "phone_number";

    private CitizenClaims() {
    }

    /**
     * @param settings the RP configuration
     * @return the claim names to request
     */
    static List<String> requested(OidcSettings settings) {
        List<String> names = new ArrayList<>(List.of(GIVEN_NAME, FAMILY_NAME, BIRTHDATE, FISCAL_NUMBER));
        if (settings.requestEmail()) {
            names.add(EMAIL);
        }
        if (settings.requestPhone()) {
            names.add(PHONE);
        }
        return names;
    }
}
