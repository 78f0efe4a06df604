package io.github.cieservlet.tools.cert;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;

/** Prints a certificate subject readably, including the uri and organizationIdentifier attributes. */
final class SubjectNames {

    private SubjectNames() {
    }

    /**
     * @param certificate a certificate
     * @return its subject, e.g. {@code C=IT,L=Roma,O=...,CN=...,2.5.4.83=https://...,organizationIdentifier=PA:IT-...}
     */
    static String describe(X509Certificate certificate) {
        try {
            return BCStyle.INSTANCE.toString(new JcaX509CertificateHolder(certificate).getSubject());
        } catch (CertificateEncodingException e) {
            return certificate.getSubjectX500Principal().getName();
        }
    }
}
