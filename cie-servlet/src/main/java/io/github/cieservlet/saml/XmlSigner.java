package io.github.cieservlet.saml;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;
import org.opensaml.saml.common.SAMLObjectContentReference;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.security.SecurityException;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.keyinfo.impl.X509KeyInfoGeneratorFactory;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.Signer;
import org.w3c.dom.Element;

/**
 * Signs SAML objects with an enveloped XML signature as the CIE rules ask: RSA-SHA256, SHA-256 digest,
 * exclusive canonicalisation, Reference to the element's ID, and the whole certificate in KeyInfo.
 */
public final class XmlSigner {

    private final BasicX509Credential credential;

    /**
     * @param privateKey the RSA signing key
     * @param certificate its certificate, put in KeyInfo
     */
    public XmlSigner(PrivateKey privateKey, X509Certificate certificate) {
        this.credential = new BasicX509Credential(Objects.requireNonNull(certificate, "certificate"),
                Objects.requireNonNull(privateKey, "privateKey"));
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
        X509KeyInfoGeneratorFactory keyInfo = new X509KeyInfoGeneratorFactory();
        keyInfo.setEmitEntityCertificate(true);
        try {
            signature.setKeyInfo(keyInfo.newInstance().generate(credential));
        } catch (SecurityException e) {
            throw new IllegalStateException("cannot put the certificate in KeyInfo", e);
        }
        object.setSignature(signature);
        ((SAMLObjectContentReference) signature.getContentReferences().get(0))
                .setDigestAlgorithm(SignatureConstants.ALGO_ID_DIGEST_SHA256);
        object.releaseDOM();
        Element element = SecureXml.marshall(object);
        try {
            Signer.signObject(signature);
        } catch (SignatureException e) {
            throw new IllegalStateException("cannot sign " + object.getElementQName(), e);
        }
        return element;
    }
}
