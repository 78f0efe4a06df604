package io.github.cieservlet.saml.validation;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.saml.SignatureAlgorithms;
import java.util.Set;
import java.util.TreeSet;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.Reference;
import org.apache.xml.security.signature.SignedInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;

/**
 * The algorithms a signature of the identity provider may use: the signature method, canonicalisation, digest
 * and transforms must each be one of {@link SignatureAlgorithms} (RSA with SHA-256 or stronger, exclusive
 * canonicalisation); anything else (SHA-1, MD5, HMAC, inclusive canonicalisation, XPath/XSLT transforms) is
 * refused with {@link CieError#SIGNATURE_ALGORITHM_NOT_ALLOWED}.
 */
final class SignatureAlgorithmCheck {

    /**
     * @param signature the signature as received; it has exactly one Reference (checked before)
     * @param what the signed element, for the refusal detail
     * @throws CieAuthenticationException when an algorithm is not allowed
     */
    void check(XMLSignature signature, String what) throws CieAuthenticationException {
        SignedInfo signedInfo = signature.getSignedInfo();
        allowed(signedInfo.getSignatureMethodURI(), SignatureAlgorithms.SIGNATURE_METHODS, what + " SignatureMethod");
        allowed(signedInfo.getCanonicalizationMethodURI(), SignatureAlgorithms.CANONICALIZATION_METHODS,
                what + " CanonicalizationMethod");
        try {
            Reference reference = signedInfo.item(0);
            allowed(reference.getMessageDigestAlgorithm().getAlgorithmURI(), SignatureAlgorithms.DIGEST_METHODS,
                    what + " DigestMethod");
            Transforms transforms = reference.getTransforms();
            for (int i = 0; transforms != null && i < transforms.getLength(); i++) {
                allowed(transforms.item(i).getURI(), SignatureAlgorithms.TRANSFORMS, what + " Transform");
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
