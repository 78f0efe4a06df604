package io.github.cieservlet.config;

/** How the AuthnRequest travels to the identity provider. */
public enum RequestBinding {
    /** An auto-submitting HTML form; the request carries an enveloped XML signature. The CIE default. */
    POST("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"),
    /** A redirect; the request is deflated into the query string and signed with SigAlg/Signature. */
    REDIRECT("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect");

    private final String uri;

    RequestBinding(String uri) {
        this.uri = uri;
    }

    /** @return the SAML binding URI */
    public String uri() {
        return uri;
    }
}
