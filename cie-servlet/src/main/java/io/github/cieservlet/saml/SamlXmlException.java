package io.github.cieservlet.saml;

/** An XML document could not be parsed, unmarshalled or marshalled as SAML. */
public final class SamlXmlException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed
     * @param cause the underlying failure
     */
    public SamlXmlException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param message what failed */
    public SamlXmlException(String message) {
        super(message);
    }
}
