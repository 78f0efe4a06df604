package io.github.cieservlet.taglib;

/** The languages of the login button's text. */
enum ButtonLanguage implements ButtonText {
    IT("Entra con CIE"),
    EN("Sign in with CIE"),
    DE("Mit CIE anmelden");

    private final String label;

    ButtonLanguage(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
