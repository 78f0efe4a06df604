package io.github.cieservlet.saml.validation;

import io.github.cieservlet.CieAuthenticationException;
import io.github.cieservlet.CieError;
import io.github.cieservlet.saml.IdpMetadata;
import io.github.cieservlet.saml.SignatureShape;
import java.security.cert.X509Certificate;
import java.util.List;
import org.apache.xml.security.signature.XMLSignature;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.security.impl.SAMLSignatureProfileValidator;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.impl.SignatureImpl;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.SignatureValidator;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Verifies the enveloped signature of a Response or an Assertion, as received, against the identity
 * provider's metadata keys. Defeats signature wrapping by making sure the signature covers exactly the
 * element it sits in, so that the element the validator goes on reading is the element that was signed.
 *
 * <p>For one signed element, in this order:
 * <ol>
 * <li>exactly one {@code ds:Signature} child (none: {@link CieError#SIGNATURE_MISSING});</li>
 * <li>the SAML signature profile on the DOM ({@link SignatureShape}): one Reference, whose URI is {@code #} +
 * the parent's ID and resolves to the parent element itself; enveloped and exclusive c14n transforms only; no
 * {@code ds:Object}. Then OpenSAML's {@link SAMLSignatureProfileValidator}, which logs its refusals at ERROR and so
 * must only see signatures that already passed;</li>
 * <li>no other attribute in the document carries the element's ID ({@link DocumentIds}: the document is walked
 * once for all its signatures);</li>
 * <li>the algorithms ({@link SignatureAlgorithmCheck});</li>
 * <li>the cryptographic check with each identity provider metadata certificate in turn. The certificate in
 * the message's {@code KeyInfo} is never used.</li>
 * </ol>
 * Any failure but the first and the algorithms is {@link CieError#SIGNATURE_INVALID}.
 */
final class SignatureCheck {

    private final SAMLSignatureProfileValidator profileValidator = new SAMLSignatureProfileValidator();
    private final SignatureAlgorithmCheck algorithms = new SignatureAlgorithmCheck();

    /**
     * @param element a Response or Assertion unmarshalled from the received DOM
     * @param what the element, for the refusal detail
     * @return whether the element has a {@code ds:Signature} child
     * @throws CieAuthenticationException when it has more than one
     */
    boolean isSigned(SignableSAMLObject element, String what) throws CieAuthenticationException {
        return signatureCount(element, what) == 1;
    }

    /**
     * Verifies the signature of an element that must be signed.
     *
     * @param element a Response or Assertion unmarshalled from the received DOM
     * @param what the element, for the refusal detail (e.g. {@code "Assertion"})
     * @param idp the identity provider metadata, whose certificates are the only trusted keys
     * @throws CieAuthenticationException when the signature is missing, not allowed or does not verify
     */
    void verify(SignableSAMLObject element, String what, IdpMetadata idp) throws CieAuthenticationException {
        verify(element, what, idp, DocumentIds.of(domOf(element, what).getOwnerDocument()));
    }

    /**
     * Verifies the signature of an element that must be signed, with the document's IDs already counted (one
     * walk of the document for all its signatures).
     *
     * @param element a Response or Assertion unmarshalled from the received DOM
     * @param what the element, for the refusal detail (e.g. {@code "Assertion"})
     * @param idp the identity provider metadata, whose certificates are the only trusted keys
     * @param ids the IDs of the element's own document, counted after it was received
     * @throws CieAuthenticationException when the signature is missing, not allowed or does not verify
     * @throws IllegalArgumentException when {@code ids} counted another document
     */
    void verify(SignableSAMLObject element, String what, IdpMetadata idp, DocumentIds ids)
            throws CieAuthenticationException {
        if (ids.document() != domOf(element, what).getOwnerDocument()) {
            throw new IllegalArgumentException("the IDs were counted in another document than the " + what + "'s");
        }
        if (signatureCount(element, what) == 0) {
            throw new CieAuthenticationException(CieError.SIGNATURE_MISSING, what + " is not signed");
        }
        Signature signature = element.getSignature();
        if (!(signature instanceof SignatureImpl) || signature.getDOM() == null
                || !element.getDOM().isSameNode(signature.getDOM().getParentNode())) {
            throw new CieAuthenticationException(CieError.SIGNATURE_INVALID,
                    what + " signature is not the ds:Signature child of the " + what + " element");
        }
        String shape = SignatureShape.problem(signature.getDOM(), element.getDOM(), element.getSignatureReferenceID());
        if (shape != null) {
            throw new CieAuthenticationException(CieError.SIGNATURE_INVALID,
                    what + " signature does not follow the SAML signature profile: " + shape);
        }
        try {
            profileValidator.validate(signature);
        } catch (SignatureException e) {
            throw new CieAuthenticationException(CieError.SIGNATURE_INVALID,
                    what + " signature does not follow the SAML signature profile: " + e.getMessage(), e);
        }
        XMLSignature xmlSignature = ((SignatureImpl) signature).getXMLSignature();
        checkIdIsUnique(element, what, ids);
        algorithms.check(xmlSignature, what);
        verifyWithMetadataKeys(signature, what, idp.signingCertificates());
    }

    private static Element domOf(SignableSAMLObject element, String what) {
        Element dom = element.getDOM();
        if (dom == null) {
            throw new IllegalStateException(what + " has no DOM: validate only objects unmarshalled from the received XML");
        }
        return dom;
    }

    private static int signatureCount(SignableSAMLObject element, String what) throws CieAuthenticationException {
        Element dom = domOf(element, what);
        int count = 0;
        for (Node child = dom.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE && SignatureConstants.XMLSIG_NS.equals(child.getNamespaceURI())
                    && Signature.DEFAULT_ELEMENT_LOCAL_NAME.equals(child.getLocalName())) {
                count++;
            }
        }
        if (count > 1) {
            throw new CieAuthenticationException(CieError.SIGNATURE_INVALID, what + " has " + count + " ds:Signature children");
        }
        return count;
    }

    /** The ID the Reference points to ({@link SignatureShape} checked the URI) must be unique in the document. */
    private static void checkIdIsUnique(SignableSAMLObject element, String what, DocumentIds ids)
            throws CieAuthenticationException {
        String id = element.getSignatureReferenceID();
        int occurrences = ids.occurrences(id);
        if (occurrences != 1) {
            throw new CieAuthenticationException(CieError.SIGNATURE_INVALID,
                    what + " ID " + Detail.quote(id) + " occurs " + occurrences + " times in the document");
        }
    }

    private static void verifyWithMetadataKeys(Signature signature, String what, List<X509Certificate> certificates)
            throws CieAuthenticationException {
        SignatureException last = null;
        for (X509Certificate certificate : certificates) {
            try {
                SignatureValidator.validate(signature, new BasicX509Credential(certificate));
                return;
            } catch (SignatureException e) {
                last = e;
            }
        }
        throw new CieAuthenticationException(CieError.SIGNATURE_INVALID, what + " signature does not verify with any of the "
                + certificates.size() + " identity provider metadata certificate(s)", last);
    }
}
