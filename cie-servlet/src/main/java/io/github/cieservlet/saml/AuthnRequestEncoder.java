package io.github.cieservlet.saml;

import io.github.cieservlet.config.RequestBinding;
import io.github.cieservlet.config.SpCredentials;
import org.opensaml.saml.saml2.core.AuthnRequest;

/**
 * Turns an unsigned AuthnRequest into what each binding sends: for HTTP-POST the XML with an enveloped
 * signature (right after the Issuer); for HTTP-Redirect the deflated, unsigned XML in a query signed with
 * SigAlg/Signature.
 */
public final class AuthnRequestEncoder {

    /** The query or form parameter that carries a request. */
    public static final String PARAM = "SAMLRequest";

    private final SpCredentials credentials;
    private final XmlSigner signer;

    /** @param credentials the SP key and certificate published in the SP metadata */
    public AuthnRequestEncoder(SpCredentials credentials) {
        this.credentials = credentials;
        this.signer = new XmlSigner(credentials.privateKey(), credentials.certificate());
    }

    /**
     * Signs the request; it must not be changed or encoded again afterwards.
     *
     * @param request an unsigned request
     * @return the signed XML, to base64-encode into the {@code SAMLRequest} form field
     */
    public String signedPostXml(AuthnRequest request) {
        requireUnsigned(request);
        return SecureXml.toXml(signer.sign(request));
    }

    /**
     * @param request an unsigned request
     * @param relayState the RelayState, or null
     * @return {@code SAMLRequest=...[&RelayState=...]&SigAlg=...&Signature=...}, to append to the Destination
     */
    public String redirectQuery(AuthnRequest request, String relayState) {
        requireUnsigned(request);
        return RedirectBinding.signedQuery(PARAM, SecureXml.toXml(request), relayState, credentials.privateKey(),
                credentials.certificate());
    }

    /**
     * @param request an unsigned request
     * @param binding the binding that carries it
     * @return the XML as sent and kept as evidence: for HTTP-POST the signed XML of {@link #signedPostXml}; for
     *     HTTP-Redirect the unsigned XML that is deflated into the query (its signature is over the query)
     */
    public String xmlAsSent(AuthnRequest request, RequestBinding binding) {
        return binding == RequestBinding.POST ? signedPostXml(request) : unsignedXml(request);
    }

    private static String unsignedXml(AuthnRequest request) {
        requireUnsigned(request);
        return SecureXml.toXml(request);
    }

    private static void requireUnsigned(AuthnRequest request) {
        if (request.getSignature() != null) {
            throw new IllegalArgumentException("the AuthnRequest is already signed; create a new one");
        }
    }
}
