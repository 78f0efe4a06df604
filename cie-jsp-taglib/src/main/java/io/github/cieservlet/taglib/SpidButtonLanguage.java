// SPDX-License-Identifier: Apache-2.0
package io.github.cieservlet.taglib;

/** The languages of the SPID button: its text, the name of its list and the links to AgID's SPID pages. */
enum SpidButtonLanguage implements ButtonText {
    IT("Entra con SPID", "Gestori di identit&#224; SPID", "Maggiori informazioni", "Non hai SPID?", "Serve aiuto?"),
    EN("Sign in with SPID", "SPID identity providers", "More information", "Don't have SPID?", "Need help?");

    /** AgID's pages behind the three fixed links of the official button, in its order. */
    static final String[] SUPPORT_PAGES = {"https://www.spid.gov.it", "https://www.spid.gov.it/richiedi-spid",
        "https://www.spid.gov.it/serve-aiuto"};

    private final String label;
    private final String listName;
    private final String[] supportLinks;

    SpidButtonLanguage(String label, String listName, String... supportLinks) {
        this.label = label;
        this.listName = listName;
        this.supportLinks = supportLinks;
    }

    @Override
    public String label() {
        return label;
    }

    /** @return the accessible name of the list of identity providers, as HTML (a character reference for à) */
    String listName() {
        return listName;
    }

    /**
     * @param index 0, 1 or 2, as in {@link #SUPPORT_PAGES}
     * @return the text of that link: more information, no SPID yet, help
     */
    String supportLink(int index) {
        return supportLinks[index];
    }
}
