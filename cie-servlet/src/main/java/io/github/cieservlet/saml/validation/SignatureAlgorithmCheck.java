package io.github.cieservlet.saml.validation;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import java.util.Set;
import java.util.TreeSet;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.Reference;
import org.apache.xml.security.signature.SignedInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

/**
 * The algorithms a signature of the identity provider may use (CIE-SAML {@code pki.rst}, SPID validators):
 * RSA with SHA-256, SHA-384 or SHA-512; digest SHA-256, SHA-384 or SHA-512; exclusive canonicalisation
 * without comments; the enveloped-signature and exclusive canonicalisation transforms only. SHA-1, MD5,
 * HMAC, inclusive canonicalisation and XPath/XSLT transforms are refused with
 * {@link CieError#SIGNATURE_ALGORITHM_NOT_ALLOWED}.
 */
final class SignatureAlgorithmCheck {

    private static final Set<String> SIGNATURE_METHODS = Set.of(
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256,
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA384,
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA512);

    private static final Set<String> DIGEST_METHODS = Set.of(
            SignatureConstants.ALGO_ID_DIGEST_SHA256,
            SignatureConstants.ALGO_ID_DIGEST_SHA384,
            SignatureConstants.ALGO_ID_DIGEST_SHA512);

    private static final Set<String> TRANSFORMS = Set.of(
            SignatureConstants.TRANSFORM_ENVELOPED_SIGNATURE,
            SignatureConstants.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);

    /**
     * @param signature the signature as received; it has exactly one Reference (checked before)
     * @param what the signed element, for the refusal detail
     * @throws CieAuthenticationException when an algorithm is not allowed
     */
    void check(XMLSignature signature, String what) throws CieAuthenticationException {
        SignedInfo signedInfo = signature.getSignedInfo();
        allowed(signedInfo.getSignatureMethodURI(), SIGNATURE_METHODS, what + " SignatureMethod");
        allowed(signedInfo.getCanonicalizationMethodURI(),
                Set.of(SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS), what + " CanonicalizationMethod");
        try {
            Reference reference = signedInfo.item(0);
            allowed(reference.getMessageDigestAlgorithm().getAlgorithmURI(), DIGEST_METHODS, what + " DigestMethod");
            Transforms transforms = reference.getTransforms();
            for (int i = 0; transforms != null && i < transforms.getLength(); i++) {
                allowed(transforms.item(i).getURI(), TRANSFORMS, what + " Transform");
            }
        } catch (XMLSecurityException e) {
            throw new CieAuthenticationException(CieError.SIGNATURE_INVALID,
                    what + " signature Reference cannot be read: " + e.getMessage(), e);
        }
    }

    private static void allowed(String algorithm, Set<String> allowed, String what) throws CieAuthenticationException {
        if (algorithm == null || !allowed.contains(algorithm)) {
            throw new CieAuthenticationException(CieError.SIGNATURE_ALGORITHM_NOT_ALLOWED,
                    what + " " + Detail.quote(algorithm) + " is not allowed; allowed: " + new TreeSet<>(allowed));
        }
    }
}
