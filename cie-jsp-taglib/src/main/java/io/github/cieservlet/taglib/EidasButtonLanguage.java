// SPDX-License-Identifier: Apache-2.0
package io.github.cieservlet.taglib;

/** The languages of the eIDAS button's text. */
enum EidasButtonLanguage implements ButtonText {
    IT("Entra con eIDAS"),
    EN("Login with eIDAS");

    private final String label;

    EidasButtonLanguage(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
