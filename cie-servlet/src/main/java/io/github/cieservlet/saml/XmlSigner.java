package io.github.cieservlet.saml;

import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Objects;
import org.opensaml.saml.common.SAMLObjectContentReference;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.KeyInfo;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.X509Data;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.Signer;
import org.w3c.dom.Element;

/**
 * Signs SAML objects with an enveloped XML signature as the CIE rules ask: RSA-SHA256, SHA-256 digest,
 * exclusive canonicalisation, Reference to the element's ID, and the whole certificate in KeyInfo.
 *
 * <p>Each object is marshalled once, with its (still empty) signature, and signed on that DOM; the certificate
 * is base64-encoded once, when the signer is made.
 */
public final class XmlSigner {

    private final BasicX509Credential credential;
    private final String certificateBase64;

    /**
     * @param privateKey the RSA signing key
     * @param certificate its certificate, put in KeyInfo
     * @throws IllegalArgumentException when the certificate cannot be encoded
     */
    public XmlSigner(PrivateKey privateKey, X509Certificate certificate) {
        this.credential = new BasicX509Credential(Objects.requireNonNull(certificate, "certificate"),
                Objects.requireNonNull(privateKey, "privateKey"));
        try {
            this.certificateBase64 = Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("cannot encode the signing certificate", e);
        }
    }

    /** @return the signing credential */
    public BasicX509Credential credential() {
        return credential;
    }

    /**
     * Signs an object that has an ID and no signature yet; it must not be changed afterwards.
     *
     * @param object the object to sign
     * @return its signed DOM
     */
    public Element sign(SignableSAMLObject object) {
        Signature signature = SamlObjects.build(Signature.DEFAULT_ELEMENT_NAME, Signature.class);
        signature.setSigningCredential(credential);
        signature.setSignatureAlgorithm(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256);
        signature.setCanonicalizationAlgorithm(SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        signature.setKeyInfo(keyInfo());
        // setting the signature drops any DOM the object (or its parents) had: the marshalling below is the only one
        object.setSignature(signature);
        ((SAMLObjectContentReference) signature.getContentReferences().get(0))
                .setDigestAlgorithm(SignatureConstants.ALGO_ID_DIGEST_SHA256);
        Element element = SecureXml.marshall(object);
        try {
            Signer.signObject(signature);
        } catch (SignatureException e) {
            throw new IllegalStateException("cannot sign " + object.getElementQName(), e);
        }
        return element;
    }

    /** @return {@code <ds:KeyInfo><ds:X509Data><ds:X509Certificate>} with the signing certificate */
    private KeyInfo keyInfo() {
        org.opensaml.xmlsec.signature.X509Certificate certificate = SamlObjects.build(
                org.opensaml.xmlsec.signature.X509Certificate.DEFAULT_ELEMENT_NAME,
                org.opensaml.xmlsec.signature.X509Certificate.class);
        certificate.setValue(certificateBase64);
        X509Data data = SamlObjects.build(X509Data.DEFAULT_ELEMENT_NAME, X509Data.class);
        data.getX509Certificates().add(certificate);
        KeyInfo keyInfo = SamlObjects.build(KeyInfo.DEFAULT_ELEMENT_NAME, KeyInfo.class);
        keyInfo.getX509Datas().add(data);
        return keyInfo;
    }
}
