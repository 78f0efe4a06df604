// SPDX-License-Identifier: Apache-2.0
package io.github.cieservlet.taglib;

import java.util.Locale;

/** The languages of the eIDAS button's text. */
enum EidasButtonLanguage {
    IT("Entra con eIDAS"),
    EN("Login with eIDAS");

    private final String label;

    EidasButtonLanguage(String label) {
        this.label = label;
    }

    /** @return the text of the button, which is also the link's accessible name */
    String label() {
        return label;
    }

    /** @return the BCP 47 tag of the language, e.g. {@code en} */
    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
