package io.github.cieservlet.saml.spid;

import io.github.cieservlet.saml.SecureXml;
import io.github.cieservlet.testing.TestCredentials;
import io.github.cieservlet.testing.XmlFixtureSigner;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.w3c.dom.Element;

/** Aggregates of SPID IdP metadata shaped like AgID's {@code spid-entities-idps.xml}, with generated keys. */
final class SpidAggregateXml {

    static final String POSTE = "https://posteid.test";
    static final String ARUBA = "https://loginspid.aruba.test";

    private SpidAggregateXml() {
    }

    /**
     * @param entity the IdP entity ID
     * @param displayName its OrganizationDisplayName (xml:lang="it")
     * @param signing its signing certificate, or null for an IdP without one
     * @return one EntityDescriptor
     */
    static String idp(String entity, String displayName, X509Certificate signing) {
        String key = signing == null ? "" : """
                <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>%s</ds:X509Certificate>
                </ds:X509Data></ds:KeyInfo></md:KeyDescriptor>""".formatted(base64(signing));
        return """
                <md:EntityDescriptor entityID="%1$s">
                  <md:IDPSSODescriptor WantAuthnRequestsSigned="true" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
                    %3$s
                    <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="%1$s/slo"/>
                    <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:transient</md:NameIDFormat>
                    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="%1$s/sso"/>
                    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="%1$s/sso"/>
                  </md:IDPSSODescriptor>
                  <md:Organization>
                    <md:OrganizationName xml:lang="en">%2$s Ltd</md:OrganizationName>
                    <md:OrganizationName xml:lang="it">%2$s S.p.A.</md:OrganizationName>
                    <md:OrganizationDisplayName xml:lang="en">%2$s (en)</md:OrganizationDisplayName>
                    <md:OrganizationDisplayName xml:lang="it">%2$s</md:OrganizationDisplayName>
                    <md:OrganizationURL xml:lang="it">%1$s</md:OrganizationURL>
                  </md:Organization>
                </md:EntityDescriptor>
                """.formatted(entity, displayName, key);
    }

    /** @param entities EntityDescriptors @return an unsigned aggregate */
    static String aggregate(String... entities) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"
                    xmlns:ds="http://www.w3.org/2000/09/xmldsig#" ID="_registry" Name="https://idps.spid.test">
                %s
                </md:EntitiesDescriptor>
                """.formatted(String.join("\n", entities)).strip();
    }

    /** @return the two IdPs, unsigned */
    static String twoIdps() {
        return aggregate(idp(POSTE, "Poste ID", TestCredentials.idp().certificate()),
                idp(ARUBA, "Aruba ID", TestCredentials.attacker().certificate()));
    }

    /**
     * @param xml an aggregate
     * @param tamper applied to the signed document's text, e.g. to change a signed value
     * @return the aggregate signed by {@link TestCredentials#idp()}, its ds:Signature the first child
     */
    static byte[] signed(String xml, java.util.function.UnaryOperator<String> tamper) throws Exception {
        Element root = SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
        XmlFixtureSigner.of(root).sign();
        Element signature = (Element) root.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Signature")
                .item(0);
        root.insertBefore(signature, root.getFirstChild());
        return tamper.apply(SecureXml.toXml(root)).getBytes(StandardCharsets.UTF_8);
    }

    private static String base64(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
