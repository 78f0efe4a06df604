package io.github.cieservlet.saml;

import io.github.cieservlet.testing.TestSettings;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

/**
 * Identity provider metadata shaped like the Ministry's (a Shibboleth IdP: shibmd/mdui extensions, SAML 1
 * and POST-SimpleSign endpoints next to the SAML 2 ones, four SingleLogoutService bindings, an encryption key),
 * with generated certificates.
 */
public final class IdpMetadataXml {

    static final String HOST = "https://preproduzione.idserver.servizicie.interno.gov.it";
    static final String ENTITY_ID = TestSettings.IDP_ENTITY_ID;
    public static final String SSO_POST = HOST + "/idp/profile/SAML2/POST/SSO";
    public static final String SSO_REDIRECT = HOST + "/idp/profile/SAML2/Redirect/SSO";
    static final String SLO_REDIRECT = HOST + "/idp/profile/SAML2/Redirect/SLO";

    private IdpMetadataXml() {
    }

    /**
     * @param signing the certificate of the signing key
     * @param encryption the certificate of the encryption key (must not be taken for a signing one)
     * @return a complete metadata document
     */
    public static String document(X509Certificate signing, X509Certificate encryption) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + entityDescriptor(ENTITY_ID, signing, encryption);
    }

    /** @return {@link #document} as bytes */
    static byte[] bytes(X509Certificate signing, X509Certificate encryption) {
        return document(signing, encryption).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param entityId the IdP entity ID
     * @param signing the certificate of the signing key
     * @param encryption the certificate of the encryption key
     * @return one EntityDescriptor element, without XML declaration
     */
    static String entityDescriptor(String entityId, X509Certificate signing, X509Certificate encryption) {
        return """
                <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"
                    xmlns:ds="http://www.w3.org/2000/09/xmldsig#"
                    xmlns:shibmd="urn:mace:shibboleth:metadata:1.0"
                    xmlns:mdui="urn:oasis:names:tc:SAML:metadata:ui"
                    entityID="%1$s">
                  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol urn:oasis:names:tc:SAML:1.1:protocol urn:mace:shibboleth:1.0">
                    <md:Extensions>
                      <shibmd:Scope regexp="false">servizicie.interno.gov.it</shibmd:Scope>
                      <mdui:UIInfo>
                        <mdui:DisplayName xml:lang="it">CIE - Carta d'Identita' Elettronica</mdui:DisplayName>
                      </mdui:UIInfo>
                    </md:Extensions>
                    <md:KeyDescriptor use="signing">
                      <ds:KeyInfo>
                        <ds:X509Data>
                          <ds:X509Certificate>
                %3$s
                          </ds:X509Certificate>
                        </ds:X509Data>
                      </ds:KeyInfo>
                    </md:KeyDescriptor>
                    <md:KeyDescriptor use="encryption">
                      <ds:KeyInfo>
                        <ds:X509Data>
                          <ds:X509Certificate>%4$s</ds:X509Certificate>
                        </ds:X509Data>
                      </ds:KeyInfo>
                    </md:KeyDescriptor>
                    <md:ArtifactResolutionService Binding="urn:oasis:names:tc:SAML:1.0:bindings:SOAP-binding" Location="%2$s:8443/idp/profile/SAML1/SOAP/ArtifactResolution" index="1"/>
                    <md:ArtifactResolutionService Binding="urn:oasis:names:tc:SAML:2.0:bindings:SOAP" Location="%2$s:8443/idp/profile/SAML2/SOAP/ArtifactResolution" index="2"/>
                    <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="%2$s/idp/profile/SAML2/Redirect/SLO"/>
                    <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="%2$s/idp/profile/SAML2/POST/SLO"/>
                    <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST-SimpleSign" Location="%2$s/idp/profile/SAML2/POST-SimpleSign/SLO"/>
                    <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:SOAP" Location="%2$s:8443/idp/profile/SAML2/SOAP/SLO"/>
                    <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:transient</md:NameIDFormat>
                    <md:SingleSignOnService Binding="urn:mace:shibboleth:1.0:profiles:AuthnRequest" Location="%2$s/idp/profile/Shibboleth/SSO"/>
                    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="%2$s/idp/profile/SAML2/POST/SSO"/>
                    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST-SimpleSign" Location="%2$s/idp/profile/SAML2/POST-SimpleSign/SSO"/>
                    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="%2$s/idp/profile/SAML2/Redirect/SSO"/>
                  </md:IDPSSODescriptor>
                  <md:AttributeAuthorityDescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:1.1:protocol">
                    <md:KeyDescriptor use="signing">
                      <ds:KeyInfo><ds:X509Data><ds:X509Certificate>%4$s</ds:X509Certificate></ds:X509Data></ds:KeyInfo>
                    </md:KeyDescriptor>
                    <md:AttributeService Binding="urn:oasis:names:tc:SAML:1.0:bindings:SOAP-binding" Location="%2$s:8443/idp/profile/SAML1/SOAP/AttributeQuery"/>
                  </md:AttributeAuthorityDescriptor>
                  <md:Organization>
                    <md:OrganizationName xml:lang="it">Ministero dell'Interno</md:OrganizationName>
                    <md:OrganizationDisplayName xml:lang="it">Ministero dell'Interno</md:OrganizationDisplayName>
                    <md:OrganizationURL xml:lang="it">https://www.interno.gov.it</md:OrganizationURL>
                  </md:Organization>
                </md:EntityDescriptor>
                """.formatted(entityId, HOST, base64(signing, true), base64(encryption, false));
    }

    private static String base64(X509Certificate certificate, boolean wrapped) {
        try {
            byte[] der = certificate.getEncoded();
            return wrapped ? Base64.getMimeEncoder().encodeToString(der) : Base64.getEncoder().encodeToString(der);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
