package io.github.cieservlet.testidp.request;

import io.github.cieservlet.saml.EnvelopedSignatureVerifier;
import io.github.cieservlet.saml.RedirectBinding;
import java.util.Optional;
import org.opensaml.saml.saml2.core.RequestAbstractType;
import org.opensaml.xmlsec.signature.Signature;

/**
 * The signature each binding demands of a request (AuthnRequest, LogoutRequest), verified as cie-servlet verifies what it receives and
 * only with the signing certificates of the service provider metadata (never with the certificate the request
 * carries): an enveloped signature accepted by {@link EnvelopedSignatureVerifier} for HTTP-POST, the
 * SigAlg/Signature query signature accepted by {@link RedirectBinding#verify} and no enveloped one for
 * HTTP-Redirect.
 */
final class RequestSignatures {

    private RequestSignatures() {
    }

    /**
     * @param request a request received with HTTP-POST
     * @param sp the service provider's metadata
     * @return what is wrong with its signature, or empty when it verifies
     */
    static Optional<String> postProblem(RequestAbstractType request, SpMetadata sp) {
        Signature signature = request.getSignature();
        if (signature == null) {
            return Optional.of("with HTTP-POST the request must carry an enveloped ds:Signature, and it has none");
        }
        if (!EnvelopedSignatureVerifier.isValid(request, sp.signingCertificates())) {
            return Optional.of("the enveloped signature (SignatureMethod " + signature.getSignatureAlgorithm()
                    + ") does not verify with the signing certificate of the service provider metadata; it must"
                    + " follow the SAML signature profile (one Reference, to the request's ID, with the"
                    + " enveloped-signature and exclusive canonicalisation transforms only) and use RSA-SHA256 or"
                    + " stronger with SHA-256 or stronger digests");
        }
        return Optional.empty();
    }

    /**
     * @param request a request received with HTTP-Redirect
     * @param rawQuery the query string exactly as received
     * @param sp the service provider's metadata
     * @return what is wrong with its signature, or empty when it verifies
     */
    static Optional<String> redirectProblem(RequestAbstractType request, String rawQuery, SpMetadata sp) {
        if (request.getSignature() != null) {
            return Optional.of("with HTTP-Redirect the request must not carry an enveloped ds:Signature;"
                    + " the signature goes in the SigAlg and Signature query parameters");
        }
        if (!RedirectBinding.verify(rawQuery, RedirectQuery.SAML_REQUEST, sp.signingCertificates())) {
            return Optional.of("the query signature (SigAlg " + RedirectQuery.parameters(rawQuery).get("SigAlg")
                    + ") does not verify with the signing certificate of the service provider metadata; it must be"
                    + " RSA-SHA256 or stronger over SAMLRequest=...&RelayState=...&SigAlg=... exactly as sent");
        }
        return Optional.empty();
    }
}
