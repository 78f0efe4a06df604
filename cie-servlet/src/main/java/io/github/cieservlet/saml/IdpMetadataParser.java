package io.github.cieservlet.saml;

import io.github.cieservlet.config.RequestBinding;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.common.TimeBoundSAMLObject;
import org.opensaml.saml.saml2.metadata.Endpoint;
import org.opensaml.saml.saml2.metadata.EntitiesDescriptor;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.IDPSSODescriptor;

/**
 * Reads the identity provider's SAML metadata into an {@link IdpMetadata}: a single EntityDescriptor (or an
 * EntitiesDescriptor holding exactly one SAML 2.0 identity provider) whose IDPSSODescriptor supports SAML 2.0,
 * its HTTP-POST and HTTP-Redirect SingleSignOnService, its HTTP-Redirect SingleLogoutService and the
 * certificates of its signing keys ({@code use="signing"} or no {@code use}). Everything else is ignored.
 */
public final class IdpMetadataParser {

    private IdpMetadataParser() {
    }

    /**
     * @param xml the metadata document
     * @return what the SP needs from it
     * @throws SamlXmlException when the document is not metadata of exactly one usable SAML 2.0 identity provider
     */
    public static IdpMetadata parse(byte[] xml) throws SamlXmlException {
        XMLObject root = SecureXml.unmarshall(SecureXml.parse(xml).getDocumentElement(), XMLObject.class);
        return read(onlyIdentityProvider(root));
    }

    /**
     * @param entity an EntityDescriptor with a SAML 2.0 IDPSSODescriptor (one of {@link #identityProviders})
     * @return what the SP needs from it
     * @throws SamlXmlException when it has no usable SingleSignOnService or no signing certificate
     */
    public static IdpMetadata read(EntityDescriptor entity) throws SamlXmlException {
        IDPSSODescriptor idp = entity.getIDPSSODescriptor(SAMLConstants.SAML20P_NS);

        Map<RequestBinding, String> ssoUrls = new EnumMap<>(RequestBinding.class);
        for (RequestBinding binding : RequestBinding.values()) {
            String location = location(idp.getSingleSignOnServices(), binding.uri());
            if (location != null) {
                ssoUrls.put(binding, location);
            }
        }
        if (ssoUrls.isEmpty()) {
            throw new SamlXmlException("IdP " + entity.getEntityID()
                    + " has no HTTP-POST or HTTP-Redirect SingleSignOnService");
        }
        List<X509Certificate> certificates = MetadataKeys.signingCertificates(idp);
        if (certificates.isEmpty()) {
            throw new SamlXmlException("IdP " + entity.getEntityID() + " publishes no signing certificate");
        }
        String sloUrl = location(idp.getSingleLogoutServices(), RequestBinding.REDIRECT.uri());
        return new IdpMetadata(entity.getEntityID().trim(), ssoUrls, sloUrl, certificates, validUntil(entity));
    }

    /** The earliest validUntil of the entity and the groups around it. */
    private static Instant validUntil(EntityDescriptor entity) {
        Instant earliest = null;
        for (XMLObject node = entity; node != null; node = node.getParent()) {
            Instant until = node instanceof TimeBoundSAMLObject ? ((TimeBoundSAMLObject) node).getValidUntil() : null;
            if (until != null && (earliest == null || until.isBefore(earliest))) {
                earliest = until;
            }
        }
        return earliest;
    }

    private static EntityDescriptor onlyIdentityProvider(XMLObject root) throws SamlXmlException {
        List<EntityDescriptor> found = identityProviders(root);
        if (found.size() != 1) {
            throw new SamlXmlException("the metadata must describe exactly one SAML 2.0 identity provider, it has "
                    + found.size());
        }
        return found.get(0);
    }

    /**
     * @param root the root of a metadata document: an EntityDescriptor or an EntitiesDescriptor aggregate
     * @return its EntityDescriptors with an entity ID and a SAML 2.0 IDPSSODescriptor, in document order
     * @throws SamlXmlException when the root is not SAML metadata
     */
    public static List<EntityDescriptor> identityProviders(XMLObject root) throws SamlXmlException {
        List<EntityDescriptor> found = new ArrayList<>();
        if (root instanceof EntityDescriptor) {
            collectIdentityProviders((EntityDescriptor) root, found);
        } else if (root instanceof EntitiesDescriptor) {
            collectIdentityProviders((EntitiesDescriptor) root, found);
        } else {
            throw new SamlXmlException("the document is not SAML metadata: its root is "
                    + root.getElementQName());
        }
        return found;
    }

    private static void collectIdentityProviders(EntitiesDescriptor group, List<EntityDescriptor> found) {
        for (EntityDescriptor entity : group.getEntityDescriptors()) {
            collectIdentityProviders(entity, found);
        }
        for (EntitiesDescriptor nested : group.getEntitiesDescriptors()) {
            collectIdentityProviders(nested, found);
        }
    }

    private static void collectIdentityProviders(EntityDescriptor entity, List<EntityDescriptor> found) {
        if (entity.getEntityID() != null && !entity.getEntityID().isBlank()
                && entity.getIDPSSODescriptor(SAMLConstants.SAML20P_NS) != null) {
            found.add(entity);
        }
    }

    private static String location(List<? extends Endpoint> endpoints, String binding) {
        for (Endpoint endpoint : endpoints) {
            if (binding.equals(endpoint.getBinding()) && endpoint.getLocation() != null
                    && !endpoint.getLocation().isBlank()) {
                return endpoint.getLocation().trim();
            }
        }
        return null;
    }
}
