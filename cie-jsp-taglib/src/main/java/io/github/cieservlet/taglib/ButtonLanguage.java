package io.github.cieservlet.taglib;

import java.util.Locale;

/** The languages of the login button's text. */
enum ButtonLanguage {
    IT("Entra con CIE"),
    EN("Sign in with CIE"),
    DE("Mit CIE anmelden");

    private final String label;

    ButtonLanguage(String label) {
        this.label = label;
    }

    /** @return the text of the button, which is also the link's accessible name */
    String label() {
        return label;
    }

    /** @return the BCP 47 tag of the language, e.g. {@code it} */
    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
