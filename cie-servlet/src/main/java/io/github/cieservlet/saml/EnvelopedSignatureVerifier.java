package io.github.cieservlet.saml;

import java.security.cert.X509Certificate;
import java.util.List;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.security.impl.SAMLSignatureProfileValidator;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.SignatureValidator;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Verifies the enveloped XML signature of a received SAML object: SAML signature profile (one Reference, to
 * the object's own ID, enveloped + exc-c14n transforms only; {@link SignatureShape} first, so that OpenSAML's
 * validator, which logs at ERROR, never sees a signature that breaks it), a signature method and digests among
 * {@link SignatureAlgorithms} (RSA with SHA-256 or stronger), and a cryptographically valid signature by one of
 * the trusted certificates' keys (the KeyInfo sent with the message is never trusted).
 */
public final class EnvelopedSignatureVerifier {

    private EnvelopedSignatureVerifier() {
    }

    /**
     * @param object an object unmarshalled from received XML, DOM still attached
     * @param trusted the certificates whose keys may have signed it
     * @return true only if the object is signed as described above by one of the trusted keys
     */
    public static boolean isValid(SignableSAMLObject object, List<X509Certificate> trusted) {
        Signature signature = object.getSignature();
        if (signature == null || signature.getDOM() == null || object.getDOM() == null
                || !SignatureAlgorithms.SIGNATURE_METHODS.contains(signature.getSignatureAlgorithm())
                || !SignatureAlgorithms.CANONICALIZATION_METHODS.contains(signature.getCanonicalizationAlgorithm())
                || !allowedDigests(signature.getDOM())) {
            return false;
        }
        if (SignatureShape.problem(signature.getDOM(), object.getDOM(), object.getSignatureReferenceID()) != null) {
            return false;
        }
        try {
            new SAMLSignatureProfileValidator().validate(signature);
        } catch (SignatureException e) {
            return false;
        }
        for (X509Certificate certificate : trusted) {
            try {
                SignatureValidator.validate(signature, new BasicX509Credential(certificate));
                return true;
            } catch (SignatureException e) {
                // not this key: try the next one
            }
        }
        return false;
    }

    private static boolean allowedDigests(Element signature) {
        NodeList methods = signature.getElementsByTagNameNS(SignatureConstants.XMLSIG_NS, "DigestMethod");
        if (methods.getLength() == 0) {
            return false;
        }
        for (int i = 0; i < methods.getLength(); i++) {
            String algorithm = ((Element) methods.item(i)).getAttributeNS(null, "Algorithm");
            if (!SignatureAlgorithms.DIGEST_METHODS.contains(algorithm)) {
                return false;
            }
        }
        return true;
    }
}
