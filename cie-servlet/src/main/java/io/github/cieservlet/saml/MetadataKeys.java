package io.github.cieservlet.saml;

import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.saml.saml2.metadata.RoleDescriptor;
import org.opensaml.security.credential.UsageType;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;
import org.opensaml.xmlsec.signature.KeyInfo;

/**
 * The signing keys in SAML metadata: the {@code <md:KeyDescriptor use="signing">} an entity publishes, and the
 * signing certificates read back from the KeyDescriptors of a received role descriptor.
 */
public final class MetadataKeys {

    private MetadataKeys() {
    }

    /**
     * @param certificate the signing certificate
     * @return {@code <md:KeyDescriptor use="signing">} with the whole certificate in its KeyInfo
     */
    public static KeyDescriptor signingKey(X509Certificate certificate) {
        KeyInfo keyInfo = SamlObjects.build(KeyInfo.DEFAULT_ELEMENT_NAME, KeyInfo.class);
        try {
            KeyInfoSupport.addCertificate(keyInfo, certificate);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode the signing certificate", e);
        }
        KeyDescriptor key = SamlObjects.build(KeyDescriptor.DEFAULT_ELEMENT_NAME, KeyDescriptor.class);
        key.setUse(UsageType.SIGNING);
        key.setKeyInfo(keyInfo);
        return key;
    }

    /**
     * @param role the IDPSSODescriptor or SPSSODescriptor of received metadata
     * @return the certificates of its KeyDescriptors with {@code use="signing"}, an unspecified use or no
     *     {@code use}, in document order; empty when there are none
     * @throws SamlXmlException when one of those certificates cannot be decoded
     */
    public static List<X509Certificate> signingCertificates(RoleDescriptor role) throws SamlXmlException {
        List<X509Certificate> certificates = new ArrayList<>();
        for (KeyDescriptor key : role.getKeyDescriptors()) {
            UsageType use = key.getUse();
            if ((use == null || use == UsageType.SIGNING || use == UsageType.UNSPECIFIED) && key.getKeyInfo() != null) {
                try {
                    certificates.addAll(KeyInfoSupport.getCertificates(key.getKeyInfo()));
                } catch (CertificateException e) {
                    throw new SamlXmlException("a signing certificate in the metadata cannot be decoded", e);
                }
            }
        }
        return certificates;
    }
}
