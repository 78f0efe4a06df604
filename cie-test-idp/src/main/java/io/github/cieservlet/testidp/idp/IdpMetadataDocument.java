package io.github.cieservlet.testidp.idp;

import io.github.cieservlet.config.RequestBinding;
import io.github.cieservlet.saml.MetadataKeys;
import io.github.cieservlet.saml.SamlIds;
import io.github.cieservlet.saml.SamlObjects;
import io.github.cieservlet.saml.SecureXml;
import io.github.cieservlet.saml.XmlSigner;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.IDPSSODescriptor;
import org.opensaml.saml.saml2.metadata.NameIDFormat;
import org.opensaml.saml.saml2.metadata.SingleLogoutService;
import org.opensaml.saml.saml2.metadata.SingleSignOnService;

/**
 * A test IdP's SAML metadata. The CIE one is shaped like the Ministry's: entity ID = POST SSO URL,
 * WantAuthnRequestsSigned, one signing certificate, SSO over HTTP-Redirect and HTTP-POST, logout over
 * HTTP-Redirect; it is not signed (the service provider trusts it because it comes from this same application on
 * a loopback address). The SPID and FICEP ones are shaped like a SPID IdP's in the AgID registry: signed with the
 * IdP's key (enveloped, Reference to the EntityDescriptor's ID), SingleLogoutService over HTTP-Redirect and
 * HTTP-POST, and a {@code saml:Attribute} for each attribute the IdP can release.
 */
public final class IdpMetadataDocument {

    /** The media type of SAML metadata. */
    public static final String CONTENT_TYPE = "application/samlmetadata+xml";

    /** The SPID attributes of a natural person the SPID test IdP can release (Tabella attributi SPID). */
    public static final List<String> SPID_ATTRIBUTES = List.of("spidCode", "name", "familyName", "placeOfBirth",
            "countyOfBirth", "dateOfBirth", "gender", "fiscalNumber", "email", "mobilePhone", "address",
            "digitalAddress", "expirationDate");

    private IdpMetadataDocument() {
    }

    /**
     * @param endpoints the CIE IdP's URLs
     * @param certificate its signing certificate
     * @return the metadata document, UTF-8
     */
    public static byte[] build(IdpEndpoints endpoints, X509Certificate certificate) {
        EntityDescriptor entity = entity(endpoints, certificate, List.of(RequestBinding.REDIRECT));
        return SecureXml.toXml(entity).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param endpoints the SPID or FICEP IdP's URLs
     * @param credentials its key, which signs the document, and its certificate
     * @return the signed metadata document, UTF-8
     */
    public static byte[] buildSigned(IdpEndpoints endpoints, IdpCredentials credentials) {
        EntityDescriptor entity = entity(endpoints, credentials.certificate(),
                List.of(RequestBinding.REDIRECT, RequestBinding.POST));
        entity.setID(SamlIds.newId());
        IDPSSODescriptor idp = entity.getIDPSSODescriptor(SAMLConstants.SAML20P_NS);
        List<String> released = endpoints.scheme() == IdpScheme.FICEP ? EidasAttributeSets.FULL : SPID_ATTRIBUTES;
        for (String name : released) {
            Attribute attribute = SamlObjects.build(Attribute.DEFAULT_ELEMENT_NAME, Attribute.class);
            attribute.setName(name);
            attribute.setNameFormat(Attribute.BASIC);
            idp.getAttributes().add(attribute);
        }
        XmlSigner signer = new XmlSigner(credentials.privateKey(), credentials.certificate());
        return SecureXml.toXml(signer.sign(entity)).getBytes(StandardCharsets.UTF_8);
    }

    private static EntityDescriptor entity(IdpEndpoints endpoints, X509Certificate certificate,
            List<RequestBinding> logoutBindings) {
        EntityDescriptor entity = SamlObjects.build(EntityDescriptor.DEFAULT_ELEMENT_NAME, EntityDescriptor.class);
        entity.setEntityID(endpoints.entityId());

        IDPSSODescriptor idp = SamlObjects.build(IDPSSODescriptor.DEFAULT_ELEMENT_NAME, IDPSSODescriptor.class);
        idp.addSupportedProtocol(SAMLConstants.SAML20P_NS);
        idp.setWantAuthnRequestsSigned(Boolean.TRUE);
        idp.getKeyDescriptors().add(MetadataKeys.signingKey(certificate));

        for (RequestBinding binding : logoutBindings) {
            SingleLogoutService slo = SamlObjects.build(SingleLogoutService.DEFAULT_ELEMENT_NAME,
                    SingleLogoutService.class);
            slo.setBinding(binding.uri());
            slo.setLocation(endpoints.sloRedirectUrl());
            idp.getSingleLogoutServices().add(slo);
        }

        NameIDFormat format = SamlObjects.build(NameIDFormat.DEFAULT_ELEMENT_NAME, NameIDFormat.class);
        format.setURI(NameIDType.TRANSIENT);
        idp.getNameIDFormats().add(format);

        for (RequestBinding binding : RequestBinding.values()) {
            SingleSignOnService sso = SamlObjects.build(SingleSignOnService.DEFAULT_ELEMENT_NAME, SingleSignOnService.class);
            sso.setBinding(binding.uri());
            sso.setLocation(endpoints.ssoUrl(binding));
            idp.getSingleSignOnServices().add(sso);
        }
        entity.getRoleDescriptors().add(idp);
        return entity;
    }
}
