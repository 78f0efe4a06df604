package io.github.cieservlet.testidp.idp;

import io.github.cieservlet.config.RequestBinding;
import io.github.cieservlet.saml.MetadataKeys;
import io.github.cieservlet.saml.SamlObjects;
import io.github.cieservlet.saml.SecureXml;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.IDPSSODescriptor;
import org.opensaml.saml.saml2.metadata.NameIDFormat;
import org.opensaml.saml.saml2.metadata.SingleLogoutService;
import org.opensaml.saml.saml2.metadata.SingleSignOnService;

/**
 * The test IdP's SAML metadata, shaped like the Ministry's: entity ID = POST SSO URL, WantAuthnRequestsSigned,
 * one signing certificate, SSO over HTTP-Redirect and HTTP-POST, logout over HTTP-Redirect. It is not signed:
 * the service provider trusts it because it comes from this same application on a loopback address.
 */
public final class IdpMetadataDocument {

    /** The media type of SAML metadata. */
    public static final String CONTENT_TYPE = "application/samlmetadata+xml";

    private IdpMetadataDocument() {
    }

    /**
     * @param endpoints the IdP's URLs
     * @param certificate its signing certificate
     * @return the metadata document, UTF-8
     */
    public static byte[] build(IdpEndpoints endpoints, X509Certificate certificate) {
        EntityDescriptor entity = SamlObjects.build(EntityDescriptor.DEFAULT_ELEMENT_NAME, EntityDescriptor.class);
        entity.setEntityID(endpoints.entityId());

        IDPSSODescriptor idp = SamlObjects.build(IDPSSODescriptor.DEFAULT_ELEMENT_NAME, IDPSSODescriptor.class);
        idp.addSupportedProtocol(SAMLConstants.SAML20P_NS);
        idp.setWantAuthnRequestsSigned(Boolean.TRUE);
        idp.getKeyDescriptors().add(MetadataKeys.signingKey(certificate));

        SingleLogoutService slo = SamlObjects.build(SingleLogoutService.DEFAULT_ELEMENT_NAME, SingleLogoutService.class);
        slo.setBinding(SAMLConstants.SAML2_REDIRECT_BINDING_URI);
        slo.setLocation(endpoints.sloRedirectUrl());
        idp.getSingleLogoutServices().add(slo);

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
        return SecureXml.toXml(entity).getBytes(StandardCharsets.UTF_8);
    }
}
