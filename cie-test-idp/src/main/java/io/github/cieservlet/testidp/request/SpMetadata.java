package io.github.cieservlet.testidp.request;

import io.github.cieservlet.saml.MetadataKeys;
import io.github.cieservlet.saml.SamlXmlException;
import io.github.cieservlet.saml.SecureXml;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.metadata.AssertionConsumerService;
import org.opensaml.saml.saml2.metadata.AttributeConsumingService;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.RequestedAttribute;
import org.opensaml.saml.saml2.metadata.SPSSODescriptor;
import org.opensaml.saml.saml2.metadata.SingleLogoutService;

/**
 * What the IdP needs from the service provider's metadata: its entity ID, the certificates that sign its
 * AuthnRequests, its HTTP-POST Assertion Consumer Services, its AttributeConsumingServices (index and the
 * Names of their RequestedAttributes) and where it takes LogoutResponses.
 *
 * @param entityId the service provider's entity ID
 * @param signingCertificates certificates of KeyDescriptors with use signing (or no use); at least one
 * @param assertionConsumerServices the HTTP-POST ACSs; at least one
 * @param attributeConsumingServices the RequestedAttribute Names of each AttributeConsumingService, by index
 * @param singleLogoutUrl the ResponseLocation (else Location) of its SingleLogoutService, preferring HTTP-POST;
 *     null when it declares none
 */
public record SpMetadata(String entityId, List<X509Certificate> signingCertificates,
        List<Acs> assertionConsumerServices, Map<Integer, List<String>> attributeConsumingServices,
        String singleLogoutUrl) {

    /**
     * An HTTP-POST Assertion Consumer Service.
     *
     * @param index its index
     * @param location its URL
     * @param isDefault whether it is marked isDefault="true"
     */
    public record Acs(int index, String location, boolean isDefault) {
        /** Checks the fields. */
        public Acs {
            Objects.requireNonNull(location, "location");
        }
    }

    /** Copies the lists and checks that the metadata is usable. */
    public SpMetadata {
        Objects.requireNonNull(entityId, "entityId");
        signingCertificates = List.copyOf(signingCertificates);
        assertionConsumerServices = List.copyOf(assertionConsumerServices);
        Map<Integer, List<String>> services = new TreeMap<>();
        attributeConsumingServices.forEach((index, names) -> services.put(index, List.copyOf(names)));
        attributeConsumingServices = Collections.unmodifiableMap(services);
        if (signingCertificates.isEmpty()) {
            throw new IllegalArgumentException("the service provider metadata has no signing certificate");
        }
        if (assertionConsumerServices.isEmpty()) {
            throw new IllegalArgumentException("the service provider metadata has no HTTP-POST AssertionConsumerService");
        }
    }

    /** @return the indexes of the AttributeConsumingServices, in ascending order */
    public Set<Integer> attributeConsumingServiceIndexes() {
        return attributeConsumingServices.keySet();
    }

    /**
     * @param xml an EntityDescriptor with an SPSSODescriptor
     * @return what it says
     * @throws SamlXmlException when it is not usable SP metadata
     */
    public static SpMetadata parse(byte[] xml) throws SamlXmlException {
        EntityDescriptor entity = SecureXml.parse(xml, EntityDescriptor.class);
        SPSSODescriptor sp = entity.getSPSSODescriptor(SAMLConstants.SAML20P_NS);
        if (sp == null || entity.getEntityID() == null) {
            throw new SamlXmlException("no entityID or no SAML 2.0 SPSSODescriptor");
        }
        List<X509Certificate> certificates = MetadataKeys.signingCertificates(sp);
        List<Acs> services = new ArrayList<>();
        for (AssertionConsumerService acs : sp.getAssertionConsumerServices()) {
            if (SAMLConstants.SAML2_POST_BINDING_URI.equals(acs.getBinding()) && acs.getIndex() != null
                    && acs.getLocation() != null) {
                services.add(new Acs(acs.getIndex(), acs.getLocation(), Boolean.TRUE.equals(acs.isDefault())));
            }
        }
        Map<Integer, List<String>> attributeServices = new TreeMap<>();
        for (AttributeConsumingService service : sp.getAttributeConsumingServices()) {
            List<String> names = new ArrayList<>();
            for (RequestedAttribute attribute : service.getRequestedAttributes()) {
                if (attribute.getName() != null) {
                    names.add(attribute.getName().trim());
                }
            }
            attributeServices.put(service.getIndex(), names);
        }
        try {
            return new SpMetadata(entity.getEntityID(), certificates, services, attributeServices,
                    singleLogoutUrl(sp.getSingleLogoutServices()));
        } catch (IllegalArgumentException e) {
            throw new SamlXmlException(e.getMessage(), e);
        }
    }

    private static String singleLogoutUrl(List<SingleLogoutService> services) {
        return services.stream()
                .sorted(Comparator.comparing(slo -> !SAMLConstants.SAML2_POST_BINDING_URI.equals(slo.getBinding())))
                .map(slo -> slo.getResponseLocation() != null ? slo.getResponseLocation() : slo.getLocation())
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    /**
     * @param index an AssertionConsumerServiceIndex
     * @return the HTTP-POST ACS with that index
     */
    public Optional<Acs> acsByIndex(int index) {
        return assertionConsumerServices.stream().filter(acs -> acs.index() == index).findFirst();
    }

    /**
     * @param location an AssertionConsumerServiceURL
     * @return the HTTP-POST ACS with exactly that Location
     */
    public Optional<Acs> acsByLocation(String location) {
        return assertionConsumerServices.stream().filter(acs -> acs.location().equals(location)).findFirst();
    }

    /** @return the ACS marked isDefault, else the one with the lowest index */
    public Acs defaultAcs() {
        return assertionConsumerServices.stream().filter(Acs::isDefault).findFirst()
                .orElseGet(() -> assertionConsumerServices.stream().min(Comparator.comparingInt(Acs::index)).orElseThrow());
    }
}
