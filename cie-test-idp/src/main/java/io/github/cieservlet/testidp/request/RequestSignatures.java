package io.github.cieservlet.testidp.request;

import io.github.cieservlet.saml.RedirectBinding;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.Set;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.security.impl.SAMLSignatureProfileValidator;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.SignatureValidator;

/**
 * The signature each binding demands of an AuthnRequest, verified only with the signing certificates of the
 * service provider metadata (never with the certificate the request carries): an enveloped RSA-SHA256+
 * signature following the SAML profile for HTTP-POST, the SigAlg/Signature query signature and no enveloped
 * one for HTTP-Redirect.
 */
final class RequestSignatures {

    private static final Set<String> SIGNATURE_ALGORITHMS = Set.of(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256,
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA384, SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA512);

    private RequestSignatures() {
    }

    /**
     * @param request a request received with HTTP-POST
     * @param sp the service provider's metadata
     * @return what is wrong with its signature, or empty when it verifies
     */
    static Optional<String> postProblem(AuthnRequest request, SpMetadata sp) {
        Signature signature = request.getSignature();
        if (signature == null) {
            return Optional.of("with HTTP-POST the request must carry an enveloped ds:Signature, and it has none");
        }
        if (!SIGNATURE_ALGORITHMS.contains(signature.getSignatureAlgorithm())) {
            return Optional.of("signature algorithm " + signature.getSignatureAlgorithm()
                    + " is not accepted; use " + SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256);
        }
        try {
            new SAMLSignatureProfileValidator().validate(signature);
        } catch (SignatureException e) {
            return Optional.of("the signature does not follow the SAML signature profile: " + e.getMessage());
        }
        for (X509Certificate certificate : sp.signingCertificates()) {
            try {
                SignatureValidator.validate(signature, new BasicX509Credential(certificate));
                return Optional.empty();
            } catch (SignatureException e) {
                // not this certificate: try the next one
            }
        }
        return Optional.of("the enveloped signature does not verify with the signing certificate of the service"
                + " provider metadata");
    }

    /**
     * @param request a request received with HTTP-Redirect
     * @param rawQuery the query string exactly as received
     * @param sp the service provider's metadata
     * @return what is wrong with its signature, or empty when it verifies
     */
    static Optional<String> redirectProblem(AuthnRequest request, String rawQuery, SpMetadata sp) {
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
